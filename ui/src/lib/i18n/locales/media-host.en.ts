// English text of Settings → Media host (the public bucket Nostr notes link their pictures
// from), merged into en.ts.
export const mediaHostEn = {
  "mediaHost.title": "Media host",
  "mediaHost.intro":
    "Nostr notes link their pictures from a public address. Set up a bucket whose objects are publicly readable; its keys stay in the keychain.",
  "mediaHost.endpoint": "S3 endpoint",
  "mediaHost.endpointHelp": "The S3 API address, without the bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO).",
  "mediaHost.bucket": "Bucket",
  "mediaHost.region": "Region (optional)",
  "mediaHost.regionPlaceholder": "auto or us-east-1",
  "mediaHost.publicUrl": "Public address",
  "mediaHost.publicUrlHelp": "Where anyone reads the bucket's objects: its public bucket address, or a CDN in front of it.",
  "mediaHost.keyId": "Access key id",
  "mediaHost.secret": "Secret access key",
  "mediaHost.secretHelp": "Kept in the system keychain; Ferry never shows it again.",
  "mediaHost.save": "Check and save",
  "mediaHost.checking": "Checking the bucket…",
  "mediaHost.checkHelp": "Saving writes a small file to the bucket and reads it back from the public address.",
  "mediaHost.inUse": "Pictures in Nostr notes are uploaded here and linked from the public address.",
  "mediaHost.deleteAfterPost": "Delete pictures after posting",
  "mediaHost.deleteAfterPostHelp":
    "Pictures Threads copies are deleted from the bucket once their posts are done. Pictures a Nostr note links are always kept.",
  "mediaHost.saving": "Saving…",
  "mediaHost.replace": "Replace…",
  "mediaHost.remove": "Remove",
  "mediaHost.removeConfirm": "Remove the host and its keys",
  "mediaHost.error.endpoint": "Give the bucket's S3 endpoint, e.g. https://<account>.r2.cloudflarestorage.com",
  "mediaHost.error.publicUrl": "Give the address the bucket's objects are publicly read from, e.g. https://pub-….r2.dev",
  "mediaHost.error.plainHttp": "Use the https:// address: plain http:// only to this computer (localhost)",
  "mediaHost.error.bucket": "A bucket name is 3 to 63 lowercase letters, digits, hyphens or dots",
  "mediaHost.error.keyId": "Give the access key id",
  "mediaHost.error.secret": "Give the secret access key",
} as const;

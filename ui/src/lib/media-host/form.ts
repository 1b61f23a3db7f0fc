// Checks the media-host form before the engine writes its test file, so a typo is named next
// to its field in an instant rather than after a round trip to the bucket. The engine checks
// again; whether the keys may write and the public address serves the bucket only it can tell.
//
//   const errors = checkMediaHost(fields);
//   if (Object.keys(errors).length === 0) await backend.call("add_s3_media_host", { add: mediaHostRequest(fields) });
import type { AddS3Host, MediaHost } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

export type MediaHostFields = {
  endpoint: string;
  bucket: string;
  region: string;
  publicUrl: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Once their posts are done, delete the pictures Threads copied; a Nostr note's pictures stay. */
  deleteAfterPost: boolean;
};

/** The form's typed-in fields (all but the delete-after-post box). */
export type TextField = Exclude<keyof MediaHostFields, "deleteAfterPost">;

/** Field name → the message to show under it. */
export type FieldErrors = Partial<Record<TextField, MessageKey>>;

/**
 * The form for a new host, or for replacing one: its addresses and its delete-after-post
 * choice kept, its keys never. A new host keeps every picture until asked otherwise.
 */
export function startFields(host: MediaHost | null): MediaHostFields {
  return {
    endpoint: host?.endpoint ?? "",
    bucket: host?.bucket ?? "",
    region: host?.region ?? "",
    publicUrl: host?.publicUrl ?? "",
    accessKeyId: "",
    secretAccessKey: "",
    deleteAfterPost: host?.deleteAfterPost ?? false,
  };
}

// The engine's rule (S3's own, minus the dotted-IP and prefix details it leaves to the server).
const BUCKET_NAME = /^[a-z0-9.-]{3,63}$/;

type Address = { url: URL } | { error: "missing" | "invalid" | "plainHttp" };

/**
 * An `https://` address, assumed when no scheme is typed; plain `http://` only to this
 * computer (a local MinIO), as the engine allows, since the keys sign what goes there.
 */
export function address(text: string): Address {
  const trimmed = text.trim();
  if (!trimmed) return { error: "missing" };
  if (/\s/.test(trimmed)) return { error: "invalid" };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: "invalid" };
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) return { error: "invalid" };
  if (url.protocol === "http:" && !isThisComputer(url.hostname)) return { error: "plainHttp" };
  return { url };
}

function isThisComputer(host: string): boolean {
  const name = host.toLowerCase();
  return name === "localhost" || name === "[::1]" || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * The endpoint and bucket as S3 wants them. R2's dashboard shows the S3 API address with the
 * bucket at its end (`https://<account>.r2.cloudflarestorage.com/notes`); pasted as it is, the
 * bucket moves to its own field instead of being named twice in every upload's path.
 */
export function splitEndpoint(endpoint: string, bucket: string): { endpoint: string; bucket: string } {
  const found = address(endpoint);
  const name = bucket.trim();
  if (!("url" in found)) return { endpoint: endpoint.trim(), bucket: name };
  const url = found.url;
  const segments = url.pathname.split("/").filter(Boolean);
  const last = segments.at(-1);
  if (last !== undefined && (last === name || (!name && segments.length === 1 && BUCKET_NAME.test(last)))) {
    segments.pop();
    return { endpoint: `${url.origin}${segments.map((s) => `/${s}`).join("")}`, bucket: last };
  }
  return { endpoint: `${url.origin}${url.pathname.replace(/\/+$/, "")}`, bucket: name };
}

export function checkMediaHost(fields: MediaHostFields): FieldErrors {
  const errors: FieldErrors = {};
  const split = splitEndpoint(fields.endpoint, fields.bucket);
  const endpoint = address(fields.endpoint);
  if ("error" in endpoint) {
    errors.endpoint = endpoint.error === "plainHttp" ? "mediaHost.error.plainHttp" : "mediaHost.error.endpoint";
  }
  if (!BUCKET_NAME.test(split.bucket)) errors.bucket = "mediaHost.error.bucket";
  const publicUrl = address(fields.publicUrl);
  if ("error" in publicUrl) {
    errors.publicUrl = publicUrl.error === "plainHttp" ? "mediaHost.error.plainHttp" : "mediaHost.error.publicUrl";
  }
  if (!fields.accessKeyId.trim()) errors.accessKeyId = "mediaHost.error.keyId";
  if (!fields.secretAccessKey.trim()) errors.secretAccessKey = "mediaHost.error.secret";
  return errors;
}

/** What `add_s3_media_host` gets from a checked form: trimmed, schemes filled in. */
export function mediaHostRequest(fields: MediaHostFields): AddS3Host {
  const split = splitEndpoint(fields.endpoint, fields.bucket);
  const publicUrl = address(fields.publicUrl);
  return {
    endpoint: split.endpoint,
    bucket: split.bucket,
    region: fields.region.trim(),
    publicUrl: "url" in publicUrl ? publicUrl.url.href.replace(/\/+$/, "") : fields.publicUrl.trim(),
    accessKeyId: fields.accessKeyId.trim(),
    secretAccessKey: fields.secretAccessKey.trim(),
    deleteAfterPost: fields.deleteAfterPost,
  };
}

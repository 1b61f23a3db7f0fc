-- A Nostr account's Blossom server (BUD-01/02), where its notes' pictures are uploaded,
-- signed with its key, instead of the S3 media host. NULL: none.
ALTER TABLE accounts ADD COLUMN blossom_url TEXT;

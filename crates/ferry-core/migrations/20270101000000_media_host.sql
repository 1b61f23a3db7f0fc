-- The public host Nostr notes' pictures are uploaded to (ferry-core/src/media_host): an
-- S3-compatible bucket. Nothing secret: its keys are in the keychain under the row's id.
CREATE TABLE media_hosts (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('s3')),
    endpoint TEXT NOT NULL,
    bucket TEXT NOT NULL,
    region TEXT NOT NULL,
    public_url TEXT NOT NULL,
    created_at TEXT NOT NULL
);

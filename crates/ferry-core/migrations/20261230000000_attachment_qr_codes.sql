-- Whether an attached picture has a QR code (RedNote shows notes with one to fewer people):
-- 1 or 0 once searched when attached, NULL for pictures attached before Ferry looked and for
-- GIF and WebP, which are not searched. See crates/ferry-core/src/media/qr_code.rs.
ALTER TABLE attachments ADD COLUMN qr_code INTEGER;

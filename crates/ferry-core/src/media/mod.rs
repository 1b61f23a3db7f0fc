//! Images attached to drafts.
//!
//! `attach_media(draft_id, path, alt)` sniffs the file (PNG, JPEG, GIF or WebP, whatever its
//! extension says), reads its size, copies it into `<data dir>/media/<sha256>.<ext>` and
//! appends it to the draft. Loading a draft checks each copy still exists and flags the ones
//! that don't (`missing: true`) instead of hiding them. A JPEG or PNG is searched for a QR code
//! on the way in (`qr_code`), which RedNote's reach check reads.

mod attach;
mod decode;
mod files;
mod focus;
mod qr_code;
pub mod sniff;

pub(crate) use decode::decode_capped;
pub use files::MAX_MEDIA_BYTES;

//! Telegram: 4,096 per message, 1,024 per media caption, in UTF-16 code units.
//!
//! The Bot API (`sendMessage`: "Text of the message to be sent, 1-4096 characters after
//! entities parsing"; `sendPhoto` caption: "0-1024 characters after entities parsing") counts
//! what is left after Markdown/HTML markup is turned into entities, and Telegram measures all
//! text positions in UTF-16 code units (`MessageEntity`: "Offset in UTF-16 code units to the
//! start of the entity", "Length of the entity in UTF-16 code units"). So `😀` counts 2 and `中`
//! counts 1. Ferry sends plain text with entities, so no markup is counted.

pub mod client;

use crate::rules::{Measurement, Network, Post, Scan, Unit};

pub const MAX_MESSAGE: usize = 4096;
pub const MAX_CAPTION: usize = 1024;
/// An album (`sendMediaGroup`) holds 2–10 items.
pub const MAX_IMAGES: usize = 10;

/// `post` on Telegram, its text read by `scan`: a message, or a caption when images are
/// attached.
pub fn measure(post: &Post<'_>, scan: &Scan<'_>) -> Measurement {
    let length = scan.utf16_len();
    // A caption holds 1,024; longer text follows the pictures as messages of its own
    // (`ferry_core`'s outbox plans it so), each up to 4,096.
    let limit = if post.images > 0 && length <= MAX_CAPTION {
        MAX_CAPTION
    } else {
        MAX_MESSAGE
    };
    let mut m = Measurement::new(Network::Telegram, length, limit, Unit::Utf16);
    if post.images > 0 && length > MAX_CAPTION {
        m.warn(
            "telegram.caption",
            "over 1,024 with pictures: the pictures go first without a caption, then the text \
             as a reply to them",
        );
    }
    m.check_common(post, MAX_IMAGES, true);
    m
}

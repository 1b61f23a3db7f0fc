//! Why an image can't be used.

use ferry_macros::Coded;

#[derive(Debug, thiserror::Error, Coded)]
pub enum MediaError {
    #[error("image {index}: {detail}")]
    #[code("media.unsupported")]
    Unsupported { index: usize, detail: String },
    #[error("image {index} cannot be read: {detail}")]
    #[code("media.undecodable")]
    Undecodable { index: usize, detail: String },
    #[error(
        "{network}: image {index} is still {bytes} bytes at the smallest size Ferry will make it \
         ({width}×{height}); the limit is {limit} bytes"
    )]
    #[code("media.too_large")]
    TooLarge {
        network: &'static str,
        index: usize,
        bytes: usize,
        limit: u64,
        width: u32,
        height: u32,
    },
    #[error("{network}: at most {limit} images per post; this one has {count}")]
    #[code("media.too_many")]
    TooMany {
        network: &'static str,
        count: usize,
        limit: usize,
    },
    #[error(
        "image {index} is {width}×{height} pixels by its header; Ferry reads images of at most \
         {limit} pixels (scale it down first)"
    )]
    #[code("media.too_many_pixels")]
    TooManyPixels {
        index: usize,
        width: u32,
        height: u32,
        limit: u64,
    },
    #[error("image {index} could not be encoded: {detail}")]
    #[code("media.encode")]
    Encode { index: usize, detail: String },
}

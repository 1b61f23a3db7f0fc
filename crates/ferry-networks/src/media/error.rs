//! Why an image can't be used.

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("image {index}: {detail}")]
    Unsupported { index: usize, detail: String },
    #[error("image {index} cannot be read: {detail}")]
    Undecodable { index: usize, detail: String },
    #[error(
        "{network}: image {index} is still {bytes} bytes at the smallest size Ferry will make it \
         ({width}×{height}); the limit is {limit} bytes"
    )]
    TooLarge {
        network: &'static str,
        index: usize,
        bytes: usize,
        limit: u64,
        width: u32,
        height: u32,
    },
    #[error("{network}: at most {limit} images per post; this one has {count}")]
    TooMany {
        network: &'static str,
        count: usize,
        limit: usize,
    },
    #[error("image {index} could not be encoded: {detail}")]
    Encode { index: usize, detail: String },
}

impl MediaError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unsupported { .. } => "media.unsupported",
            Self::Undecodable { .. } => "media.undecodable",
            Self::TooLarge { .. } => "media.too_large",
            Self::TooMany { .. } => "media.too_many",
            Self::Encode { .. } => "media.encode",
        }
    }
}

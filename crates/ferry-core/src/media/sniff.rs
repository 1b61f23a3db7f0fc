//! What kind of image a file really is, from its bytes (the extension is not trusted), and
//! its pixel size. Ferry attaches PNG, JPEG, GIF and WebP: what every target network takes.

use imagesize::ImageType;

/// The images Ferry attaches, by file extension, with their media types: what the file dialog
/// offers (the UI's `IMAGE_EXTENSIONS`) and what the shell serves stored copies as. A file's
/// bytes decide what it is ([`sniff`]); its stored copy is named with the first extension here.
pub const IMAGE_TYPES: [(&str, &str); 5] = [
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
];

/// The media type of an extension in [`IMAGE_TYPES`].
pub fn media_type_of(extension: &str) -> Option<&'static str> {
    IMAGE_TYPES
        .iter()
        .find(|(known, _)| *known == extension)
        .map(|(_, media_type)| *media_type)
}

/// A recognised image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    pub media_type: &'static str,
    pub extension: &'static str,
    pub width: u32,
    pub height: u32,
}

/// Recognises `bytes` as a supported image, or says in words why not.
pub fn sniff(bytes: &[u8]) -> Result<ImageInfo, String> {
    if bytes.is_empty() {
        return Err("the file is empty".to_owned());
    }
    let (media_type, extension) = match imagesize::image_type(bytes) {
        Ok(ImageType::Png) => ("image/png", "png"),
        Ok(ImageType::Jpeg) => ("image/jpeg", "jpg"),
        Ok(ImageType::Gif) => ("image/gif", "gif"),
        Ok(ImageType::Webp) => ("image/webp", "webp"),
        _ => return Err(describe_other(bytes)),
    };
    let size = imagesize::blob_size(bytes).map_err(|err| {
        format!("it starts like a {extension} image but its header is damaged or cut short ({err})")
    })?;
    let width = u32::try_from(size.width).unwrap_or(0);
    let height = u32::try_from(size.height).unwrap_or(0);
    if width == 0 || height == 0 {
        return Err(format!(
            "its {extension} header gives a size of {width}×{height} pixels"
        ));
    }
    // Refused here, at attach, rather than when a post is sent: no network could take it.
    let limit = ferry_networks::media::MAX_DECODE_PIXELS;
    if u64::from(width) * u64::from(height) > limit {
        return Err(format!(
            "it is {width}×{height} pixels; Ferry reads images of at most {} megapixels \
             (scale it down first)",
            limit / 1_000_000
        ));
    }
    Ok(ImageInfo {
        media_type,
        extension,
        width,
        height,
    })
}

/// A better reason than "unknown" for files people commonly pick by mistake.
fn describe_other(bytes: &[u8]) -> String {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let brand = bytes.get(4..12);
    let kind = if starts(b"%PDF") {
        "a PDF document"
    } else if brand.is_some_and(|b| {
        b.starts_with(b"ftypheic") || b.starts_with(b"ftypheix") || b.starts_with(b"ftypmif1")
    }) {
        "a HEIC/HEIF photo (export it as JPEG first)"
    } else if brand.is_some_and(|b| b.starts_with(b"ftypavif")) {
        "an AVIF image"
    } else if brand.is_some_and(|b| b.starts_with(b"ftyp")) {
        "a video or MP4-family file"
    } else if starts(b"BM") {
        "a BMP image"
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "a TIFF image"
    } else if starts(b"PK\x03\x04") {
        "a ZIP archive (or Office document)"
    } else if starts(b"<svg") || starts(b"<?xml") {
        "an SVG or XML file"
    } else if std::str::from_utf8(&bytes[..bytes.len().min(512)]).is_ok() {
        "a text file"
    } else {
        "not an image Ferry recognises"
    };
    // Only the kind: the file's own bytes never go into a message (a mistaken pick may be a
    // key file, and messages reach the window, the CLI's output and logs).
    format!("its content is {kind}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_non_images() {
        assert!(sniff(b"").unwrap_err().contains("empty"));
        assert!(sniff(b"%PDF-1.7\n...").unwrap_err().contains("PDF"));
        assert!(
            sniff("你好，世界".as_bytes())
                .unwrap_err()
                .contains("text file")
        );
        // A text file holding a secret: the message names the kind, never the content.
        let key_file = sniff(b"sk-live-1234567890abcdef").unwrap_err();
        assert!(key_file.contains("text file"), "{key_file}");
        for leak in ["sk-live", "73 6b 2d", "736b"] {
            assert!(!key_file.contains(leak), "{key_file}");
        }
        let truncated_png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHD";
        assert!(sniff(truncated_png).unwrap_err().contains("png"));
    }

    #[test]
    fn an_image_no_network_could_take_is_refused_at_attach() {
        // A PNG header claiming 65,000 × 65,000 pixels (the rest of the file never matters).
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&65_000u32.to_be_bytes());
        png.extend_from_slice(&65_000u32.to_be_bytes());
        png.extend_from_slice(b"\x08\x06\0\0\0");
        let err = sniff(&png).unwrap_err();
        assert!(err.contains("65000×65000 pixels"), "{err}");
        assert!(err.contains("250 megapixels"), "{err}");
    }

    #[test]
    fn what_sniff_recognises_is_listed() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
        let gif = b"GIF89a\x01\0\x01\0\0\0\0;";
        for bytes in [&png[..], &gif[..]] {
            let info = sniff(bytes).unwrap();
            assert_eq!(media_type_of(info.extension), Some(info.media_type));
        }
        assert_eq!(media_type_of("jpeg"), Some("image/jpeg"));
        assert_eq!(media_type_of("svg"), None);
    }
}

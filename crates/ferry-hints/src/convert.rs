//! Simplified ↔ Traditional Chinese with regional phrasing, through OpenCC's own tables
//! (`ferrous-opencc`, Apache-2.0, embedded in the binary).
//!
//! ```
//! use ferry_hints::convert::{convert, Target};
//! assert_eq!(convert("鼠标和软件", Target::Taiwan).unwrap(), "滑鼠和軟體");
//! assert_eq!(convert("滑鼠和軟體", Target::Simplified).unwrap(), "鼠标和软件");
//! ```
//!
//! Taiwan uses `s2twp` (characters *and* vocabulary: 软件 → 軟體), Hong Kong `s2hk`
//! (characters in Hong Kong's standard forms), plain Traditional `s2t`. Back to Simplified,
//! `tw2sp` undoes Taiwan vocabulary, which also handles Hong Kong and generic Traditional
//! text. Each converter is built on first use and shared afterwards.

use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use crate::error::HintsError;

/// Which Chinese to convert into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `zh-Hans`: Mainland simplified characters and vocabulary.
    Simplified,
    /// `zh-Hant`: traditional characters, Taiwan phrasing (the most common Traditional
    /// audience on both networks).
    Traditional,
    /// `zh-TW`: same as `Traditional`, named for its region.
    Taiwan,
    /// `zh-HK`: Hong Kong character forms.
    HongKong,
}

impl Target {
    /// Parses `zh-Hans`, `zh-Hant`, `zh-TW`, `zh-HK` (also `zh-CN`, `s`, `t`), any case.
    pub fn parse(name: &str) -> Result<Target, HintsError> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-hans" | "zh-cn" | "zh-sg" | "hans" | "s" => Ok(Target::Simplified),
            "zh-hant" | "hant" | "t" => Ok(Target::Traditional),
            "zh-tw" | "tw" => Ok(Target::Taiwan),
            "zh-hk" | "hk" | "zh-mo" => Ok(Target::HongKong),
            _ => Err(HintsError::UnknownTarget {
                target: name.to_owned(),
            }),
        }
    }
}

/// Converts `text` into `target`. Non-Chinese characters pass through unchanged.
pub fn convert(text: &str, target: Target) -> Result<String, HintsError> {
    let (config, name) = match target {
        Target::Simplified => (BuiltinConfig::Tw2sp, "tw2sp"),
        Target::Traditional | Target::Taiwan => (BuiltinConfig::S2twp, "s2twp"),
        Target::HongKong => (BuiltinConfig::S2hk, "s2hk"),
    };
    Ok(converter(config, name)?.convert(text))
}

/// Character converters (no vocabulary) for telling the scripts apart by counting the
/// characters each would change: Simplified → Taiwan, Simplified → Hong Kong, Traditional →
/// Simplified. Both regional ones are needed because each keeps characters the other changes
/// (`s2tw` turns 台 into 臺, which Taiwan itself writes 台; `s2hk` keeps it).
pub(crate) fn char_converters() -> Result<[&'static OpenCC; 3], HintsError> {
    Ok([
        converter(BuiltinConfig::S2tw, "s2tw")?,
        converter(BuiltinConfig::S2hk, "s2hk")?,
        converter(BuiltinConfig::T2s, "t2s")?,
    ])
}

fn converter(config: BuiltinConfig, name: &'static str) -> Result<&'static OpenCC, HintsError> {
    static SLOTS: [OnceLock<Result<OpenCC, String>>; 6] = [const { OnceLock::new() }; 6];
    // One slot per configuration this module uses.
    let slot = match name {
        "tw2sp" => 0,
        "s2twp" => 1,
        "s2hk" => 2,
        "s2tw" => 3,
        "t2s" => 4,
        _ => 5,
    };
    SLOTS[slot]
        .get_or_init(|| OpenCC::from_config(config).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|reason| HintsError::Converter {
            config: name,
            reason: reason.clone(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_with_regional_phrasing_and_back() {
        assert_eq!(
            convert("头发很软", Target::Traditional).unwrap(),
            "頭髮很軟"
        );
        assert_eq!(convert("信息和软件", Target::Taiwan).unwrap(), "資訊和軟體");
        assert_eq!(
            convert("资讯和软体", Target::Simplified).unwrap(),
            "资讯和软体"
        );
        assert_eq!(
            convert("資訊和軟體", Target::Simplified).unwrap(),
            "信息和软件"
        );
        assert_eq!(convert("Hello 😀", Target::HongKong).unwrap(), "Hello 😀");
        assert_eq!(convert("", Target::HongKong).unwrap(), "");
        assert_eq!(Target::parse("zh-HK").unwrap(), Target::HongKong);
        assert_eq!(
            Target::parse("klingon").unwrap_err().code(),
            "convert.unknown_target"
        );
    }
}

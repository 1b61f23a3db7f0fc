//! Audience languages as BCP-47 tags (`en`, `zh-Hans`, `zh-Hant`, `ja`, `pt-BR` …).
//!
//! `LangTag::parse` checks the tag is well formed and puts it in canonical case (`zh-hans` →
//! `zh-Hans`), so one language never ends up stored under two spellings.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::error::StoreError;

/// A well-formed BCP-47 language tag in canonical case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[ts(export, type = "string")]
pub struct LangTag(String);

impl LangTag {
    /// Parses and canonicalises `tag`: language lowercase, script Titlecase, region uppercase.
    pub fn parse(tag: &str) -> Result<LangTag, StoreError> {
        let invalid = |why: &str| StoreError::InvalidLanguage {
            tag: tag.to_owned(),
            reason: why.to_owned(),
        };
        let mut parts = tag.split('-');
        let language = parts.next().unwrap_or_default();
        if !(2..=8).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic())
        {
            return Err(invalid("the language subtag must be 2–8 ASCII letters"));
        }
        let mut canonical = language.to_ascii_lowercase();
        // After a singleton (`x-…`, `u-…`) subtags are private/extension data: keep them
        // lowercase and stop recognising scripts and regions.
        let mut after_singleton = false;
        for sub in parts {
            if sub.is_empty() || sub.len() > 8 || !sub.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(invalid("each subtag must be 1–8 ASCII letters or digits"));
            }
            canonical.push('-');
            if sub.len() == 1 {
                after_singleton = true;
            }
            if !after_singleton && sub.len() == 4 && sub.bytes().all(|b| b.is_ascii_alphabetic()) {
                canonical.push_str(&sub[..1].to_ascii_uppercase());
                canonical.push_str(&sub[1..].to_ascii_lowercase());
            } else if !after_singleton && sub.len() == 2 {
                canonical.push_str(&sub.to_ascii_uppercase());
            } else {
                canonical.push_str(&sub.to_ascii_lowercase());
            }
        }
        Ok(LangTag(canonical))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for LangTag {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LangTag::parse(s)
    }
}

impl<'de> Deserialize<'de> for LangTag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        LangTag::parse(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_case() {
        assert_eq!(LangTag::parse("zh-hans").unwrap().as_str(), "zh-Hans");
        assert_eq!(LangTag::parse("ZH-HANT-tw").unwrap().as_str(), "zh-Hant-TW");
        assert_eq!(LangTag::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert_eq!(LangTag::parse("ja").unwrap().as_str(), "ja");
        assert_eq!(LangTag::parse("en-x-tw").unwrap().as_str(), "en-x-tw");
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "e",
            "en-",
            "en--US",
            "中文",
            "en_US",
            "toolonglanguage",
            "en-US!",
        ] {
            let err = LangTag::parse(bad).unwrap_err();
            assert_eq!(err.code(), "draft.invalid_language", "{bad}");
        }
    }
}

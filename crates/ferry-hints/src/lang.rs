//! Language tags as Ferry uses them: BCP 47, with Chinese split by script (`zh-Hans`,
//! `zh-Hant`) because that is what a reader notices first.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language label for a run of text or a whole post.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ts_rs::TS)]
#[ts(type = "string")]
pub enum Lang {
    English,
    /// Chinese in simplified characters (Mainland, Singapore).
    ZhHans,
    /// Chinese in traditional characters (Taiwan, Hong Kong, Macau).
    ZhHant,
    Japanese,
    Korean,
    /// Any other language a detector named, as its BCP 47 tag (`fr`, `ru`, …).
    Other(String),
    /// No letters to judge by (only emoji, links, digits…), or too little to tell.
    Undetermined,
}

impl Lang {
    /// The BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `ja`, `ko`, `und`, …).
    pub fn tag(&self) -> &str {
        match self {
            Lang::English => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::Japanese => "ja",
            Lang::Korean => "ko",
            Lang::Other(tag) => tag,
            Lang::Undetermined => "und",
        }
    }

    /// Parses a tag, accepting the regional spellings people write for Chinese variants
    /// (`zh-CN`, `zh-TW`, `zh-HK`, plain `zh` = simplified). Unknown tags become `Other`.
    pub fn parse(tag: &str) -> Lang {
        match tag.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "en-us" | "en-gb" => Lang::English,
            "zh" | "zh-hans" | "zh-cn" | "zh-sg" | "zh-hans-cn" => Lang::ZhHans,
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant-tw" | "zh-hant-hk" => Lang::ZhHant,
            "ja" | "ja-jp" => Lang::Japanese,
            "ko" | "ko-kr" => Lang::Korean,
            "" | "und" => Lang::Undetermined,
            _ => Lang::Other(tag.trim().to_owned()),
        }
    }

    /// True for both Chinese scripts.
    pub fn is_chinese(&self) -> bool {
        matches!(self, Lang::ZhHans | Lang::ZhHant)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        Ok(Lang::parse(&String::deserialize(deserializer)?))
    }
}

impl From<Lang> for String {
    fn from(lang: Lang) -> String {
        lang.tag().to_owned()
    }
}

impl From<String> for Lang {
    fn from(tag: String) -> Lang {
        Lang::parse(&tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_regional_spellings_normalise() {
        for tag in ["en", "zh-Hans", "zh-Hant", "ja", "ko", "fr", "und"] {
            assert_eq!(Lang::parse(tag).tag(), tag);
        }
        assert_eq!(Lang::parse("zh-TW"), Lang::ZhHant);
        assert_eq!(Lang::parse("zh_CN"), Lang::ZhHans);
        assert_eq!(serde_json::to_string(&Lang::ZhHant).unwrap(), "\"zh-Hant\"");
    }
}

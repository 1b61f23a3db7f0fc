//! The text one network gets of one variant, decided in one place: the composer's counters
//! (`check_variant` in the app) and the outbox must agree to the character, or a post that
//! counted as fitting would be refused, or sent longer than shown.
//!
//! ```
//! use ferry_core::{DraftContent, LangTag, NetworkId, Variant};
//! use ferry_core::model::with_topics;
//!
//! let content = DraftContent {
//!     variants: vec![Variant { lang: LangTag::parse("en").unwrap(), text: " Hello ".into() }],
//!     ..Default::default()
//! };
//! let chosen = content.text_for(&LangTag::parse("en").unwrap(), NetworkId::X);
//! assert_eq!((chosen.base, chosen.from_override), ("Hello", false));
//! assert_eq!(with_topics(chosen.base, "#ferry"), "Hello\n\n#ferry");
//! ```

use super::{DraftContent, LangTag, NetworkId};

/// A variant's text as chosen for one network, before topics are added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChosenText<'a> {
    /// The per-network override for that language if there is one, else the variant's
    /// text (empty when the draft has no such variant); trimmed.
    pub base: &'a str,
    pub from_override: bool,
}

impl DraftContent {
    /// The text `network` gets for the audience `lang`, before topics are appended.
    pub fn text_for(&self, lang: &LangTag, network: NetworkId) -> ChosenText<'_> {
        let own = self
            .overrides
            .iter()
            .find(|o| &o.lang == lang && o.network == network);
        let base = own
            .map(|o| o.text.as_str())
            .or_else(|| {
                self.variants
                    .iter()
                    .find(|v| &v.lang == lang)
                    .map(|v| v.text.as_str())
            })
            .unwrap_or_default()
            .trim();
        ChosenText {
            base,
            from_override: own.is_some(),
        }
    }
}

/// `text` with the draft's topics (already written in the network's convention) after a
/// blank line — unless the writer already put them in the text themselves.
pub fn with_topics(text: &str, topics: &str) -> String {
    if topics.is_empty() || text.contains(topics) {
        text.to_owned()
    } else if text.is_empty() {
        topics.to_owned()
    } else {
        format!("{text}\n\n{topics}")
    }
}

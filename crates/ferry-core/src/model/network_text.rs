//! The text one network gets of one variant, decided in one place: the composer's counters,
//! `ferry check` (both through [`crate::checks`]) and the outbox's plan must agree to the
//! character, or a post that counted as fitting would be refused, or sent longer than shown.
//!
//! ```
//! use ferry_core::{DraftContent, LangTag, Network, Variant};
//!
//! let content = DraftContent {
//!     variants: vec![Variant { lang: LangTag::parse("en").unwrap(), text: " Hello ".into() }],
//!     topics: vec!["ferry".into()],
//!     ..Default::default()
//! };
//! let en = LangTag::parse("en").unwrap();
//! let chosen = content.text_for(&en, Network::X);
//! assert_eq!((chosen.base, chosen.from_override), ("Hello", false));
//! assert_eq!(content.network_text(&en, Network::X).text, "Hello\n\n#ferry");
//! ```
//!
//! The steps: the per-network override for the language if there is one, else the variant's
//! text, trimmed; on RedNote the first line is the note's title when more lines follow
//! ([`ferry_networks::rednote::title_and_body`]); then the draft's topics in the network's
//! convention after a blank line ([`ferry_networks::rules::topics`]).

use ferry_networks::rednote;
use ferry_networks::rules::{self, Topics};

use super::{DraftContent, LangTag, Network};

/// A variant's text as chosen for one network, before topics are added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChosenText<'a> {
    /// The per-network override for that language if there is one, else the variant's
    /// text (empty when the draft has no such variant); trimmed.
    pub base: &'a str,
    pub from_override: bool,
}

/// Everything one network gets of one variant: what is measured and sent, and its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkText<'a> {
    /// RedNote's note title (the first line when more follow); `None` elsewhere.
    pub title: Option<&'a str>,
    /// The chosen text without the title, before the topics.
    pub body: &'a str,
    /// The draft's topics in the network's convention (and Nostr's `t` tags).
    pub topics: Topics,
    /// `body` with the topics appended: exactly what is measured and posted.
    pub text: String,
    /// Whether the text is this network's own override rather than the variant's.
    pub from_override: bool,
}

impl DraftContent {
    /// The text `network` gets for the audience `lang`, before topics are appended.
    pub fn text_for(&self, lang: &LangTag, network: Network) -> ChosenText<'_> {
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

    /// Everything `network` gets for the audience `lang`: title, body, topics and the text
    /// they make.
    pub fn network_text(&self, lang: &LangTag, network: Network) -> NetworkText<'_> {
        let chosen = self.text_for(lang, network);
        let (title, body) = match network {
            Network::Rednote => rednote::title_and_body(chosen.base),
            _ => (None, chosen.base),
        };
        let topic_refs: Vec<&str> = self.topics.iter().map(String::as_str).collect();
        let topics = rules::topics(network, &topic_refs);
        let text = with_topics(body, &topics.text);
        NetworkText {
            title,
            body,
            topics,
            text,
            from_override: chosen.from_override,
        }
    }
}

/// `text` with the draft's topics (already written in the network's convention) after a
/// blank line — unless the writer already put them in the text themselves.
fn with_topics(text: &str, topics: &str) -> String {
    if topics.is_empty() || text.contains(topics) {
        text.to_owned()
    } else if text.is_empty() {
        topics.to_owned()
    } else {
        format!("{text}\n\n{topics}")
    }
}

//! One variant checked on each of a draft's target networks: the composer's `check_variant`
//! command, as the UI calls it on every keystroke.
//!
//! ```text
//! invoke("check_variant", { request: { content, lang: "en", limits: { mastodon: 11000 } } })
//!   → [{ network: "x", text, body, title, titleLength, titleLimit, topics, fromOverride,
//!        misshapenImages, reach, preview }, …]
//! ```
//!
//! `preview` names the networks whose spans and thread parts are wanted (the preview tab on
//! show); the rest are only measured. Drafts have no Mastodon content warning yet; when they
//! do, it goes in as the post's `spoiler`, counted with the text.

use ferry_networks::rednote;
use ferry_networks::rednote::reach::{self, Reach};
use ferry_networks::rules::{self, Post, Preview, Settings, Topics};
use ferry_networks::text::graphemes;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::limits::NetworkLimits;
use crate::error::StoreError;
use crate::model::{DraftContent, LangTag, Network};

/// One variant of a draft, to be checked on each of the draft's target networks.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VariantCheckRequest {
    pub content: DraftContent,
    /// The variant's language; a language without a variant checks as empty text.
    pub lang: LangTag,
    #[serde(default)]
    pub limits: NetworkLimits,
    /// The networks whose full preview (spans, thread parts) is wanted, e.g. the preview tab
    /// on show; the others get their measurement only (no spans, no parts), all a counter
    /// needs — cutting and splitting a long text is most of a check's cost. `None`: all.
    #[serde(default)]
    pub preview: Option<Vec<Network>>,
}

impl VariantCheckRequest {
    /// The variant in `lang` with default limits and every preview.
    pub fn new(content: DraftContent, lang: LangTag) -> Self {
        VariantCheckRequest {
            content,
            lang,
            limits: NetworkLimits::default(),
            preview: None,
        }
    }
}

/// What one network gets from the variant, measured, with its preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkCheck {
    pub network: Network,
    /// Exactly what is measured; the preview's span offsets are UTF-8 byte offsets into it.
    pub text: String,
    /// The text before the topics (RedNote: without its title line).
    pub body: String,
    /// RedNote's note title and its length in characters; `None` elsewhere or without one.
    pub title: Option<String>,
    pub title_length: Option<u32>,
    /// The most characters the network's title takes (RedNote's 20); `None` without titles.
    pub title_limit: Option<u32>,
    pub topics: Topics,
    /// Whether the text is this network's own version rather than the variant's.
    pub from_override: bool,
    /// The ids of the attachments the network shows cropped or letterboxed (RedNote: those
    /// not 3:4), in the draft's order; empty where any shape is shown whole.
    pub misshapen_images: Vec<String>,
    /// RedNote: what makes it show the note to fewer people — links, other apps' names and
    /// handles, pictures with a QR code (also warnings in the measurement); `None` elsewhere
    /// and when nothing was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reach: Option<Reach>,
    pub preview: Preview,
}

/// Checks the variant in `lang` on every network the draft targets, in the targets' order
/// (a network targeted twice, through two accounts, is checked once).
pub fn check_variant(request: &VariantCheckRequest) -> Result<Vec<NetworkCheck>, StoreError> {
    let settings = request.limits.settings()?;
    let mut seen: Vec<Network> = Vec::new();
    for target in &request.content.targets {
        if !seen.contains(&target.network) {
            seen.push(target.network);
        }
    }
    Ok(seen
        .into_iter()
        .map(|network| check_one(request, network, &settings))
        .collect())
}

fn check_one(request: &VariantCheckRequest, network: Network, settings: &Settings) -> NetworkCheck {
    let content = &request.content;
    let chosen = content.network_text(&request.lang, network);
    let post = Post {
        text: &chosen.text,
        title: chosen.title,
        spoiler: None,
        images: content.attachments.len(),
    };
    let wanted = request
        .preview
        .as_ref()
        .is_none_or(|p| p.contains(&network));
    let preview = if wanted {
        rules::preview(network, &post, settings, true)
    } else {
        Preview {
            measurement: rules::measure(network, &post, settings),
            spans: Vec::new(),
            parts: Vec::new(),
        }
    };
    let is_rednote = network == Network::Rednote;
    let mut preview = preview;
    let reach = is_rednote.then(|| rednote_reach(request, &chosen.text, &mut preview));
    NetworkCheck {
        network,
        preview,
        body: chosen.body.to_owned(),
        title: chosen.title.map(str::to_owned),
        title_length: chosen.title.map(|t| graphemes::count(t) as u32),
        title_limit: is_rednote.then_some(rednote::MAX_TITLE as u32),
        topics: chosen.topics,
        from_override: chosen.from_override,
        misshapen_images: content
            .attachments
            .iter()
            .filter(|a| is_rednote && !rednote::fits_image_shape(a.width, a.height))
            .map(|a| a.id.clone())
            .collect(),
        reach: reach.filter(|r| !r.is_empty()),
        text: chosen.text,
    }
}

/// RedNote's reach: links and other apps from the text (the measurement warned of those
/// already), and the pictures found to hold a QR code when attached, warned of here.
fn rednote_reach(request: &VariantCheckRequest, text: &str, preview: &mut Preview) -> Reach {
    let scan = rules::Scan::new(text);
    let qr: Vec<&crate::model::Attachment> = request
        .content
        .attachments
        .iter()
        .filter(|a| a.qr_code == Some(true))
        .collect();
    if !qr.is_empty() {
        let names: Vec<&str> = qr.iter().map(|a| a.original_name.as_str()).collect();
        preview.measurement.warn(
            "rednote.qr_code",
            format!(
                "RedNote shows notes with a QR code in a picture to fewer people: {}",
                names.join(", ")
            ),
        );
    }
    Reach {
        links: reach::links(&scan),
        elsewhere: reach::elsewhere(text),
        qr_code_images: qr.iter().map(|a| a.id.clone()).collect(),
    }
}

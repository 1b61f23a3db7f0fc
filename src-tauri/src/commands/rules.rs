//! Live counters and previews: what each of a draft's target networks gets from one variant,
//! measured and cut into spans by `ferry-networks`' rules — the code `ferry check` and the
//! publisher run, so the composer, the CLI and "Post now" agree on every number.
//!
//! ```text
//! invoke("check_variant", { request: { content, lang: "en", limits: { mastodon: 11000 } } })
//!   → [{ network: "x", text, body, title, titleLength, topics, fromOverride, preview }, …]
//! ```
//!
//! The text a network gets is the per-network override for that language if there is one,
//! else the variant's text, trimmed, with the draft's topics appended in the network's
//! convention (as `ferry_core::outbox` plans a publish). On RedNote the first line is the
//! note's title when more lines follow; the rest is the body.
//!
//! `limits` carries what only an account knows: a Mastodon instance's `max_characters`.
//! Without it Mastodon counts against the default 500. `preview` names the networks whose
//! spans and thread parts are wanted (the preview tab on show); the rest are only measured.
//! Drafts have no Mastodon content warning yet; when they do, it goes in as the post's
//! `spoiler`, counted with the text.

use ferry_core::model::with_topics;
use ferry_core::{DraftContent, LangTag, NetworkId};
use ferry_networks::rules::{self, Network, Post, Preview, Settings, Topics};
use ferry_networks::text::graphemes;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CommandError, CommandResult};

/// Limits that come from an account rather than the network's rules; `None` keeps the default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkLimits {
    /// The Mastodon instance's `configuration.statuses.max_characters`.
    #[serde(default)]
    pub mastodon: Option<u32>,
}

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
    pub topics: Topics,
    /// Whether the text is this network's own version rather than the variant's.
    pub from_override: bool,
    pub preview: Preview,
}

/// Checks the variant in `lang` on every network the draft targets, in the targets' order.
#[ferry_macros::command]
pub async fn check_variant(request: VariantCheckRequest) -> CommandResult<Vec<NetworkCheck>> {
    check(&request)
}

/// The command's body, apart for tests.
pub fn check(request: &VariantCheckRequest) -> CommandResult<Vec<NetworkCheck>> {
    let settings = settings(request.limits)?;
    let mut seen: Vec<NetworkId> = Vec::new();
    let mut out = Vec::new();
    for target in &request.content.targets {
        if seen.contains(&target.network) {
            continue;
        }
        seen.push(target.network);
        out.push(check_one(request, target.network, &settings)?);
    }
    Ok(out)
}

fn settings(limits: NetworkLimits) -> CommandResult<Settings> {
    let mut settings = Settings::default();
    if let Some(max) = limits.mastodon {
        if max == 0 {
            return Err(CommandError::new(
                "limits.invalid",
                "limits.mastodon: an instance's max_characters must be at least 1, not 0",
            ));
        }
        settings.mastodon_max_characters = max as usize;
    }
    Ok(settings)
}

fn check_one(
    request: &VariantCheckRequest,
    id: NetworkId,
    settings: &Settings,
) -> CommandResult<NetworkCheck> {
    let network: Network = id
        .as_str()
        .parse()
        .map_err(|e: rules::RulesError| CommandError::new(e.code(), e.to_string()))?;
    let content = &request.content;
    let chosen = content.text_for(&request.lang, id);
    let base = chosen.base;
    let (title, body) = match network {
        Network::Rednote => title_and_body(base),
        _ => (None, base),
    };
    let topic_refs: Vec<&str> = content.topics.iter().map(String::as_str).collect();
    let topics = rules::topics(network, &topic_refs);
    let text = with_topics(body, &topics.text);
    let post = Post {
        text: &text,
        title,
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
    Ok(NetworkCheck {
        network,
        preview,
        body: body.to_owned(),
        title: title.map(str::to_owned),
        title_length: title.map(|t| graphemes::count(t) as u32),
        topics,
        from_override: chosen.from_override,
        text,
    })
}

/// RedNote's title is the first line when more lines follow; a single paragraph is all body.
fn title_and_body(text: &str) -> (Option<&str>, &str) {
    match text.split_once('\n') {
        Some((first, rest)) if !first.trim().is_empty() && !rest.trim().is_empty() => {
            (Some(first.trim()), rest.trim())
        }
        _ => (None, text),
    }
}

//! Turning a draft into targets before anything is sent: which accounts, which variant for
//! each (the account's audience, or an explicit mapping), the text (a per-network override
//! wins over the variant; topics appended in the network's convention), measured with the
//! network's rules and split into a thread when too long — or refused, naming the network
//! and by how much, when it can't be sent as it is.

use ferry_networks::rules::{self, Network, Post, Settings};
use serde::{Deserialize, Serialize};

use super::error::PublishError;
use super::model::{AudienceMapping, PublishRequest};
use crate::ErrorPayload;
use crate::accounts::{Account, AccountError};
use crate::model::{Draft, LangTag, NetworkId};

/// An image as a target sends it: the stored copy, and the alt text in the variant's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PlannedMedia {
    pub stored_name: String,
    pub original_name: String,
    pub media_type: String,
    pub alt: String,
}

/// One (variant, account) pair, ready to be written to the outbox.
#[derive(Debug, Clone)]
pub(crate) struct PlannedTarget {
    pub account: Account,
    pub lang: LangTag,
    /// The post, or a thread's parts in order; empty when refused.
    pub parts: Vec<String>,
    pub media: Vec<PlannedMedia>,
    /// Nostr `t` tags for the topics.
    pub tags: Vec<String>,
    /// Why this target is refused before sending (too long, no variant for the audience …).
    pub refusal: Option<ErrorPayload>,
}

/// The accounts a request goes to: `to`, else the draft's targets.
pub(crate) fn accounts_for(
    draft: &Draft,
    request: &PublishRequest,
    all: &[Account],
) -> Result<Vec<Account>, PublishError> {
    let find = |id: &str| {
        all.iter()
            .find(|a| a.id == id)
            .cloned()
            .ok_or_else(|| PublishError::Account(AccountError::NotFound { id: id.to_owned() }))
    };
    let mut chosen: Vec<Account> = Vec::new();
    let mut push = |account: Account| {
        if !chosen.iter().any(|a| a.id == account.id) {
            chosen.push(account);
        }
    };
    if !request.to.is_empty() {
        for id in &request.to {
            push(find(id)?);
        }
    } else {
        for target in &draft.content.targets {
            let account = match &target.account_id {
                Some(id) => find(id)?,
                None => all
                    .iter()
                    .find(|a| a.network == target.network)
                    .cloned()
                    .ok_or(PublishError::NoAccount {
                        draft: draft.id.clone(),
                        network: target.network,
                    })?,
            };
            push(account);
        }
    }
    if chosen.is_empty() {
        return Err(PublishError::NoTargets {
            draft: draft.id.clone(),
        });
    }
    Ok(chosen)
}

/// Every (variant, account) target of the request, in account order.
pub(crate) fn plan(
    draft: &Draft,
    accounts: Vec<Account>,
    request: &PublishRequest,
) -> Result<Vec<PlannedTarget>, PublishError> {
    let main = draft
        .content
        .variants
        .first()
        .ok_or_else(|| PublishError::EmptyDraft {
            draft: draft.id.clone(),
        })?;
    let mut planned = Vec::new();
    for account in accounts {
        let wanted = wanted_langs(&account, &request.mapping, &main.lang);
        let langs = match_variants(draft, &wanted);
        if langs.is_empty() {
            let have: Vec<&str> = draft
                .content
                .variants
                .iter()
                .map(|v| v.lang.as_str())
                .collect();
            let want: Vec<&str> = wanted.iter().map(LangTag::as_str).collect();
            planned.push(refused(
                account,
                main.lang.clone(),
                "outbox.no_variant",
                format!(
                    "this account's audience reads {}, but the draft has only {}; add a variant \
                     or choose one for this account",
                    want.join(", "),
                    have.join(", ")
                ),
            ));
            continue;
        }
        for lang in langs {
            planned.push(plan_one(
                draft,
                account.clone(),
                lang,
                request.allow_threads,
            ));
        }
    }
    Ok(planned)
}

fn wanted_langs(account: &Account, mapping: &[AudienceMapping], main: &LangTag) -> Vec<LangTag> {
    if let Some(map) = mapping.iter().find(|m| m.account_id == account.id) {
        return map.langs.clone();
    }
    if account.audience.is_empty() {
        return vec![main.clone()];
    }
    account.audience.clone()
}

/// The draft's variants each wanted language reads: the same tag, or one that narrows or
/// widens it (`zh` reads `zh-Hans`; `zh-Hans-CN` reads `zh-Hans`).
fn match_variants(draft: &Draft, wanted: &[LangTag]) -> Vec<LangTag> {
    let related = |a: &str, b: &str| {
        a == b || b.starts_with(&format!("{a}-")) || a.starts_with(&format!("{b}-"))
    };
    let mut out: Vec<LangTag> = Vec::new();
    for want in wanted {
        let variants = &draft.content.variants;
        let found = variants.iter().find(|v| v.lang == *want).or_else(|| {
            variants
                .iter()
                .find(|v| related(want.as_str(), v.lang.as_str()))
        });
        if let Some(v) = found
            && !out.contains(&v.lang)
        {
            out.push(v.lang.clone());
        }
    }
    out
}

fn plan_one(draft: &Draft, account: Account, lang: LangTag, allow_threads: bool) -> PlannedTarget {
    let network = account.network;
    let rules_network: Network = match network.as_str().parse() {
        Ok(n) => n,
        Err(e) => return refused(account, lang, "outbox.unsupported", format!("{e}")),
    };
    let content = &draft.content;
    let base = content
        .overrides
        .iter()
        .find(|o| o.lang == lang && o.network == network)
        .map(|o| o.text.clone())
        .or_else(|| {
            content
                .variants
                .iter()
                .find(|v| v.lang == lang)
                .map(|v| v.text.clone())
        })
        .unwrap_or_default();
    let topic_refs: Vec<&str> = content.topics.iter().map(String::as_str).collect();
    let topics = rules::topics(rules_network, &topic_refs);
    let text = with_topics(base.trim(), &topics.text);
    let media: Vec<PlannedMedia> = content
        .attachments
        .iter()
        .map(|a| PlannedMedia {
            stored_name: a.stored_name.clone(),
            original_name: a.original_name.clone(),
            media_type: a.media_type.clone(),
            alt: alt_for(&a.alt, &lang),
        })
        .collect();
    if let Some((code, message)) = media_refusal(network, &media) {
        return refused(account, lang, code, message);
    }
    if text.is_empty() && media.is_empty() {
        let message = format!("the {lang} variant has no text and no images");
        return refused(account, lang, "outbox.empty", message);
    }
    let settings = settings_for(&account);
    let post = Post {
        images: media.len(),
        ..Post::text(&text)
    };
    let measured = rules::measure(rules_network, &post, &settings);
    if network == NetworkId::Nostr {
        let chars = text.chars().count();
        let limit = ferry_networks::nostr::RELAY_CONTENT_LIMIT;
        if chars > limit {
            let message = format!(
                "nostr: {} characters over the {limit} most relays accept; shorten the {lang} \
                 text (or add a nostr override)",
                chars - limit
            );
            return refused(account, lang, "outbox.too_long", message);
        }
    }
    if measured.ok {
        return PlannedTarget {
            parts: vec![text],
            media,
            tags: topics.t_tags,
            refusal: None,
            account,
            lang,
        };
    }
    let too_long = |code: &str| code == "post.too_long" || code == "bluesky.too_many_bytes";
    let Some(reason) = measured
        .warnings
        .iter()
        .find(|w| !too_long(w.code) && w.code != "post.empty")
        .or_else(|| measured.warnings.iter().find(|w| too_long(w.code)))
    else {
        let message = format!("{network}: the {lang} text is not accepted as it is");
        return refused(account, lang, "outbox.refused", message);
    };
    if !too_long(reason.code) {
        return refused(account, lang, "outbox.refused", reason.message.clone());
    }
    if !allow_threads || !rules_network.has_threads() {
        let why = if rules_network.has_threads() {
            "threads are off for this post"
        } else {
            "it has no threads"
        };
        let message = format!("{}; not sent, because {why}", reason.message);
        return refused(account, lang, "outbox.too_long", message);
    }
    match rules::split(rules_network, &text, true, &settings) {
        Ok(parts) => PlannedTarget {
            parts,
            media,
            tags: topics.t_tags,
            refusal: None,
            account,
            lang,
        },
        Err(err) => refused(
            account,
            lang,
            "outbox.too_long",
            format!("{}; {err}", reason.message),
        ),
    }
}

/// The limits the account's network applies: a Mastodon instance's own character limit.
pub(crate) fn settings_for(account: &Account) -> Settings {
    let mut settings = Settings::default();
    if let Some(limits) = &account.limits {
        settings.mastodon_max_characters = limits.max_characters as usize;
    }
    settings
}

fn with_topics(text: &str, topics: &str) -> String {
    if topics.is_empty() || text.contains(topics) {
        return text.to_owned();
    }
    if text.is_empty() {
        return topics.to_owned();
    }
    format!("{text}\n\n{topics}")
}

/// The alt text in the variant's language, else in a related one, else any.
fn alt_for(alt: &std::collections::BTreeMap<LangTag, String>, lang: &LangTag) -> String {
    let base = lang.as_str().split('-').next().unwrap_or_default();
    alt.get(lang)
        .or_else(|| {
            alt.iter()
                .find(|(l, _)| l.as_str().split('-').next() == Some(base))
                .map(|(_, t)| t)
        })
        .or_else(|| alt.values().next())
        .cloned()
        .unwrap_or_default()
}

/// Images a network can't take, caught before sending.
fn media_refusal(network: NetworkId, media: &[PlannedMedia]) -> Option<(&'static str, String)> {
    if media.is_empty() {
        return None;
    }
    if network == NetworkId::Nostr {
        return Some((
            "outbox.media_unsupported",
            format!(
                "nostr: notes can't carry images yet (Ferry does not upload to a media host); \
                 remove the {} image(s) or leave nostr out",
                media.len()
            ),
        ));
    }
    let odd = media
        .iter()
        .enumerate()
        .find(|(_, m)| !matches!(m.media_type.as_str(), "image/jpeg" | "image/png"))?;
    Some((
        "media.unsupported",
        format!(
            "{network}: image {} ({}) is {}; Ferry posts JPEG and PNG images",
            odd.0 + 1,
            odd.1.original_name,
            odd.1.media_type
        ),
    ))
}

fn refused(account: Account, lang: LangTag, code: &str, message: String) -> PlannedTarget {
    PlannedTarget {
        account,
        lang,
        parts: Vec::new(),
        media: Vec::new(),
        tags: Vec::new(),
        refusal: Some(ErrorPayload {
            code: code.to_owned(),
            message,
        }),
    }
}

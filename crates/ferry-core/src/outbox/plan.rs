//! Turning a draft into targets before anything is sent: which accounts and variants
//! (`audience.rs`), the images (`images.rs`), the text (`DraftContent::network_text`: a
//! per-network override wins over the variant; topics appended in the network's convention,
//! as the composer's counters and `ferry check` build it), measured with the
//! network's rules and split into a thread when too long — or refused, naming the network
//! and by how much, when it can't be sent as it is.

use ferry_networks::rules::{self, Post, Settings};

use super::audience::{match_variants, wanted_langs};
use super::error::PublishError;
use super::images::{self, PlannedMedia};
use super::model::PublishRequest;
use crate::ErrorPayload;
use crate::accounts::Account;
use crate::model::{Draft, LangTag, Network, NetworkText, ReplyTarget};

pub(crate) use super::audience::accounts_for;

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
    /// The post the first part answers (`model/reply.rs`).
    pub reply: Option<ReplyTarget>,
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

fn plan_one(draft: &Draft, account: Account, lang: LangTag, allow_threads: bool) -> PlannedTarget {
    let network = account.network;
    let content = &draft.content;
    // The same text the composer's counters and `ferry check` measure (`crate::checks`).
    let NetworkText {
        title,
        topics,
        text,
        ..
    } = content.network_text(&lang, network);
    let media = images::for_variant(&content.attachments, &lang);
    if let Some((code, message)) = images::refusal(network, &media) {
        return refused(account, lang, code, message);
    }
    if text.is_empty() && media.is_empty() {
        let message = format!("the {lang} variant has no text and no images");
        return refused(account, lang, "outbox.empty", message);
    }
    let settings = settings_for(&account);
    let post = Post {
        title,
        images: media.len(),
        ..Post::text(&text)
    };
    let measured = rules::measure(network, &post, &settings);
    if network == Network::Nostr {
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
    // Telegram: a caption holds 1,024; a longer text follows the pictures as messages of its
    // own, the pictures going first as a part without text (`telegram::measure` allows it).
    let pictures_first = network == Network::Telegram
        && !media.is_empty()
        && text.encode_utf16().count() > ferry_networks::telegram::MAX_CAPTION;
    let lead = |mut parts: Vec<String>| {
        if pictures_first {
            parts.insert(0, String::new());
        }
        parts
    };
    if measured.ok {
        return PlannedTarget {
            parts: lead(vec![text]),
            media,
            tags: topics.t_tags,
            refusal: None,
            reply: draft.content.reply_to.clone(),
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
    if !allow_threads || !network.has_threads() {
        let why = if network.has_threads() {
            "threads are off for this post"
        } else {
            "it has no threads"
        };
        let message = format!("{}; not sent, because {why}", reason.message);
        return refused(account, lang, "outbox.too_long", message);
    }
    match rules::split(network, &text, true, &settings) {
        Ok(parts) => PlannedTarget {
            parts: lead(parts),
            media,
            tags: topics.t_tags,
            refusal: None,
            reply: draft.content.reply_to.clone(),
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
        reply: None,
    }
}

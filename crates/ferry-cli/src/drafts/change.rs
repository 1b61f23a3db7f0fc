//! `edit`: turns flags into one autosave-style edit of the whole draft, then attaches files.
//!
//! `--lang L --text T` sets variant L (adding it if new); with `--network N` it sets the
//! override of L for N instead. `--remove` removes that variant or override. `--targets` and
//! `--topics` replace the lists. The save carries the revision that was read (or
//! `--base-revision`), so an edit racing the app is refused as `draft.conflict`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::{
    AttachmentEdit, Draft, DraftEdit, LangTag, Network, NetworkOverride, RevisionSummary, Store,
    Target, Variant, network_from_id,
};
use serde::Serialize;

use crate::cli_error::CliError;
use crate::output::{Failure, Out, text_arg};

#[derive(clap::Args)]
pub struct EditArgs {
    /// The draft's id.
    id: String,
    /// The variant to change: a language tag like en, zh-Hans, zh-Hant, ja.
    #[arg(long)]
    lang: Option<String>,
    /// With --lang: change that variant's override for this network instead.
    #[arg(long, requires = "lang")]
    network: Option<String>,
    /// The new text; `-` reads it from stdin (UTF-8).
    #[arg(long, value_name = "TEXT|-", requires = "lang")]
    text: Option<String>,
    /// Remove the --lang variant (with --network: that override).
    #[arg(long, requires = "lang", conflicts_with = "text")]
    remove: bool,
    /// Replace the targets: comma-separated networks, each optionally `network:account`;
    /// an empty LIST clears them.
    #[arg(long, value_name = "LIST")]
    targets: Option<String>,
    /// Replace the topics (comma-separated); an empty LIST clears them.
    #[arg(long, value_name = "LIST")]
    topics: Option<String>,
    /// Attach an image (PNG, JPEG, GIF or WebP, recognised by content); repeatable.
    #[arg(long, value_name = "FILE")]
    attach: Vec<PathBuf>,
    /// Alt text for the attached images, in --lang (default: the draft's first language).
    #[arg(long, requires = "attach")]
    alt: Option<String>,
    /// Save only if the draft is still at this revision (default: the one just read).
    #[arg(long, value_name = "N")]
    base_revision: Option<u32>,
}

/// What `edit --json` prints: the draft as stored and every revision the edit wrote.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Edited {
    draft: Draft,
    revisions: Vec<RevisionSummary>,
}

pub async fn edit(out: Out, store: &Store, args: EditArgs) -> Result<ExitCode, Failure> {
    let draft = store.get_draft(&args.id).await?;
    let lang = args.lang.as_deref().map(LangTag::parse).transpose()?;
    let mut edit = edit_of(&draft, args.base_revision);
    let mut touched = false;
    if let Some(lang) = &lang {
        let network = args.network.as_deref().map(parse_network).transpose()?;
        let text = args.text.as_deref().map(text_arg).transpose()?;
        touched |= change_text(&mut edit, lang, network, text, args.remove)?;
    }
    if let Some(list) = &args.targets {
        edit.targets = parse_targets(list)?;
        touched = true;
    }
    if let Some(list) = &args.topics {
        edit.topics = parse_topics(list);
        touched = true;
    }
    if !touched && args.attach.is_empty() {
        return Err(CliError::Usage(
            "nothing to change: give --lang with --text or --remove, --targets, --topics or --attach",
        )
        .into());
    }

    let mut current = draft;
    let mut revisions = Vec::new();
    if touched {
        let saved = store.save_draft(edit).await?;
        current = saved.draft;
        revisions.extend(saved.revision);
    }
    let alt = alt_texts(&current, lang.as_ref(), args.alt.as_deref())?;
    for file in &args.attach {
        let attached = store.attach_media(&current.id, file, alt.clone()).await?;
        current = attached.draft;
        revisions.push(attached.revision);
    }
    let report = Edited {
        draft: current,
        revisions,
    };
    Ok(out.emit(&report, || {
        super::human::edited(&report.draft, &report.revisions)
    }))
}

/// The edit that saves `draft` as it is (on `base_revision`, else its own): change a field, save.
pub(crate) fn edit_of(draft: &Draft, base_revision: Option<u32>) -> DraftEdit {
    let c = &draft.content;
    DraftEdit {
        id: draft.id.clone(),
        base_revision: base_revision.unwrap_or(draft.revision),
        variants: c.variants.clone(),
        overrides: c.overrides.clone(),
        targets: c.targets.clone(),
        topics: c.topics.clone(),
        attachments: c
            .attachments
            .iter()
            .map(|a| AttachmentEdit {
                id: a.id.clone(),
                alt: a.alt.clone(),
            })
            .collect(),
    }
}

/// Applies `--text`/`--remove` for `lang` (and `network`); says whether anything was asked.
fn change_text(
    edit: &mut DraftEdit,
    lang: &LangTag,
    network: Option<Network>,
    text: Option<String>,
    remove: bool,
) -> Result<bool, Failure> {
    match (network, text) {
        (None, Some(text)) => match edit.variants.iter_mut().find(|v| &v.lang == lang) {
            Some(v) => v.text = text,
            None => edit.variants.push(Variant {
                lang: lang.clone(),
                text,
            }),
        },
        (Some(network), Some(text)) => {
            let slot = edit
                .overrides
                .iter_mut()
                .find(|o| &o.lang == lang && o.network == network);
            match slot {
                Some(o) => o.text = text,
                None => edit.overrides.push(NetworkOverride {
                    lang: lang.clone(),
                    network,
                    text,
                }),
            }
        }
        (None, None) if remove => {
            edit.variants.retain(|v| &v.lang != lang);
            // An override of a removed variant has nothing to override.
            edit.overrides.retain(|o| &o.lang != lang);
        }
        (Some(network), None) if remove => {
            edit.overrides
                .retain(|o| !(&o.lang == lang && o.network == network));
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn alt_texts(
    draft: &Draft,
    lang: Option<&LangTag>,
    alt: Option<&str>,
) -> Result<BTreeMap<LangTag, String>, Failure> {
    let Some(alt) = alt else {
        return Ok(BTreeMap::new());
    };
    let lang = lang
        .or_else(|| draft.content.variants.first().map(|v| &v.lang))
        .ok_or(CliError::Usage(
            "--alt needs --lang: the draft has no variant to take the language from",
        ))?;
    Ok(BTreeMap::from([(lang.clone(), alt.to_owned())]))
}

fn parse_network(id: &str) -> Result<Network, Failure> {
    Ok(network_from_id(id.trim())?)
}

/// `x,bluesky,mastodon:acct-1` → targets; empty → none.
pub fn parse_targets(list: &str) -> Result<Vec<Target>, Failure> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let (network, account) = match item.split_once(':') {
                Some((n, a)) => (n, Some(a.trim().to_owned())),
                None => (item, None),
            };
            Ok(Target {
                network: parse_network(network)?,
                account_id: account,
            })
        })
        .collect()
}

/// Comma-separated (ASCII or full-width comma), trimmed, empty items dropped.
pub fn parse_topics(list: &str) -> Vec<String> {
    list.split([',', '，'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

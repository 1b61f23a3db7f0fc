//! `new`, `delete`, `restore` and `recover`.

use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::{LangTag, NewDraft, Store, Variant};
use serde::Serialize;

use super::{change, human};
use crate::output::{Failure, Out, text_arg};

#[derive(clap::Args)]
pub struct NewArgs {
    /// The first variant's language: a BCP-47 tag like en, zh-Hans, zh-Hant, ja.
    #[arg(long, requires = "text")]
    lang: Option<String>,
    /// The first variant's text; `-` reads it from stdin (UTF-8).
    #[arg(long, value_name = "TEXT|-", requires = "lang")]
    text: Option<String>,
    /// Where it goes: comma-separated networks, each optionally `network:account`
    /// (x, bluesky, mastodon, threads, telegram, nostr, rednote, weibo).
    #[arg(long, value_name = "LIST")]
    targets: Option<String>,
    /// Topics or hashtags, comma-separated.
    #[arg(long, value_name = "LIST")]
    topics: Option<String>,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// The draft's id.
    id: String,
    /// The revision to bring back (see `ferry drafts history`).
    revision: u32,
}

pub async fn new(out: Out, store: &Store, args: NewArgs) -> Result<ExitCode, Failure> {
    let mut new = NewDraft::default();
    if let (Some(lang), Some(text)) = (&args.lang, &args.text) {
        new.variants.push(Variant {
            lang: LangTag::parse(lang)?,
            text: text_arg(text)?,
        });
    }
    if let Some(list) = &args.targets {
        new.targets = change::parse_targets(list)?;
    }
    if let Some(list) = &args.topics {
        new.topics = change::parse_topics(list);
    }
    let draft = store.create_draft(new).await?;
    Ok(out.emit(&draft, || draft.id.clone()))
}

pub async fn delete(out: Out, store: &Store, id: &str) -> Result<ExitCode, Failure> {
    store.delete_draft(id).await?;
    #[derive(Serialize)]
    struct Deleted<'a> {
        id: &'a str,
        deleted: bool,
    }
    Ok(out.emit(&Deleted { id, deleted: true }, || format!("deleted {id}")))
}

pub async fn restore(out: Out, store: &Store, args: RestoreArgs) -> Result<ExitCode, Failure> {
    let outcome = store.restore_revision(&args.id, args.revision).await?;
    Ok(out.emit(&outcome, || match &outcome.revision {
        Some(r) => format!(
            "restored revision {} of {} as revision {}",
            args.revision, args.id, r.number
        ),
        None => format!(
            "no change: {} already matches revision {} (it is at revision {})",
            args.id, args.revision, outcome.draft.revision
        ),
    }))
}

pub async fn recover(out: Out, data_dir: Option<PathBuf>) -> Result<ExitCode, Failure> {
    let (store, aside) = match data_dir {
        Some(dir) => Store::start_fresh(&dir).await,
        None => Store::start_fresh_default().await,
    }?;
    let fresh = store.db_path().display().to_string();
    store.close().await;
    Ok(out.emit(&aside, || human::set_aside(&aside, &fresh)))
}

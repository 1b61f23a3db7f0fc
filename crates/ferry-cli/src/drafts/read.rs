//! `list`, `show` and `history`.

use std::process::ExitCode;

use ferry_core::{ListQuery, Store};

use super::human;
use crate::output::{Failure, Out};

#[derive(clap::Args)]
pub struct ListArgs {
    /// Only drafts containing every word (Chinese or English, any case).
    #[arg(long, value_name = "WORDS")]
    search: Option<String>,
    /// At most this many drafts.
    #[arg(long, default_value_t = 50)]
    limit: u32,
    /// Skip this many first.
    #[arg(long, default_value_t = 0)]
    offset: u32,
}

#[derive(clap::Args)]
pub struct ShowArgs {
    /// The draft's id.
    id: String,
    /// Show this revision instead of the latest.
    #[arg(long, value_name = "N")]
    revision: Option<u32>,
}

pub async fn list(out: Out, store: &Store, args: ListArgs) -> Result<ExitCode, Failure> {
    let query = ListQuery {
        search: args.search,
        limit: args.limit,
        offset: args.offset,
    };
    let drafts = store.list_drafts(&query).await?;
    Ok(out.emit(&drafts, || human::summaries(&drafts)))
}

pub async fn show(out: Out, store: &Store, args: ShowArgs) -> Result<ExitCode, Failure> {
    if let Some(number) = args.revision {
        let revision = store.get_revision(&args.id, number).await?;
        return Ok(out.emit(&revision, || human::revision(store, &args.id, &revision)));
    }
    let draft = store.get_draft(&args.id).await?;
    Ok(out.emit(&draft, || human::draft(store, &draft)))
}

pub async fn history(out: Out, store: &Store, id: &str) -> Result<ExitCode, Failure> {
    let revisions = store.history(id).await?;
    Ok(out.emit(&revisions, || human::history(&revisions)))
}

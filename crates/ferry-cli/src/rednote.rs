//! `ferry rednote`: what Ferry does for RedNote, which has no posting API.
//!
//! ```text
//! ferry rednote published "$draft" --url 'http://xhslink.com/a/AbC123' --json
//! ferry rednote published "$draft" --lang zh-Hant --url "$(pbpaste)"   # the whole share text works too
//! ```
//!
//! `published` records that the draft's note is on RedNote, at the link the app's "Share →
//! Copy link" gives: the draft's publish history (`ferry post --retry-failed`, the app's
//! publish panel) then lists RedNote with that link. Without `--lang`, the draft's main
//! variant.

use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::model::{LangTag, Network};
use ferry_core::outbox::MarkPublished;

use crate::cli_error::CliError;
use crate::database::open_store;
use crate::output::{Failure, Out, exit};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Record that the draft's note was published on RedNote, with its link.
    Published(PublishedArgs),
}

#[derive(clap::Args)]
struct PublishedArgs {
    /// The draft's id (from `ferry drafts list`).
    draft_id: String,
    /// The note's link (or the text RedNote's share sheet copies, which holds it).
    #[arg(long)]
    url: String,
    /// The variant that was published [default: the draft's main variant].
    #[arg(long)]
    lang: Option<String>,
    /// Print the job as one line of JSON on stdout.
    #[arg(long)]
    json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

pub async fn run(args: Args) -> ExitCode {
    match args.command {
        Command::Published(args) => {
            let out = Out { json: args.json };
            exit(args.json, published(out, args).await)
        }
    }
}

async fn published(out: Out, args: PublishedArgs) -> Result<ExitCode, Failure> {
    let store = open_store(args.data_dir).await?;
    let lang = match args.lang {
        Some(lang) => {
            LangTag::parse(&lang).map_err(|e| CliError::Invalid(format!("--lang: {e}")))?
        }
        None => {
            let draft = store.get_draft(&args.draft_id).await?;
            draft
                .content
                .variants
                .first()
                .map(|v| v.lang.clone())
                .ok_or_else(|| CliError::Invalid(format!("draft {} has no text", args.draft_id)))?
        }
    };
    let job = store
        .mark_published(MarkPublished {
            draft_id: args.draft_id,
            network: Network::Rednote,
            lang,
            url: args.url,
        })
        .await?;
    let url = job
        .targets
        .first()
        .and_then(|t| t.remote_url.clone())
        .unwrap_or_default();
    Ok(out.emit(&job, || {
        format!("recorded: on RedNote at {url} (job {})", job.id)
    }))
}

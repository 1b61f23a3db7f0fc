//! `ferry drafts …`: the drafts engine from the command line, on the same database as the
//! desktop app (the app and the CLI can be open at once).
//!
//! ```text
//! id=$(ferry drafts new --lang zh-Hans --text '渡口见！')
//! echo 'See you at the ferry!' | ferry drafts edit "$id" --lang en --text -
//! ferry drafts edit "$id" --lang en --network x --text 'Ferry, 5pm'
//! ferry drafts edit "$id" --targets x,bluesky --attach pier.jpg --alt 'The pier at dusk'
//! ferry drafts list --search 渡口
//! ferry drafts history "$id" && ferry drafts restore "$id" 1
//! ```
//!
//! Every subcommand takes `--json`. The database is in `--data-dir`, else `$FERRY_DATA_DIR`,
//! else the OS data folder (`~/.local/share/ferry` on Linux).

mod change;
mod human;
mod read;
mod write;

pub(crate) use change::edit_of;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::database::open_store;
use crate::output::{Failure, Out, fail};

#[derive(clap::Args)]
#[command(
    after_help = "Errors go to stderr as `error[code]: message`, or with --json as \
    {\"code\",\"message\"}; the exit status is 1. A damaged database is never modified: \
    `ferry drafts recover` moves it aside and starts a new one."
)]
pub struct Args {
    /// Print results as one line of JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Create a draft and print its id (with --json: the whole draft).
    New(write::NewArgs),
    /// List drafts, most recently updated first; --search finds Chinese or English text.
    List(read::ListArgs),
    /// Show a draft at its latest revision, or at --revision N.
    Show(read::ShowArgs),
    /// Set a variant's text or a network override, targets, topics; attach images.
    Edit(change::EditArgs),
    /// Delete a draft and its history.
    Delete(IdArg),
    /// List a draft's revisions, newest first.
    History(IdArg),
    /// Bring back an old revision; recorded as a new revision, so it can be undone.
    Restore(write::RestoreArgs),
    /// Move a damaged, foreign or newer database aside (ferry.db.corrupt-<UTC time>, with its
    /// -wal/-shm) and start a new, empty one. Refuses when the database is fine.
    Recover,
}

#[derive(clap::Args)]
struct IdArg {
    /// The draft's id (as printed by `ferry drafts new` or `list`).
    id: String,
}

pub async fn run(args: Args) -> ExitCode {
    let json = args.json;
    match dispatch(args).await {
        Ok(code) => code,
        Err(failure) => fail(json, &failure),
    }
}

async fn dispatch(args: Args) -> Result<ExitCode, Failure> {
    let out = Out { json: args.json };
    if let Command::Recover = args.command {
        return write::recover(out, args.data_dir).await;
    }
    let store = open_store(args.data_dir).await?;
    let result = match args.command {
        Command::New(a) => write::new(out, &store, a).await,
        Command::List(a) => read::list(out, &store, a).await,
        Command::Show(a) => read::show(out, &store, a).await,
        Command::Edit(a) => change::edit(out, &store, a).await,
        Command::Delete(a) => write::delete(out, &store, &a.id).await,
        Command::History(a) => read::history(out, &store, &a.id).await,
        Command::Restore(a) => write::restore(out, &store, a).await,
        Command::Recover => unreachable!("handled before opening"),
    };
    store.close().await;
    result
}

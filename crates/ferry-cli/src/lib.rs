//! `ferry`: the command-line face of the engine, on the same database as the desktop app.
//!
//! Every subcommand takes `--json` so scripts never parse prose. Each subcommand lives in its
//! own module with an `Args` type and a `run` function; this file only dispatches.
//!
//! A library as well as the `ferry` binary: the desktop app links it too, so an installed
//! package carries the engine once and `/usr/bin/ferry` runs the app's binary as this command
//! (`ferry-app`'s `main`, [`CLI_EXE_ENV`]).

mod cli_error;
mod database;
mod output;

mod accounts;
mod check;
mod check_draft;
mod daemon;
mod drafts;
mod feed;
mod feed_people;
mod feed_reply;
mod feed_spellings;
mod hints;
mod media_host;
mod post;
mod post_settle;
mod rednote;
mod rednote_qr;
mod schedule;
mod slots;
mod translate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "ferry",
    version,
    about = "Compose once, post to both audiences."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create, list, edit and restore drafts.
    Drafts(drafts::Args),
    /// Measure a text against each network's limits, or a stored draft as the composer does.
    Check(check::CheckArgs),
    /// Print the Bluesky rich-text facets of a text.
    Facets(check::FacetsArgs),
    /// Split a text into thread parts that fit a network.
    Split(check::SplitArgs),
    /// Detect the language of each run of a text.
    Detect(hints::DetectArgs),
    /// Pinyin, glosses, slang and hashtag notes for a text.
    Hints(hints::HintsArgs),
    /// Convert between Simplified and Traditional Chinese.
    Convert(hints::ConvertArgs),
    /// Add, list and remove the Mastodon, Bluesky, Nostr and Telegram accounts Ferry posts to.
    Accounts(accounts::Args),
    /// Post a draft to its targets exactly once; `--retry-failed` finishes an earlier post.
    Post(post::Args),
    /// Schedule drafts at a time in a zone or in queue slots; list, move, cancel them.
    Schedule(schedule::Args),
    /// Weekly queue slots per account, for `ferry schedule add --next-slot`.
    Slots(slots::Args),
    /// Run the scheduler in the foreground without the app; stops cleanly on SIGTERM/Ctrl-C.
    Daemon(daemon::Args),
    /// Machine translation through the providers you configure (off until you add one).
    Translate(translate::Args),
    /// RSS / Atom / JSON Feed sources (and RSSHub routes), cached and merged, newest first.
    Feed(feed::Args),
    /// RedNote, which has no posting API: the kit exported for the phone; a note published by
    /// hand recorded with its link.
    Rednote(rednote::Args),
    /// The public host Nostr notes' pictures are uploaded to (an S3-compatible bucket).
    MediaHost(media_host::Args),
}

/// Set to the path of a `ferry` launcher that runs another program (the app's binary) as this
/// command: that program runs [`run_with_args`], and `ferry daemon --print-systemd-unit` names
/// the launcher rather than the program.
pub const CLI_EXE_ENV: &str = "FERRY_CLI_EXE";

/// The `ferry` command on this process's arguments.
pub fn run() -> ExitCode {
    run_with_args(std::env::args_os())
}

/// The `ferry` command on `args` (the first is the program's name). Call it first thing in
/// `main`, before any thread starts.
pub fn run_with_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    // Before the runtime's threads start: nothing the CLI launches inherits it.
    ferry_core::secrets::take_passphrase_from_env();
    let cli = Cli::parse_from(args);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => return output::fail_plain(&format!("cannot start the async runtime: {err}")),
    };
    runtime.block_on(async move {
        match cli.command {
            Command::Drafts(args) => drafts::run(args).await,
            Command::Check(args) => check::run_check(args).await,
            Command::Facets(args) => check::run_facets(args).await,
            Command::Split(args) => check::run_split(args).await,
            Command::Detect(args) => hints::run_detect(args).await,
            Command::Hints(args) => hints::run_hints(args).await,
            Command::Convert(args) => hints::run_convert(args).await,
            Command::Accounts(args) => accounts::run(args).await,
            Command::Post(args) => post::run(args).await,
            Command::Schedule(args) => schedule::run(args).await,
            Command::Slots(args) => slots::run(args).await,
            Command::Daemon(args) => daemon::run(args).await,
            Command::Translate(args) => translate::run(args).await,
            Command::Feed(args) => feed::run(args).await,
            Command::Rednote(args) => rednote::run(args).await,
            Command::MediaHost(args) => media_host::run(args).await,
        }
    })
}

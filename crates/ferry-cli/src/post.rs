//! `ferry post <draft-id>`: post a draft to its targets (or `--to` accounts) exactly once, and
//! print every target's final state.
//!
//! ```text
//! ferry post "$draft" --json                      # the draft's own targets
//! ferry post "$draft" --to "$masto,$bsky" --json  # these accounts
//! ferry post "$draft" --retry-failed --json       # only what did not go out last time
//! ferry post "$draft" --found https://t.me/c/1/2  # a Telegram message Ferry couldn't check is there
//! ferry post "$draft" --not-found                 # … or is not: send it
//! ```
//!
//! The exit status is 0 when every target is posted, 2 when some are not (failed, or unknown:
//! the answer was lost and a check could not settle it yet — run `--retry-failed` later), and
//! 1 when the post could not start. `--progress` streams each state change to stderr (JSON
//! lines with --json). A `ferry post` that was killed mid-way is finished safely by
//! `--retry-failed`: parts that were on their way are checked on the server first.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use ferry_core::outbox::{
    JobStatus, Looked, PublishConfig, PublishEvent, PublishRequest, Publisher, RetryPolicy,
    TargetEvent, TargetState,
};

use crate::accounts::open_accounts;
use crate::output::{Failure, Out, fail};
use crate::post_settle::{Settled, settle};

#[derive(clap::Args)]
pub struct Args {
    /// The draft's id (from `ferry drafts list`).
    draft_id: String,
    /// Post to these accounts (comma-separated ids) instead of the draft's targets.
    #[arg(long, value_delimiter = ',', value_name = "ACCOUNT-ID")]
    to: Vec<String>,
    /// Finish the draft's last post: send again only the targets that are not posted.
    #[arg(long)]
    retry_failed: bool,
    /// A part Ferry can't check (Telegram, answer lost) is there: record it, with its link
    /// if given, and send the rest.
    #[arg(long, value_name = "URL", num_args = 0..=1, default_missing_value = "",
          conflicts_with_all = ["retry_failed", "to", "not_found"])]
    found: Option<String>,
    /// A part Ferry can't check is not there: send it again.
    #[arg(long, conflicts_with_all = ["retry_failed", "to"])]
    not_found: bool,
    /// Which target to settle with --found/--not-found, when several wait.
    #[arg(long, value_name = "TARGET-ID")]
    target: Option<String>,
    /// Refuse over-long texts instead of posting them as threads.
    #[arg(long)]
    no_threads: bool,
    /// Accept what posting to X costs (X charges your app per post; without this flag a
    /// draft with an X target is refused, naming the price).
    #[arg(long)]
    accept_x_cost: bool,
    /// Time limit of one request, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Attempts per target before giving up (the first included).
    #[arg(long, default_value_t = 6)]
    attempts: u32,
    /// Print each state change on stderr while posting.
    #[arg(long)]
    progress: bool,
    /// Print the result as one line of JSON on stdout.
    #[arg(long)]
    json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

pub async fn run(args: Args) -> ExitCode {
    let out = Out { json: args.json };
    match post(out, args).await {
        Ok(code) => code,
        Err(failure) => fail(out.json, &failure),
    }
}

async fn post(out: Out, args: Args) -> Result<ExitCode, Failure> {
    let accounts = open_accounts(args.data_dir.clone()).await?;
    let defaults = PublishConfig::default();
    let config = PublishConfig {
        request_timeout: Duration::from_secs(args.timeout.max(1)),
        retry: RetryPolicy {
            max_attempts: args.attempts.max(1),
            ..defaults.retry
        },
        ..defaults
    };
    let publisher = Publisher::new(accounts.clone(), config);
    let looked = match (&args.found, args.not_found) {
        (Some(url), _) => Some(Looked::Posted {
            url: Some(url.clone()).filter(|u| !u.is_empty()),
        }),
        (None, true) => Some(Looked::NotPosted),
        (None, false) => None,
    };
    let started = if let Some(looked) = looked {
        match settle(&publisher, &args.draft_id, args.target.as_deref(), looked).await? {
            Settled::Sending(handle) => Ok(handle),
            Settled::Done(status) => {
                accounts.store().close().await;
                return Ok(out.emit(&status, || describe(&status)));
            }
        }
    } else if args.retry_failed {
        publisher.retry_draft(&args.draft_id).await
    } else {
        publisher
            .publish(PublishRequest {
                draft_id: args.draft_id.clone(),
                to: args.to.clone(),
                mapping: Vec::new(),
                allow_threads: !args.no_threads,
                accept_x_cost: args.accept_x_cost,
            })
            .await
    }?;
    let progress = args.progress;
    let status = started
        .finish_with(|event| {
            if progress {
                show_progress(out, event);
            }
        })
        .await?;
    accounts.store().close().await;
    let code = out.emit(&status, || describe(&status));
    if code != ExitCode::SUCCESS || status.all_posted() {
        return Ok(code);
    }
    Ok(ExitCode::from(2))
}

fn show_progress(out: Out, event: &PublishEvent) {
    let PublishEvent::Target(t) = event else {
        return;
    };
    out.note(event, || progress_line(t));
}

/// A target's state change in one line: state, network, language, thread part, then the URL
/// or the reason. `ferry daemon` logs the same line.
pub(crate) fn progress_line(t: &TargetEvent) -> String {
    let part = t
        .part
        .map(|p| format!(" part {p}/{}", t.parts))
        .unwrap_or_default();
    let detail = match (&t.remote_url, &t.error) {
        (Some(url), _) if t.state == TargetState::Posted => url.clone(),
        (_, Some(err)) => format!("[{}] {}", err.code, err.message),
        _ => String::new(),
    };
    format!(
        "{:<8} {:<8} {:<8}{part} {detail}",
        t.state.as_str(),
        t.network.name(),
        t.lang
    )
}

/// One line per target: state, network, language, account, then the URL or the reason.
fn describe(status: &JobStatus) -> String {
    let mut lines = vec![format!("job {} (draft {})", status.id, status.draft_id)];
    for t in &status.targets {
        let parts = if t.parts > 1 {
            format!(" ({}/{} parts)", t.parts_posted, t.parts)
        } else {
            String::new()
        };
        let detail = match (&t.remote_url, &t.error) {
            (Some(url), _) if t.state == TargetState::Posted => url.clone(),
            (_, Some(err)) => {
                let again = if err.code == "outbox.look_before_resending" {
                    " — then --found [URL] or --not-found"
                } else if t.retryable == Some(true) {
                    " — retry with --retry-failed"
                } else {
                    ""
                };
                format!("error[{}]: {}{again}", err.code, err.message)
            }
            _ => String::new(),
        };
        lines.push(format!(
            "{:<8} {:<8} {:<8} {}{parts}  {detail}",
            t.state.as_str(),
            t.network.name(),
            t.lang,
            t.account_id
        ));
    }
    lines.join("\n")
}

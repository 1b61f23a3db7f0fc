//! `ferry daemon`: the scheduler loop without a window, in the foreground, for an always-on
//! machine (or a server with no desktop). The same loop as the desktop app; several loops on
//! one database (the app, a daemon, a second daemon) share the work through claims in SQLite,
//! so an item never goes out twice.
//!
//! ```text
//! ferry daemon                                   # logs one line per event on stdout
//! ferry daemon --json                            # the same as JSON lines
//! FERRY_SECRETS_BACKEND=file FERRY_SECRETS_PASSPHRASE=… ferry daemon   # no keychain here
//! ferry daemon --print-systemd-unit > ~/.config/systemd/user/ferry.service
//! ```
//!
//! At start it finishes posts a crash or a kill left unfinished (parts on their way are
//! checked on the server before anything is resent), then runs the loop. Events go to stdout,
//! one line each: `handed`, `held`, `failed` with the reason, and each target `posted` (with
//! its URL) or `failed`/`unknown` (with the reason). Warnings from the engine go to stderr
//! (more with `FERRY_LOG=info`). SIGTERM or SIGINT (Ctrl-C) stops it cleanly: posts already
//! under way are finished (for at most 30 s), and it exits with status 0. Secrets it cannot
//! open (no keychain, a missing or wrong FERRY_SECRETS_PASSPHRASE) stop it at once with
//! status 1 and the reason.

mod log;
mod unit;

use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::outbox::{PublishConfig, Publisher};
use ferry_core::schedule::{RunnerKind, Scheduler, SchedulerEvent};
use tokio::sync::mpsc;

use crate::accounts::open_accounts;
use crate::cli_error::CliError;
use crate::output::{Failure, fail};

#[derive(clap::Args)]
#[command(
    after_help = "Logs one line per event on stdout; engine warnings go to stderr (FERRY_LOG=info \
    for more). Exit status 0 after SIGTERM or SIGINT, 1 when the database or the secrets cannot \
    be opened (no keychain: FERRY_SECRETS_BACKEND=file with FERRY_SECRETS_PASSPHRASE). It looks \
    for due items at least every 30 s, so an item added by another process is sent at most 30 s \
    after its time."
)]
pub struct Args {
    /// Log events as JSON lines (each with `at` and the event's `kind`).
    #[arg(long)]
    json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print a systemd user unit that runs this daemon, with how to install it, and exit.
    #[arg(long)]
    print_systemd_unit: bool,
}

pub async fn run(args: Args) -> ExitCode {
    if args.print_systemd_unit {
        return unit::print(args.data_dir.as_deref());
    }
    match daemon(args.json, args.data_dir).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => fail(args.json, &failure),
    }
}

async fn daemon(json: bool, data_dir: Option<PathBuf>) -> Result<(), Failure> {
    init_tracing();
    // Secrets are opened (and a passphrase checked) before the loop starts, so a locked
    // secrets file is an error now, not a failed post at 09:00. Until then a signal stops the
    // process by its default action (a keychain that never answers cannot hold it up).
    let accounts = open_accounts(data_dir).await?;
    // Listening before anything is logged: a signal right after "started" must stop the loop
    // cleanly, not kill the process.
    let shutdown = shutdown_signal()?;
    let store = accounts.store().clone();
    let publisher = Publisher::new(accounts, PublishConfig::default());
    let log = log::Log { json };
    let (events, mut received) = mpsc::unbounded_channel::<SchedulerEvent>();
    let printer = tokio::spawn(async move {
        while let Some(event) = received.recv().await {
            log.event(&event);
        }
    });

    let resumed = publisher.resume_unfinished().await?;
    log.started(&store, resumed.len()).await;
    for mut handle in resumed {
        let events = events.clone();
        tokio::spawn(async move {
            while let Some(event) = handle.next_event().await {
                let _ = events.send(SchedulerEvent::Publish { event });
            }
            let _ = handle.finish().await;
        });
    }

    let scheduler = Scheduler::new(publisher, RunnerKind::Daemon);
    scheduler
        .run(events, async move {
            let name = shutdown.await;
            log.stopping(name);
        })
        .await;
    // The loop has stopped and waited for its jobs; the printer ends when the last sender
    // (a resumed job's) is gone, or gives up after a few seconds.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), printer).await;
    store.close().await;
    log.stopped();
    Ok(())
}

/// Completes with the signal's name on SIGTERM or SIGINT.
fn shutdown_signal() -> Result<impl std::future::Future<Output = &'static str>, Failure> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let listen = |kind: SignalKind, name: &str| {
            signal(kind).map_err(|e| {
                Failure::from(CliError::Internal(format!("cannot listen for {name}: {e}")))
            })
        };
        let mut term = listen(SignalKind::terminate(), "SIGTERM")?;
        let mut int = listen(SignalKind::interrupt(), "SIGINT")?;
        Ok(async move {
            tokio::select! {
                _ = term.recv() => "SIGTERM",
                _ = int.recv() => "SIGINT",
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
            "Ctrl-C"
        })
    }
}

/// The engine's warnings (a pass that failed, a hand-over to retry) on stderr; `FERRY_LOG`
/// sets the level as in the desktop app.
fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("FERRY_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

//! The app's log: `logs/ferry.<date>.log` in the data folder, a new file each day and the last
//! seven kept, and the same lines on stderr. `FERRY_LOG` sets the level (an `EnvFilter`, e.g.
//! `FERRY_LOG=debug` or `FERRY_LOG=ferry_core=debug`); by default the file gets `info` and
//! stderr `warn`.
//!
//! What reaches it: the engine's and the shell's `tracing` events. Secrets never do: tokens,
//! keys and passwords are `Secret`s whose `Debug` and `Display` print `[redacted]`, and no
//! event formats a request's headers or body (the E2E test `logs.test.mjs` signs in and posts,
//! then searches the files for the password, the tokens and the key).
//!
//! Settings → "Open the log folder" opens [`log_dir`] in the file manager.

use std::path::{Path, PathBuf};

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Layer, fmt};

const KEEP_FILES: usize = 7;

/// Where the log files are: `<data folder>/logs`.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// Starts logging to stderr and, when the data folder is known and writable, to the file.
/// Keep the guard for the life of the app: dropping it flushes the file.
pub fn init(data_dir: Option<&Path>) -> Option<WorkerGuard> {
    let filter = |default: &str| {
        EnvFilter::try_from_env("FERRY_LOG").unwrap_or_else(|_| EnvFilter::new(default))
    };
    let stderr = fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter("warn"));
    let file = data_dir.and_then(|dir| {
        let appender = RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix("ferry")
            .filename_suffix("log")
            .max_log_files(KEEP_FILES)
            .build(log_dir(dir));
        match appender {
            Ok(appender) => Some(tracing_appender::non_blocking(appender)),
            // A read-only or missing data folder: the database screen says so; stderr stays.
            Err(err) => {
                eprintln!("ferry: no log file in {}: {err}", log_dir(dir).display());
                None
            }
        }
    });
    let (writer, guard) = match file {
        Some((writer, guard)) => (Some(writer), Some(guard)),
        None => (None, None),
    };
    let file_layer = writer.map(|writer| {
        fmt::layer()
            .with_ansi(false)
            .with_writer(writer)
            .with_filter(filter("info"))
    });
    tracing_subscriber::registry()
        .with(stderr)
        .with(file_layer)
        .init();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        "Ferry started"
    );
    guard
}

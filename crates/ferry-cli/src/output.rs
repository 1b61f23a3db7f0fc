//! How the CLI reports results and failures, so every subcommand behaves the same way:
//! results on stdout (JSON with `--json`), errors on stderr as `{code, message}` with `--json`
//! or `error[code]: message` without, and exit code 1 for a failure.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use serde::Serialize;

use crate::cli_error::CliError;

/// A failure a subcommand reports: the engine's `{code, message}`, the same the desktop app
/// shows. Any coded error (the engine's, the rules', [`CliError`]) converts into it, so `?`
/// is all a subcommand needs.
pub type Failure = ferry_core::ErrorPayload;

/// Prints `value` as one line of JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string(value) {
        Ok(text) => {
            let mut out = io::stdout().lock();
            let _ = writeln!(out, "{text}");
            ExitCode::SUCCESS
        }
        Err(err) => fail(false, &CliError::Json(err.to_string()).into()),
    }
}

/// Reports `failure` on stderr in the requested form and returns the failing exit code.
pub fn fail(json: bool, failure: &Failure) -> ExitCode {
    let mut err = io::stderr().lock();
    if json {
        let text = serde_json::to_string(failure).unwrap_or_else(|_| {
            format!(r#"{{"code":"{}","message":"(unprintable)"}}"#, failure.code)
        });
        let _ = writeln!(err, "{text}");
    } else {
        let _ = writeln!(err, "error[{}]: {}", failure.code, failure.message);
    }
    ExitCode::FAILURE
}

/// A subcommand's result as its exit code: the failure reported on stderr.
pub fn exit(json: bool, result: Result<ExitCode, Failure>) -> ExitCode {
    result.unwrap_or_else(|failure| fail(json, &failure))
}

pub fn fail_plain(message: &str) -> ExitCode {
    fail(false, &CliError::Internal(message.to_owned()).into())
}

/// Resolves a TEXT argument: `-` means "read all of stdin", which must be valid UTF-8.
pub fn text_arg(arg: &str) -> Result<String, Failure> {
    if arg != "-" {
        return Ok(arg.to_owned());
    }
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|err| CliError::read("stdin", &err))?;
    String::from_utf8(bytes).map_err(|err| {
        CliError::NotUtf8(format!(
            "stdin is not valid UTF-8: invalid byte sequence at byte offset {}",
            err.utf8_error().valid_up_to()
        ))
        .into()
    })
}

/// Where results go: JSON or prose on stdout.
#[derive(Clone, Copy)]
pub struct Out {
    pub json: bool,
}

impl Out {
    /// Prints `value` as JSON, or `prose()` for people.
    pub fn emit<T: serde::Serialize>(self, value: &T, prose: impl FnOnce() -> String) -> ExitCode {
        if self.json {
            return crate::output::print_json(value);
        }
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{}", prose());
        ExitCode::SUCCESS
    }

    /// A note for the person on stderr (a JSON line with --json), keeping stdout for results.
    pub fn note<T: serde::Serialize>(self, value: &T, prose: impl FnOnce() -> String) {
        let mut stderr = std::io::stderr().lock();
        let line = if self.json {
            serde_json::to_string(value).unwrap_or_default()
        } else {
            prose()
        };
        let _ = writeln!(stderr, "{line}");
    }
}

//! Running `ferry` for the schedule, slots and daemon tests: a temporary data folder whose
//! account secrets live in the encrypted file (FERRY_SECRETS_BACKEND=file), as on a server
//! with no keychain, so these tests need no keyring and leave nothing in one.
#![allow(dead_code)] // each test file uses a different part

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub const PASSPHRASE: &str = "ferry-schedule-tests";

/// `ferry args…` on `data`, secrets in the encrypted file, no stdin.
pub fn command(data: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ferry"));
    cmd.args(args)
        .env("FERRY_DATA_DIR", data)
        .env("FERRY_SECRETS_BACKEND", "file")
        .env("FERRY_SECRETS_PASSPHRASE", PASSPHRASE)
        .env_remove("FERRY_SECRETS_FILE")
        .stdin(Stdio::null());
    cmd
}

pub fn run(data: &Path, args: &[&str]) -> Output {
    command(data, args).output().expect("run ferry")
}

/// `ferry args… --json`, which must succeed; its stdout as JSON.
pub fn ok_json(data: &Path, args: &[&str]) -> Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let out = run(data, &with_json);
    assert!(
        out.status.success(),
        "ferry {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "ferry {args:?}: stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// `ferry args…`, which must succeed; its stdout.
pub fn ok_text(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "ferry {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `ferry args… --json`, which must fail with status 1 and nothing on stdout; the
/// `{code, message}` from stderr.
pub fn fail_json(data: &Path, args: &[&str]) -> Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    crate::accounts_support::failure(args, run(data, &with_json))
}

/// A Nostr account with a new key, writing to `relay` (an unreachable relay is fine when
/// nothing is posted: adding it only warns), audience `en`. Returns the account as added.
pub fn nostr_account(data: &Path, relay: &str) -> Value {
    let added = ok_json(
        data,
        &[
            "accounts",
            "add",
            "nostr",
            "--generate",
            "--relay",
            relay,
            "--audience",
            "en",
        ],
    );
    added["account"].clone()
}

/// The PDS's seeded alice, password on stdin, audience `en`. Returns what `accounts add`
/// printed (`{account, warnings}`).
pub fn bluesky_alice(data: &Path, pds: &str) -> Value {
    let args = crate::accounts_support::add_alice(pds, &["--audience", "en", "--json"]);
    let mut child = command(data, &args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferry");
    let password = ferry_test_support::peers::BSKY_ALICE.1;
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), password.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "adding alice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A relay address nobody listens on, for accounts that never post.
pub const NO_RELAY: &str = "ws://127.0.0.1:9";

/// A new English draft with `text`; its id.
pub fn draft(data: &Path, text: &str) -> String {
    ok_text(data, &["drafts", "new", "--lang", "en", "--text", text])
        .trim()
        .to_owned()
}

pub fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

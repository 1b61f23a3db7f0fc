//! Running `ferry` for the accounts and post tests: a temporary data folder over the real
//! keychain, JSON in and out, and cleaning the accounts' secrets out of the shared keyring.
#![allow(dead_code)] // each test file uses a different part

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use ferry_core::secrets::KeychainStore;
use ferry_test_support::keyring;
use serde_json::Value;

/// The three peers' addresses: the PDS, the relay, mastodon-mock.
pub fn all_peers() -> Option<(String, String, String)> {
    use ferry_test_support::peers;
    Some((
        peers::bluesky_pds()?,
        peers::nostr_relay()?,
        peers::mastodon()?,
    ))
}

/// `ferry accounts add bluesky` for the PDS's alice, password on stdin, then `extra`.
pub fn add_alice<'a>(pds: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let handle = ferry_test_support::peers::BSKY_ALICE.0;
    let mut args = vec![
        "accounts",
        "add",
        "bluesky",
        "--pds",
        pds,
        "--handle",
        handle,
        "--password-stdin",
    ];
    args.extend_from_slice(extra);
    args
}

/// `ferry accounts add mastodon` with the code pasted on stdin, then `extra`.
pub fn add_mastodon<'a>(instance: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "accounts",
        "add",
        "mastodon",
        "--instance",
        instance,
        "--code-stdin",
    ];
    args.extend_from_slice(extra);
    args
}

/// What mastodon-mock's authorize page shows for its seeded user.
pub const MOCK_CODE: &[u8] = b"mockcode_testuser\n";

/// A temporary data folder once the real keychain is there (these tests store real secrets, so
/// they need tests/keyring/with-keyring): fails with instructions without one, `None` with a
/// loud note under `FERRY_SKIP_KEYRING=1`.
pub fn data_dir(test: &str) -> Option<tempfile::TempDir> {
    keyring::keychain_or_skip(test, KeychainStore::open)?;
    Some(tempfile::tempdir().unwrap())
}

pub fn command(data: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ferry"));
    cmd.args(args)
        .env("FERRY_DATA_DIR", data)
        .env_remove("FERRY_SECRETS_BACKEND");
    cmd
}

pub fn ferry(data: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = command(data, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferry");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

pub fn ok(data: &Path, args: &[&str], stdin: &[u8]) -> String {
    let out = ferry(data, args, stdin);
    assert!(
        out.status.success(),
        "ferry {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn ok_json(data: &Path, args: &[&str], stdin: &[u8]) -> Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    serde_json::from_str(&ok(data, &with_json, stdin)).unwrap()
}

/// The `{code, message}` a failing `--json` run prints on stderr (exit status 1).
pub fn fail_json(data: &Path, args: &[&str], stdin: &[u8]) -> Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    failure(args, ferry(data, &with_json, stdin))
}

/// The `{code, message}` of a failed `--json` run (exit status 1, nothing on stdout).
pub fn failure(args: &[&str], out: Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "a failure prints nothing on stdout");
    let last = out
        .stderr
        .split(|b| *b == b'\n')
        .rfind(|l| !l.is_empty())
        .unwrap_or_default();
    serde_json::from_slice(last).unwrap_or_else(|e| {
        panic!(
            "stderr is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Removes every account (and so its secrets in the shared keyring).
pub fn remove_all(data: &Path) {
    let list = ok_json(data, &["accounts", "list"], b"");
    for account in list.as_array().unwrap() {
        ok(
            data,
            &["accounts", "remove", account["id"].as_str().unwrap()],
            b"",
        );
    }
}

/// The texts of the Bluesky account's posts that contain `marker`, read from the PDS.
pub async fn bluesky_texts(pds: &str, added: &Value, marker: &str) -> Vec<String> {
    let did = added["account"]["remoteId"].as_str().unwrap();
    let url = format!(
        "{pds}/xrpc/com.atproto.repo.listRecords?repo={did}&collection=app.bsky.feed.post&limit=100"
    );
    let records: Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    records["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["value"]["text"].as_str())
        .filter(|t| t.contains(marker))
        .map(str::to_owned)
        .collect()
}

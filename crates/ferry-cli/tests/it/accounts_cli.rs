//! `ferry accounts …` as a real process, against the real servers (tests/peers/with-peers) and
//! the real keychain (tests/keyring/with-keyring): add one account per network from a script,
//! list, set an audience, remove; the browser sign-in; and failures as `{code, message}`.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::accounts_support::*;
use ferry_test_support::{mastodon_mock, peers};
use serde_json::Value;

#[test]
fn add_list_and_remove_one_account_per_network() {
    let Some((pds, relay, masto)) = all_peers() else {
        return;
    };
    let Some(data) = data_dir("accounts_cli") else {
        return;
    };
    let d = data.path();

    let bsky = ok_json(
        d,
        &add_alice(&pds, &["--audience", "zh-Hans"]),
        peers::BSKY_ALICE.1.as_bytes(),
    );
    assert_eq!(bsky["account"]["network"], "bluesky");
    assert_eq!(bsky["account"]["audience"], serde_json::json!(["zh-Hans"]));
    let bsky_id = bsky["id"].as_str().unwrap().to_owned();

    let nostr = ok_json(
        d,
        &["accounts", "add", "nostr", "--generate", "--relay", &relay],
        b"",
    );
    assert!(
        nostr["account"]["handle"]
            .as_str()
            .unwrap()
            .starts_with("npub1")
    );
    assert_eq!(nostr["account"]["relays"][0]["write"], true);

    let out = ferry(d, &add_mastodon(&masto, &["--json"]), MOCK_CODE);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let prompt: Value =
        serde_json::from_slice(out.stderr.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert!(
        prompt["authorizeUrl"]
            .as_str()
            .unwrap()
            .contains("/oauth/authorize?"),
        "{prompt}"
    );
    let mastodon: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(mastodon["account"]["limits"]["maxCharacters"], 500);

    // Without --json, `add` prints the bare id (for `id=$(ferry accounts add …)`).
    let again = ok(d, &add_alice(&pds, &[]), peers::BSKY_ALICE.1.as_bytes());
    assert_eq!(again.trim(), bsky_id, "signing in again keeps the account");

    let list = ok_json(d, &["accounts", "list"], b"");
    let networks: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["network"].as_str().unwrap())
        .collect();
    assert_eq!(networks, ["bluesky", "nostr", "mastodon"]);
    let human = ok(d, &["accounts", "list"], b"");
    assert!(
        human.contains(peers::BSKY_ALICE.0) && human.contains("audience: zh-Hans"),
        "{human}"
    );

    let changed = ok_json(d, &["accounts", "audience", &bsky_id, "en,zh-hant"], b"");
    assert_eq!(changed["audience"], serde_json::json!(["en", "zh-Hant"]));

    let removed = ok_json(d, &["accounts", "remove", &bsky_id], b"");
    assert_eq!(removed["secretsRemoved"], 2);
    assert_eq!(
        ok_json(d, &["accounts", "list"], b"")
            .as_array()
            .unwrap()
            .len(),
        2
    );
    remove_all(d);
}

#[tokio::test]
async fn the_browser_sign_in_comes_back_to_the_loopback_listener() {
    let Some(masto) = peers::mastodon() else {
        return;
    };
    let Some(data) = data_dir("accounts_loopback") else {
        return;
    };
    let mut child = command(
        data.path(),
        &[
            "accounts",
            "add",
            "mastodon",
            "--instance",
            &masto,
            "--no-browser",
            "--json",
        ],
    )
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let prompt: Value = serde_json::from_str(&line).unwrap();
    // The person picks the account in the browser; the mock redirects to Ferry's listener.
    let url = prompt["authorizeUrl"].as_str().unwrap();
    let page = mastodon_mock::choose_account(url, peers::MASTODON_USER).await;
    assert!(page.contains("Ferry is signed in"), "{page}");
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let added: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(added["account"]["network"], "mastodon");
    remove_all(data.path());
}

#[test]
fn failures_are_code_and_message() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let Some(data) = data_dir("accounts_failures") else {
        return;
    };
    let d = data.path();
    let err = fail_json(d, &add_alice(&pds, &[]), b"wrong\n");
    assert_eq!(err["code"], "net.auth");
    let err = fail_json(d, &add_alice(&pds, &[]), b"");
    assert_eq!(err["code"], "input.empty");
    let err = fail_json(
        d,
        &[
            "accounts",
            "add",
            "nostr",
            "--key-stdin",
            "--relay",
            "ws://127.0.0.1:1",
        ],
        b"nsec1notakeysekrit",
    );
    assert_eq!(err["code"], "net.invalid_input");
    assert!(!err["message"].as_str().unwrap().contains("sekrit"));
    let err = fail_json(
        d,
        &[
            "accounts",
            "add",
            "nostr",
            "--generate",
            "--relay",
            "http://relay.example",
        ],
        b"",
    );
    assert_eq!(err["code"], "account.invalid");
    let err = fail_json(d, &["accounts", "remove", "no-such-account"], b"");
    assert_eq!(err["code"], "account.not_found");
    // Passwords never come as arguments: clap refuses the command without --password-stdin.
    let out = ferry(
        d,
        &["accounts", "add", "bluesky", "--handle", "alice.test"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        ok_json(d, &["accounts", "list"], b""),
        serde_json::json!([])
    );
}

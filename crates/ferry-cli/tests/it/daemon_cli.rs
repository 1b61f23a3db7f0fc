//! `ferry daemon` as real processes: two daemons on one database send a scheduled item to the
//! real Nostr relay and Bluesky PDS exactly once and exit 0 on SIGTERM; an idle one exits 0 on SIGINT; a
//! secrets file it cannot open stops it at once with the reason; the systemd unit runs this
//! binary. The daemons keep secrets in the encrypted file, as on a machine with no keychain.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use ferry_test_support::peers;
use serde_json::Value;
use sqlx::Connection;

use crate::schedule_support::*;

fn daemon(data: &std::path::Path) -> Child {
    command(data, &["daemon", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start ferry daemon")
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits for the daemon to end; its exit code and its log lines (JSON).
fn finish(child: Child) -> (Option<i32>, Vec<Value>, String) {
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (
        out.status.code(),
        lines,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn kinds(lines: &[Value], kind: &str) -> usize {
    lines.iter().filter(|l| l["kind"] == kind).count()
}

#[tokio::test]
async fn two_daemons_send_a_scheduled_item_once_and_stop_on_sigterm() {
    let (Some(relay), Some(pds)) = (peers::nostr_relay(), peers::bluesky_pds()) else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let account = nostr_account(d, &relay);
    let alice = bluesky_alice(d, &pds);
    let to = format!("{},{}", id(&account), id(&alice["account"]));
    let marker = format!(
        "ferrydaemon{}x{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    );
    let draft_id = draft(d, &format!("Scheduled through ferry daemon 🚢 {marker}"));
    let at = (Utc::now() + chrono::Duration::seconds(3))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let item = ok_json(
        d,
        &[
            "schedule", "add", &draft_id, "--at", &at, "--tz", "UTC", "--to", &to,
        ],
    );

    let first = daemon(d);
    let second = daemon(d);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let now = ok_json(d, &["schedule", "list"]);
        let targets = now[0]["targets"].as_array().unwrap();
        assert_eq!(targets.len(), 2);
        if targets.iter().all(|t| t["state"] == "posted") {
            assert!(targets.iter().all(|t| t["remote_url"].is_string()), "{now}");
            break;
        }
        assert!(
            targets.iter().all(|t| t["state"] != "failed"),
            "the scheduled post failed: {now}"
        );
        assert!(Instant::now() < deadline, "not posted within 20 s: {now}");
        std::thread::sleep(Duration::from_millis(200));
    }
    signal(&first, "TERM");
    signal(&second, "TERM");
    let (code_a, log_a, err_a) = finish(first);
    let (code_b, log_b, err_b) = finish(second);
    assert_eq!(code_a, Some(0), "first daemon: {err_a}");
    assert_eq!(code_b, Some(0), "second daemon: {err_b}");
    for log in [&log_a, &log_b] {
        assert_eq!(kinds(log, "started"), 1, "{log:?}");
        assert_eq!(log.last().unwrap()["kind"], "stopped", "{log:?}");
        assert!(
            log.iter()
                .any(|l| l["kind"] == "stopping" && l["signal"] == "SIGTERM")
        );
    }
    // One of them handed it over, once; its log says the target was posted.
    let both: Vec<Value> = log_a.iter().chain(&log_b).cloned().collect();
    let handed: Vec<&Value> = both.iter().filter(|l| l["kind"] == "handed").collect();
    assert_eq!(handed.len(), 1, "{both:?}");
    assert_eq!(handed[0]["schedule_id"], item["id"]);
    assert!(
        both.iter()
            .filter(|l| l["kind"] == "publish"
                && l["event"]["kind"] == "target"
                && l["event"]["state"] == "posted")
            .count()
            == 2,
        "{both:?}"
    );
    let status = ok_json(d, &["schedule", "status"]);
    assert_eq!(status["running"], false, "both said they stopped: {status}");
    assert_eq!(status["last_run_by"], "daemon");

    // On the PDS and on the relay: exactly one post with the marker.
    let posts = crate::accounts_support::bluesky_texts(&pds, &alice, &marker).await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    let pubkey = account["remoteId"].as_str().unwrap().to_owned();
    let filter = serde_json::json!({ "authors": [pubkey], "kinds": [1], "limit": 100 });
    let notes = ferry_networks::nostr::client::query_events(
        std::slice::from_ref(&relay),
        filter,
        Duration::from_secs(10),
    )
    .await;
    let mine = notes.iter().filter(|e| e.content.contains(&marker)).count();
    assert_eq!(mine, 1, "posted exactly once");
}

#[test]
fn an_idle_daemon_exits_0_on_sigint() {
    let data = tempfile::tempdir().unwrap();
    let mut child = daemon(data.path());
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let started: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(started["kind"], "started", "{first}");
    assert_eq!(started["pending"], 0);
    signal(&child, "INT");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{rest}");
    assert!(rest.contains(r#""signal":"SIGINT""#), "{rest}");
    assert!(rest.trim_end().ends_with(r#""kind":"stopped"}"#), "{rest}");
}

/// Runs a daemon until it has made its first pass, then stops it; its log.
fn one_pass(data: &std::path::Path) -> Vec<Value> {
    let child = daemon(data);
    let deadline = Instant::now() + Duration::from_secs(10);
    // The heartbeat is written at the start of each pass: once it is there, the pass ran.
    while ok_json(data, &["schedule", "status"])["running"] != true {
        assert!(Instant::now() < deadline, "the daemon never ran a pass");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(500));
    signal(&child, "TERM");
    let (code, log, err) = finish(child);
    assert_eq!(code, Some(0), "{err}");
    log
}

#[tokio::test]
async fn held_items_wait_for_post_now_or_skip() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let account = id(&nostr_account(d, NO_RELAY));
    // Only a Chinese variant for an English audience: once handed, the outbox refuses the
    // target at once (no network, no retries that a stop would wait for).
    let draft_id = ok_text(
        d,
        &[
            "drafts",
            "new",
            "--lang",
            "zh-Hans",
            "--text",
            "机器关着时到期",
        ],
    )
    .trim()
    .to_owned();
    let mut items = Vec::new();
    for day in ["15", "16"] {
        let at = format!("2027-03-{day}T09:00");
        let args = [
            "schedule", "add", &draft_id, "--at", &at, "--tz", "UTC", "--to", &account,
        ];
        items.push(id(&ok_json(d, &args)));
    }
    // Both fell due an hour ago, as if the machine had been off: past the catch-up window.
    let db = d.join("ferry.db");
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    let hour_ago = (Utc::now() - chrono::Duration::hours(1))
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string();
    sqlx::query("UPDATE schedules SET due_at = ?")
        .bind(&hour_ago)
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();

    let log = one_pass(d);
    let held: Vec<&Value> = log.iter().filter(|l| l["kind"] == "held").collect();
    assert_eq!(held.len(), 2, "{log:?}");
    assert_eq!(
        kinds(&log, "handed"),
        0,
        "a held item is never sent on its own"
    );
    let status = ok_json(d, &["schedule", "status"]);
    assert_eq!(status["held"], 2);
    let listed = ok_json(d, &["schedule", "list", "--state", "held"]);
    assert_eq!(listed.as_array().unwrap().len(), 2);

    let released = ok_json(d, &["schedule", "post-now", &items[0]]);
    assert_eq!(
        (&released["state"], &released["late_ok"]),
        (&"scheduled".into(), &true.into())
    );
    let skipped = ok_json(d, &["schedule", "skip", &items[1]]);
    assert_eq!(skipped["state"], "skipped");

    // The next daemon sends the released one however late, and never the skipped one.
    let log = one_pass(d);
    let handed: Vec<&Value> = log.iter().filter(|l| l["kind"] == "handed").collect();
    assert_eq!(handed.len(), 1, "{log:?}");
    assert_eq!(handed[0]["schedule_id"], items[0].as_str());
    // Its target was refused by the outbox; the log gives the reason.
    let finished = log
        .iter()
        .find(|l| l["kind"] == "publish" && l["event"]["kind"] == "finished")
        .unwrap_or_else(|| panic!("{log:?}"));
    assert_eq!(
        finished["event"]["targets"][0]["error"]["code"],
        "outbox.no_variant"
    );
    let after = ok_json(d, &["schedule", "list"]);
    let states: Vec<&Value> = after
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["state"])
        .collect();
    assert_eq!(states, vec!["handed", "skipped"]);
}

#[test]
fn a_secrets_file_it_cannot_open_stops_the_daemon_with_the_reason() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    nostr_account(d, NO_RELAY);
    let wrong = command(d, &["daemon", "--json"])
        .env("FERRY_SECRETS_PASSPHRASE", "not-the-passphrase")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(1));
    assert!(wrong.stdout.is_empty());
    let err: Value = serde_json::from_slice(&wrong.stderr).unwrap();
    assert_eq!(err["code"], "secrets.bad_passphrase", "{err}");

    let none = command(d, &["daemon"])
        .env_remove("FERRY_SECRETS_PASSPHRASE")
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
    let text = String::from_utf8_lossy(&none.stderr);
    assert!(
        text.starts_with("error[secrets.no_passphrase]")
            && text.contains("FERRY_SECRETS_PASSPHRASE"),
        "{text}"
    );
}

#[test]
fn the_systemd_unit_runs_this_binary_on_this_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let unit = ok_text(data.path(), &["daemon", "--print-systemd-unit"]);
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_ferry")).unwrap();
    assert!(
        unit.contains(&format!("\nExecStart={} daemon\n", exe.display())),
        "{unit}"
    );
    assert!(
        unit.contains(&format!(
            "\nEnvironment=FERRY_DATA_DIR={}\n",
            data.path().display()
        )),
        "{unit}"
    );
    assert!(unit.contains("\nRestart=on-failure\n"));
    assert!(unit.contains("systemctl --user enable --now"));
    assert!(!unit.contains(PASSPHRASE), "never the passphrase");
    assert!(
        !data.path().join("ferry.db").exists(),
        "printing the unit opens nothing"
    );
}

/// Run through a launcher (the packages' `/usr/bin/ferry`, which runs the app's binary as this
/// command), the unit starts the launcher, not the binary behind it.
#[test]
fn the_systemd_unit_runs_the_launcher_that_named_itself() {
    let data = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(["daemon", "--print-systemd-unit"])
        .env("FERRY_DATA_DIR", data.path())
        .env("FERRY_CLI_EXE", "/usr/bin/ferry")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let unit = String::from_utf8(out.stdout).unwrap();
    assert!(
        unit.contains("\nExecStart=/usr/bin/ferry daemon\n"),
        "{unit}"
    );
}

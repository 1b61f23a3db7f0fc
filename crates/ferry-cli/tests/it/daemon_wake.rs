//! A change made by another process wakes a running `ferry daemon` at once: `ferry schedule
//! add` rings the daemon's doorbell, so an item due in two seconds goes out in about two
//! seconds, not at the daemon's next 30-second pass.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::Utc;
use ferry_test_support::peers;
use serde_json::Value;

use crate::schedule_support::*;

#[test]
fn schedule_add_in_another_process_wakes_an_idle_daemon() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let account = nostr_account(d, &relay);
    let draft_id = draft(d, "Rung awake 🔔 by schedule add, 叫醒");
    let mut daemon = command(d, &["daemon", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start ferry daemon");
    let (lines, log) = mpsc::channel::<Value>();
    let stdout = BufReader::new(daemon.stdout.take().unwrap());
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            let _ = lines.send(serde_json::from_str(&line).unwrap_or(Value::Null));
        }
    });
    // Its first pass found nothing to do: it now sleeps for 30 s unless woken.
    let deadline = Instant::now() + Duration::from_secs(10);
    while ok_json(d, &["schedule", "status"])["running"] != true {
        assert!(Instant::now() < deadline, "the daemon never ran a pass");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(300));

    let added = Instant::now();
    let at = (Utc::now() + chrono::Duration::seconds(2))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let item = ok_json(
        d,
        &[
            "schedule",
            "add",
            &draft_id,
            "--at",
            &at,
            "--tz",
            "UTC",
            "--to",
            &id(&account),
        ],
    );
    let handed = loop {
        match log.recv_timeout(Duration::from_secs(40)) {
            Ok(line) if line["kind"] == "handed" => break added.elapsed(),
            Ok(_) => {}
            Err(err) => panic!("the daemon never handed the item over: {err}"),
        }
    };
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &daemon.id().to_string()])
        .status();
    let _ = daemon.wait();
    // Due 1–2 s after the add; without the ring the daemon would only look ~30 s after its
    // first pass.
    assert!(
        handed < Duration::from_secs(12),
        "handed over {handed:?} after `schedule add`: the daemon waited for its pass ({item})"
    );
}

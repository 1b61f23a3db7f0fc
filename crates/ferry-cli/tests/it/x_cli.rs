//! `ferry accounts add x` and `ferry post` to X, as a real process, through the FAKE X API
//! (`ferry_test_support::x_api`; no real one runs here) and the real keychain: the sign-in
//! prints X's consent page and waits on the callback port; a post is refused until its cost
//! is accepted, naming the price, then goes out once; scheduling asks the same, and keeps the
//! accepted price with the item.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::accounts_support::*;
use crate::post_cli::draft;
use ferry_test_support::x_api::{CLIENT_ID, FakeXApi};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_through_the_browser_then_posting_once_the_cost_is_accepted() {
    let Some(data) = data_dir("x_cli") else {
        return;
    };
    let d = data.path();
    let api = FakeXApi::start().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let authorize = format!("{}/i/oauth2/authorize", api.base);
    let args = [
        "accounts",
        "add",
        "x",
        "--client-id",
        CLIENT_ID,
        "--port",
        &port,
        "--api",
        &api.base,
        "--authorize",
        &authorize,
        "--no-browser",
        "--wait",
        "30",
        "--json",
    ];
    let mut child = command(d, &args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The note on stderr names the consent page and the callback to register.
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let note: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        note["redirectUri"],
        format!("http://127.0.0.1:{port}/callback")
    );
    // The browser: X's consent page answers with a redirect to the callback.
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let consent = browser
        .get(note["authorizeUrl"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    let callback = consent.headers()["location"].to_str().unwrap().to_owned();
    browser.get(&callback).send().await.unwrap();
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let added: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(added["account"]["handle"], "@ferry_writer");
    assert!(
        added["warnings"][0].as_str().unwrap().contains("$0.015"),
        "{added}"
    );
    let account = added["id"].as_str().unwrap().to_owned();

    let id = draft(d, &[("en", "X from the command line 命令行 & more")]).await;
    let refused = fail_json(d, &["post", &id, "--to", &account], b"");
    assert_eq!(refused["code"], "outbox.cost_not_accepted", "{refused}");
    assert!(
        refused["message"].as_str().unwrap().contains("$0.015"),
        "{refused}"
    );
    assert!(api.posts().is_empty());
    api.fail_after_next_post();
    let status = ok_json(d, &["post", &id, "--to", &account, "--accept-x-cost"], b"");
    assert_eq!(status["targets"][0]["state"], "posted", "{status}");
    assert_eq!(
        api.posts().len(),
        1,
        "found among the latest posts, not sent twice"
    );

    // Scheduling asks the same: refused naming the price, then kept with what was accepted.
    let later = draft(d, &[("en", "Scheduled for X 定时")]).await;
    let at = [
        "--at",
        "2099-06-01T09:00",
        "--tz",
        "Asia/Shanghai",
        "--to",
        &account,
    ];
    let refused = fail_json(d, &[&["schedule", "add", &later][..], &at].concat(), b"");
    assert_eq!(refused["code"], "schedule.cost_not_accepted", "{refused}");
    assert!(
        refused["message"].as_str().unwrap().contains("$0.015"),
        "{refused}"
    );
    let args = [&["schedule", "add", &later][..], &at, &["--accept-x-cost"]].concat();
    let item = ok_json(d, &args, b"");
    assert_eq!(item["x_cost_accepted"], "$0.015", "{item}");
}

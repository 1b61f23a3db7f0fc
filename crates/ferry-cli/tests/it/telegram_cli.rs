//! `ferry accounts add telegram` and `ferry post` to a channel, as a real process, through the
//! FAKE Bot API (`ferry_test_support::telegram_bot_api`; no real one runs here) and the real
//! keychain: a bot without rights is refused with what to fix; a lost answer leaves the post
//! `unknown` (exit 2) until `--found`/`--not-found` settles it, and nothing is posted twice.

use crate::accounts_support::*;
use crate::post_cli::draft;
use ferry_test_support::telegram_bot_api::{FakeBotApi, GOOD_TOKEN, WRITER_CHAT};
use ferry_test_support::{Fault, FaultProxy};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_is_added_posted_to_and_a_lost_answer_settled_by_hand() {
    let Some(data) = data_dir("telegram_cli") else {
        return;
    };
    let d = data.path();
    let api = FakeBotApi::start().await;
    let proxy = FaultProxy::start(&api.base).await.unwrap();
    let base = proxy.http_url();
    let add = |chat: &str| {
        vec![
            "accounts".to_owned(),
            "add".into(),
            "telegram".into(),
            "--chat".into(),
            chat.to_owned(),
            "--token-stdin".into(),
            "--api".into(),
            base.clone(),
            "--audience".into(),
            "zh-Hans".into(),
        ]
    };
    let args = add("@no_rights");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let refused = fail_json(d, &args, GOOD_TOKEN.as_bytes());
    assert_eq!(refused["code"], "account.bot_cannot_post", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("Post messages")
    );

    let args = add("@ferry_news");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let added = ok_json(d, &args, format!("{GOOD_TOKEN}\n").as_bytes());
    assert_eq!(added["account"]["handle"], "@ferry_news");
    let account = added["id"].as_str().unwrap().to_owned();

    // The answer to sendMessage is lost: unknown, exit 2, and the way out is named.
    let id = draft(d, &[("zh-Hans", "电报 & <Telegram>")]).await;
    proxy.push(Fault::DropAfterForward);
    let out = ferry(
        d,
        &["post", &id, "--to", &account, "--attempts", "2", "--json"],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["targets"][0]["state"], "unknown");
    let human = ok_or_two(d, &["post", &id, "--retry-failed"]);
    assert!(human.contains("--found [URL] or --not-found"), "{human}");
    assert_eq!(
        api.messages("@ferry_news").len(),
        1,
        "a retry doesn't resend blindly"
    );

    // The person saw it in the channel.
    let link = format!(
        "https://t.me/ferry_news/{}",
        api.messages("@ferry_news")[0].message_id
    );
    let settled = ok_json(d, &["post", &id, "--found", &link], b"");
    assert_eq!(settled["targets"][0]["state"], "posted");
    assert_eq!(settled["targets"][0]["remoteUrl"], link.as_str());
    let nothing = fail_json(d, &["post", &id, "--not-found"], b"");
    assert!(
        nothing["message"]
            .as_str()
            .unwrap()
            .contains("nothing to settle"),
        "{nothing}"
    );
    assert_eq!(api.messages("@ferry_news").len(), 1);
    assert_eq!(api.messages("@ferry_news")[0].text, "电报 & <Telegram>");

    // The RedNote kit to the writer's own chat with the bot.
    let args = add(&WRITER_CHAT.to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let own = ok_json(d, &args, GOOD_TOKEN.as_bytes());
    let own = own["id"].as_str().unwrap().to_owned();
    let sent = ok_json(d, &["rednote", "handoff", &id, "--telegram", &own], b"");
    assert_eq!(sent["messages"], 1, "{sent}");
    assert!(
        sent["notes"][0].as_str().unwrap().contains("no pictures"),
        "{sent}"
    );
    assert_eq!(api.messages("@writer_lin")[0].text, "电报 & <Telegram>");
    remove_all(d);
}

/// Stdout of a run that ends 0 or 2 (some target not posted).
fn ok_or_two(d: &std::path::Path, args: &[&str]) -> String {
    let out = ferry(d, args, b"");
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

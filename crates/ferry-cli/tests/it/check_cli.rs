//! `ferry check`, `ferry facets` and `ferry split` run as the real binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn ferry(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(args)
        .env(
            "FERRY_DATA_DIR",
            std::env::temp_dir().join("ferry-check-cli"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ferry runs");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.unwrap_or_default())
        .expect("write stdin");
    drop(pipe);
    child.wait_with_output().expect("ferry finishes")
}

fn json_out(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "ferry failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn check_reports_every_network_in_its_unit() {
    let out = json_out(&ferry(
        &[
            "check",
            "--to",
            "x,bluesky,mastodon,telegram",
            "--json",
            "你好 world 👍🏽",
        ],
        None,
    ));
    assert_eq!(
        out,
        json!([
            {"network":"x","length":13,"limit":280,"unit":"weighted","ok":true,"over_by":0,"warnings":[]},
            {"network":"bluesky","length":10,"limit":300,"unit":"graphemes","ok":true,"over_by":0,"warnings":[]},
            {"network":"mastodon","length":10,"limit":500,"unit":"graphemes","ok":true,"over_by":0,"warnings":[]},
            {"network":"telegram","length":13,"limit":4096,"unit":"utf16","ok":true,"over_by":0,"warnings":[]}
        ])
    );
}

#[test]
fn check_over_the_limit_is_not_a_failure() {
    let text = "中".repeat(150);
    let output = ferry(&["check", "--to", "x", "--json", &text], None);
    let out = json_out(&output);
    assert_eq!(out[0]["ok"], json!(false));
    assert_eq!(out[0]["length"], json!(300));
    assert_eq!(out[0]["over_by"], json!(20));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn check_takes_title_spoiler_and_stdin() {
    let out = json_out(&ferry(
        &[
            "check",
            "--to",
            "mastodon,rednote",
            "--title",
            "一二三四五六七八九十一二三四五六七八九十多",
            "--spoiler",
            "CW",
            "--images",
            "1",
            "--json",
            "-",
        ],
        Some("看 https://example.com/very/long/path/that/counts/as/23".as_bytes()),
    ));
    assert_eq!(out[0]["length"], json!(2 + 2 + 23));
    assert_eq!(out[1]["ok"], json!(false));
    assert_eq!(
        out[1]["warnings"][0]["code"],
        json!("rednote.title_too_long")
    );
}

#[test]
fn empty_text_is_refused_by_x_and_warned_about_elsewhere() {
    // Reported, not judged: still exit 0 (see check_over_the_limit_is_not_a_failure).
    let out = json_out(&ferry(&["check", "--to", "x,bluesky", "--json", ""], None));
    assert_eq!(out[0]["length"], json!(0));
    assert_eq!(out[0]["ok"], json!(false));
    assert_eq!(out[0]["warnings"][0]["code"], json!("post.empty"));
    assert_eq!(out[1]["ok"], json!(true));
    assert_eq!(out[1]["warnings"][0]["code"], json!("post.empty"));
}

#[test]
fn unknown_network_lists_the_known_ones() {
    let output = ferry(&["check", "--to", "x,myspace", "--json", "hi"], None);
    assert_eq!(output.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&output.stderr).expect("stderr is JSON");
    assert_eq!(err["code"], json!("network.unknown"));
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("x, bluesky, mastodon, threads, telegram, nostr, rednote, weibo")
    );
}

#[test]
fn invalid_utf8_on_stdin_is_refused() {
    let output = ferry(&["check", "--json", "-"], Some(b"ok \xff\xfe"));
    assert_eq!(output.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&output.stderr).expect("stderr is JSON");
    assert_eq!(err["code"], json!("input.utf8"));
}

#[test]
fn facets_prints_bluesky_facets() {
    let out = json_out(&ferry(
        &[
            "facets",
            "--json",
            "hi #tag ＃标签 @alice.bsky.social example.com",
        ],
        None,
    ));
    assert_eq!(
        out,
        json!([
            {"byteStart":3,"byteEnd":7,"type":"tag","value":"tag"},
            {"byteStart":8,"byteEnd":17,"type":"tag","value":"标签"},
            {"byteStart":18,"byteEnd":36,"type":"mention","value":"alice.bsky.social"},
            {"byteStart":37,"byteEnd":48,"type":"link","value":"https://example.com"}
        ])
    );
}

#[test]
fn split_numbers_parts_that_each_fit() {
    let text = "这是一个很长的句子。".repeat(40);
    let out = json_out(&ferry(
        &["split", "--to", "bluesky", "--number", "--json", &text],
        None,
    ));
    let parts = out.as_array().expect("array");
    assert!(parts.len() >= 2);
    for (i, part) in parts.iter().enumerate() {
        assert_eq!(part["ok"], json!(true));
        let text = part["text"].as_str().expect("text");
        let (body, number) = text.rsplit_once(' ').expect("numbered");
        assert_eq!(number, format!("{}/{}", i + 1, parts.len()));
        assert!(body.ends_with('。'), "part {i} breaks mid-sentence: {body}");
    }
}

#[test]
fn human_output_without_json() {
    let output = ferry(&["check", "--to", "x", "hello"], None);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.starts_with("x "), "{text}");
    assert!(text.contains("ok"), "{text}");
}

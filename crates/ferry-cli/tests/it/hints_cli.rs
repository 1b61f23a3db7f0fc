//! `ferry detect`, `ferry hints` and `ferry convert` as a user runs them.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn ferry(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn detect_json_prints_scalar_offset_runs() {
    let out = ferry(&["detect", "--json", "我喜欢这本书"], None);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        r#"{"lang":"zh-Hans","runs":[{"start":0,"end":6,"lang":"zh-Hans"}]}"#
    );
    // One word each: languages are weighed by words, not letters, so the tie goes to Chinese.
    let mixed = ferry(&["detect", "--json", "😀 Hello 世界"], None);
    assert_eq!(
        stdout(&mixed).trim(),
        r#"{"lang":"zh-Hans","runs":[{"start":2,"end":7,"lang":"en"},{"start":8,"end":10,"lang":"zh-Hans"}]}"#
    );
}

#[test]
fn detect_reads_stdin_and_refuses_invalid_utf8() {
    let out = ferry(&["detect", "--json", "-"], Some("오늘 날씨".as_bytes()));
    assert!(stdout(&out).contains(r#""lang":"ko""#));
    let bad = ferry(&["detect", "--json", "-"], Some(b"ok \xff\xfe"));
    assert!(!bad.status.success());
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(
        err.contains(r#""code":"input.utf8""#) && err.contains("byte offset 3"),
        "{err}"
    );
    let empty = ferry(&["detect", "--json", ""], None);
    assert_eq!(stdout(&empty).trim(), r#"{"lang":"und","runs":[]}"#);
}

#[test]
fn hints_json_has_words_notes_and_hashtags() {
    let out = ferry(
        &[
            "hints",
            "--json",
            "--variant",
            "zh-Hans",
            "这家银行yyds #TikTokRefugee",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let words = json["words"].as_array().unwrap();
    assert!(
        words
            .iter()
            .any(|w| w["text"] == "银行" && w["pinyin"] == "yínháng")
    );
    assert_eq!(json["notes"][0]["term"], "yyds");
    assert_eq!(json["hashtags"][0]["equivalents"][0], "#tiktok难民");
    assert!(json["words"][0]["span"]["utf16Start"].is_number());
    let human = ferry(&["hints", "银行"], None);
    assert!(stdout(&human).contains("yínháng"));
}

#[test]
fn convert_handles_each_target_and_rejects_unknown_ones() {
    let tw = ferry(&["convert", "--to", "zh-TW", "鼠标和软件"], None);
    assert_eq!(stdout(&tw).trim(), "滑鼠和軟體");
    let hk = ferry(&["convert", "--to", "zh-HK", "头发"], None);
    assert_eq!(stdout(&hk).trim(), "頭髮");
    let back = ferry(
        &["convert", "--to", "zh-Hans", "-"],
        Some("資訊".as_bytes()),
    );
    assert_eq!(stdout(&back).trim(), "信息");
    let bad = ferry(&["convert", "--json", "--to", "klingon", "x"], None);
    assert!(!bad.status.success());
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("convert.unknown_target")
    );
}

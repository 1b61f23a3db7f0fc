//! `ferry drafts …` run as a real process against a temporary FERRY_DATA_DIR.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ferry-core/tests/fixtures")
        .join(name)
}

/// Runs `ferry drafts ARGS` on `data` with `stdin` fed in.
fn ferry(data: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .arg("drafts")
        .args(args)
        .env("FERRY_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferry");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = ferry(data, args, b"");
    assert!(
        out.status.success(),
        "ferry drafts {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(data: &Path, args: &[&str]) -> Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    serde_json::from_str(&ok(data, &with_json)).unwrap()
}

/// The `{code, message}` a failing `--json` run prints on stderr.
fn json_failure(data: &Path, args: &[&str], stdin: &[u8]) -> Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let out = ferry(data, &with_json, stdin);
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail");
    assert!(out.stdout.is_empty(), "a failure prints nothing on stdout");
    serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "stderr is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn new_prints_just_the_id_and_show_returns_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(
        dir.path(),
        &["new", "--lang", "zh-Hans", "--text", "渡口见！"],
    );
    let id = id.strip_suffix('\n').expect("one line");
    assert!(
        !id.is_empty() && !id.contains(char::is_whitespace),
        "{id:?}"
    );

    let draft = json(dir.path(), &["show", id]);
    assert_eq!(draft["id"], id);
    assert_eq!(draft["revision"], 1);
    assert_eq!(draft["content"]["variants"][0]["lang"], "zh-Hans");
    assert_eq!(draft["content"]["variants"][0]["text"], "渡口见！");
    assert!(draft["createdAt"].as_str().unwrap().ends_with('Z'));

    let with_json = json(
        dir.path(),
        &[
            "new",
            "--lang",
            "en",
            "--text",
            "hi",
            "--targets",
            "x,mastodon:me",
        ],
    );
    assert_eq!(with_json["revision"], 1);
    assert_eq!(with_json["content"]["targets"][1]["network"], "mastodon");
    assert_eq!(with_json["content"]["targets"][1]["accountId"], "me");

    let human = ok(dir.path(), &["show", id]);
    assert!(human.contains("── zh-Hans ──\n渡口见！"), "{human}");
}

#[test]
fn stdin_text_round_trips_byte_exact() {
    let dir = tempfile::tempdir().unwrap();
    let text = "臺灣「你好」👩\u{200d}👩\u{200d}👧 e\u{301} مرحبا\n第二行\r\n";
    let out = ferry(
        dir.path(),
        &["new", "--lang", "zh-Hant", "--text", "-"],
        text.as_bytes(),
    );
    assert!(out.status.success());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let draft = json(dir.path(), &["show", &id]);
    assert_eq!(
        draft["content"]["variants"][0]["text"].as_str().unwrap(),
        text
    );

    let edited = ferry(
        dir.path(),
        &["edit", &id, "--lang", "en", "--text", "-"],
        "Second: 🇹🇼".as_bytes(),
    );
    assert!(edited.status.success());
    let draft = json(dir.path(), &["show", &id]);
    assert_eq!(draft["content"]["variants"][1]["text"], "Second: 🇹🇼");
}

#[test]
fn invalid_utf8_on_stdin_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let bad = b"ok \xe6\xb8\xa1 then \xff\xfe";
    let failure = json_failure(dir.path(), &["new", "--lang", "en", "--text", "-"], bad);
    assert_eq!(failure["code"], "input.utf8");
    assert!(
        failure["message"]
            .as_str()
            .unwrap()
            .contains("byte offset 12")
    );

    let out = ferry(dir.path(), &["new", "--lang", "en", "--text", "-"], bad);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error[input.utf8]: "), "{stderr}");
    assert_eq!(json(dir.path(), &["list"]), Value::Array(vec![]));
}

#[test]
fn edit_history_restore_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = ok(d, &["new", "--lang", "en", "--text", "Long English text"])
        .trim()
        .to_owned();

    let edited = json(d, &["edit", &id, "--lang", "zh-Hans", "--text", "中文"]);
    assert_eq!(edited["revisions"][0]["number"], 2);
    assert_eq!(edited["draft"]["revision"], 2);
    let over = json(
        d,
        &[
            "edit",
            &id,
            "--lang",
            "en",
            "--network",
            "x",
            "--text",
            "Short",
        ],
    );
    assert_eq!(over["draft"]["content"]["overrides"][0]["network"], "x");
    json(
        d,
        &[
            "edit",
            &id,
            "--targets",
            "bluesky,x",
            "--topics",
            "渡口，ferry",
        ],
    );
    let attached = json(
        d,
        &[
            "edit",
            &id,
            "--attach",
            fixture("harbour.jpg").to_str().unwrap(),
            "--alt",
            "The pier",
        ],
    );
    let image = &attached["draft"]["content"]["attachments"][0];
    assert_eq!(image["mediaType"], "image/jpeg");
    assert_eq!(
        (image["width"].as_u64(), image["height"].as_u64()),
        (Some(64), Some(48))
    );
    assert_eq!(image["alt"]["en"], "The pier");
    assert_eq!(attached["revisions"][0]["kind"], "mediaAdded");

    let unchanged = ok(d, &["edit", &id, "--topics", "渡口,ferry"]);
    assert!(unchanged.starts_with("no change"), "{unchanged}");

    let history = json(d, &["history", &id]);
    let numbers: Vec<u64> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [5, 4, 3, 2, 1]);
    assert_eq!(history[4]["kind"], "created");

    let old = json(d, &["show", &id, "--revision", "1"]);
    assert_eq!(old["summary"]["number"], 1);
    assert_eq!(old["content"]["variants"].as_array().unwrap().len(), 1);

    let restored = json(d, &["restore", &id, "1"]);
    assert_eq!(restored["revision"]["number"], 6);
    assert_eq!(restored["revision"]["restoredFrom"], 1);
    assert_eq!(
        restored["draft"]["content"]["attachments"],
        Value::Array(vec![])
    );
    let text = ok(d, &["history", &id]);
    assert!(
        text.lines().next().unwrap().contains("restored from 1"),
        "{text}"
    );

    assert_eq!(json(d, &["delete", &id])["deleted"], true);
    assert_eq!(
        json_failure(d, &["show", &id], b"")["code"],
        "draft.not_found"
    );
}

#[test]
fn list_and_search_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pier = ok(
        d,
        &["new", "--lang", "zh-Hans", "--text", "今天去渡口看日落"],
    )
    .trim()
    .to_owned();
    ok(
        d,
        &[
            "edit",
            &pier,
            "--lang",
            "en",
            "--text",
            "Sunset at the ferry pier",
        ],
    );
    let cafe = ok(d, &["new", "--lang", "en", "--text", "Coffee in Taipei"])
        .trim()
        .to_owned();

    let all = json(d, &["list"]);
    assert_eq!(all[0]["id"], cafe.as_str(), "newest update first");
    assert_eq!(all[1]["languages"], serde_json::json!(["zh-Hans", "en"]));

    let hits = json(d, &["list", "--search", "渡口"]);
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["id"], pier.as_str());
    let snippet = &hits[0]["snippet"];
    assert_eq!(snippet["highlights"][0]["utf16Start"], 3);
    assert_eq!(snippet["highlights"][0]["utf16End"], 5);

    let human = ok(d, &["list", "--search", "FERRY"]);
    assert!(human.contains("the [ferry] pier"), "{human}");
    assert_eq!(
        ok(d, &["list", "--search", "nothing-like-this"]).trim(),
        "no drafts"
    );
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = ok(d, &["new", "--lang", "en", "--text", "x"])
        .trim()
        .to_owned();

    let f = json_failure(d, &["edit", &id, "--targets", "x,myspace"], b"");
    assert_eq!(f["code"], "draft.unknown_network");
    assert!(f["message"].as_str().unwrap().contains("myspace"));

    let f = json_failure(d, &["new", "--lang", "en_US", "--text", "x"], b"");
    assert_eq!(f["code"], "draft.invalid_language");

    let f = json_failure(d, &["edit", &id], b"");
    assert_eq!(f["code"], "cli.usage");

    let f = json_failure(
        d,
        &[
            "edit",
            &id,
            "--lang",
            "en",
            "--text",
            "y",
            "--base-revision",
            "7",
        ],
        b"",
    );
    assert_eq!(f["code"], "draft.conflict");

    let f = json_failure(
        d,
        &[
            "edit",
            &id,
            "--attach",
            fixture("photo.bmp").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(f["code"], "media.unsupported");
    assert!(f["message"].as_str().unwrap().contains("photo.bmp"));

    let f = json_failure(d, &["restore", &id, "42"], b"");
    assert_eq!(f["code"], "draft.revision_not_found");
}

#[test]
fn data_dir_option_wins_over_the_environment() {
    let env_dir = tempfile::tempdir().unwrap();
    let opt_dir = tempfile::tempdir().unwrap();
    let opt = opt_dir.path().to_str().unwrap();
    let id = ok(
        env_dir.path(),
        &["--data-dir", opt, "new", "--lang", "en", "--text", "here"],
    );
    assert!(opt_dir.path().join("ferry.db").exists());
    assert!(!env_dir.path().join("ferry.db").exists());
    let listed = json(env_dir.path(), &["list", "--data-dir", opt]);
    assert_eq!(listed[0]["id"], id.trim());
}

#[test]
fn corrupt_database_is_reported_then_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = d.join("ferry.db");
    std::fs::write(
        &db,
        b"this is not a database, it is a shopping list: eggs, rice, tea",
    )
    .unwrap();

    let f = json_failure(d, &["list"], b"");
    assert_eq!(f["code"], "db.corrupt");
    let message = f["message"].as_str().unwrap();
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("ferry drafts recover"), "{message}");

    let aside = json(d, &["recover"]);
    let moved = aside["database"].as_str().unwrap();
    assert!(moved.contains("ferry.db.corrupt-"), "{moved}");
    assert!(
        std::fs::read(moved)
            .unwrap()
            .starts_with(b"this is not a database")
    );
    assert_eq!(aside["reason"]["code"], "db.corrupt");
    assert_eq!(json(d, &["list"]), Value::Array(vec![]));

    let f = json_failure(d, &["recover"], b"");
    assert_eq!(f["code"], "db.not_broken");
}

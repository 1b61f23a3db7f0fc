//! `ferry check --draft` run as the real binary on a draft made with `ferry drafts`: the same
//! `NetworkCheck` objects the composer gets from `check_variant`, Mastodon counted against the
//! account's limit, and an exit status that says whether every network would take the draft.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ferry_core::checks::{VariantCheckRequest, check_variant};
use ferry_core::{LangTag, Store};
use serde_json::{Value, json};
use sqlx::Connection;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ferry-core/tests/fixtures")
        .join(name)
}

fn ferry(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(args)
        .env("FERRY_DATA_DIR", data)
        .output()
        .expect("ferry runs")
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = ferry(data, args);
    assert!(
        out.status.success(),
        "ferry {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {} / stderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn new_draft(data: &Path, lang: &str, text: &str) -> String {
    ok(data, &["drafts", "new", "--lang", lang, "--text", text])
        .trim()
        .to_owned()
}

/// Adds a Mastodon account row as `ferry accounts add mastodon` stores it, with its
/// instance's character limit (no keychain needed: checking reads no secret).
async fn add_mastodon_account(data: &Path, id: &str, position: i64, max_characters: u32) {
    let url = format!("sqlite://{}", data.join("ferry.db").display());
    let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let limits = json!({
        "maxCharacters": max_characters, "maxMediaAttachments": 4,
        "charactersReservedPerUrl": 23, "imageSizeLimit": null,
        "imageMatrixLimit": null, "descriptionLimit": null
    });
    sqlx::query(
        "INSERT INTO accounts (id, network, handle, remote_id, limits_json, position, \
         created_at, updated_at) VALUES (?, 'mastodon', ?, ?, ?, ?, \
         '2026-12-01T00:00:00.000000Z', '2026-12-01T00:00:00.000000Z')",
    )
    .bind(id)
    .bind(format!("@{id}@example.social"))
    .bind(id)
    .bind(limits.to_string())
    .bind(position)
    .execute(&mut conn)
    .await
    .unwrap();
}

#[tokio::test]
async fn a_draft_checks_as_the_composer_checks_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_draft(
        d,
        "en",
        "Crossing at dawn 👩‍👩‍👧 https://example.com/a/very/long/path",
    );
    let portrait = fixture("portrait.webp"); // 30×40: 3:4
    let landscape = fixture("red-square.png"); // 40×30: not
    #[rustfmt::skip]
    ok(d, &[
        "drafts", "edit", &id, "--lang", "zh-Hans", "--text", "渡口见面👩‍👩‍👧\n清晨的渡口，人不多。",
        "--targets", "x,mastodon:a1,mastodon,rednote", "--topics", "旅行,machine learning",
        "--attach", portrait.to_str().unwrap(), "--attach", landscape.to_str().unwrap(),
    ]);
    ok(
        d,
        &[
            "drafts",
            "edit",
            &id,
            "--lang",
            "en",
            "--network",
            "x",
            "--text",
            "For X",
        ],
    );

    let out = ferry(d, &["check", "--draft", &id, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = stdout_json(&out);

    // Exactly what `check_variant` answers the composer, variant by variant.
    let store = Store::open(d).await.unwrap();
    let draft = store.get_draft(&id).await.unwrap();
    store.close().await;
    let langs: Vec<&str> = got
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["en", "zh-Hans"]);
    for variant in got.as_array().unwrap() {
        let lang = LangTag::parse(variant["lang"].as_str().unwrap()).unwrap();
        let composer =
            check_variant(&VariantCheckRequest::new(draft.content.clone(), lang)).unwrap();
        assert_eq!(variant["checks"], serde_json::to_value(&composer).unwrap());
    }

    let en = &got[0]["checks"];
    let networks: Vec<&str> = en
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["network"].as_str().unwrap())
        .collect();
    assert_eq!(
        networks,
        ["x", "mastodon", "rednote"],
        "each network once, in order"
    );
    assert_eq!(en[0]["text"], "For X\n\n#旅行 #machinelearning");
    assert_eq!(en[0]["fromOverride"], true);
    assert_eq!(
        en[1]["text"].as_str().unwrap().lines().last(),
        Some("#旅行 #MachineLearning")
    );

    let note = &got[1]["checks"][2];
    assert_eq!(note["title"], "渡口见面👩‍👩‍👧");
    assert_eq!(
        (note["titleLength"].clone(), note["titleLimit"].clone()),
        (json!(5), json!(20))
    );
    assert_eq!(note["body"], "清晨的渡口，人不多。");
    let square_id = &draft.content.attachments[1].id;
    assert_eq!(note["misshapenImages"], json!([square_id]));

    let zh = ferry(d, &["check", "--draft", &id, "--lang", "zh-Hans", "--json"]);
    assert_eq!(stdout_json(&zh).as_array().unwrap().len(), 1);

    // For people: one line per network, RedNote's title and the image it would crop.
    let human = ok(d, &["check", "--draft", &id, "--lang", "zh-Hans"]);
    assert!(human.starts_with("zh-Hans\n  x "), "{human}");
    assert!(human.contains("title 5 / 20"), "{human}");
    assert!(
        human.contains("red-square.png (40×30) is not 3:4; rednote crops it"),
        "{human}"
    );
}

#[tokio::test]
async fn over_a_limit_exits_1_and_mastodon_counts_against_the_account() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_draft(d, "zh-Hans", &"渡".repeat(600));
    ok(d, &["drafts", "edit", &id, "--targets", "mastodon"]);

    // No account: Mastodon's default 500.
    let out = ferry(d, &["check", "--draft", &id, "--json"]);
    assert_eq!(out.status.code(), Some(1), "over the limit is not a pass");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let m = &stdout_json(&out)[0]["checks"][0]["preview"]["measurement"];
    assert_eq!(
        (m["limit"].clone(), m["over_by"].clone()),
        (json!(500), json!(100))
    );

    // The first Mastodon account's instance takes 550: still over, by 50.
    add_mastodon_account(d, "small", 0, 550).await;
    add_mastodon_account(d, "wide", 1, 11_000).await;
    let out = ferry(d, &["check", "--draft", &id, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout_json(&out)[0]["checks"][0]["preview"]["measurement"]["over_by"],
        50
    );

    // The account the draft names decides; --data-dir reads the same folder.
    ok(d, &["drafts", "edit", &id, "--targets", "mastodon:wide"]);
    let data = d.to_str().unwrap();
    let out = ferry(
        Path::new("/nonexistent"),
        &["check", "--draft", &id, "--data-dir", data, "--json"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let m = &stdout_json(&out)[0]["checks"][0]["preview"]["measurement"];
    assert_eq!(
        (m["limit"].clone(), m["ok"].clone()),
        (json!(11_000), json!(true))
    );
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_draft(d, "en", "hi");

    let failure = |args: &[&str]| {
        let out = ferry(d, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        serde_json::from_slice::<Value>(&out.stderr).unwrap()
    };
    let f = failure(&["check", "--draft", &id, "--lang", "fr", "--json"]);
    assert_eq!(f["code"], "draft.invalid");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("no fr variant (it has en)"),
        "{f}"
    );
    let f = failure(&["check", "--draft", &id, "--lang", "en_US", "--json"]);
    assert_eq!(f["code"], "draft.invalid_language");
    let f = failure(&["check", "--draft", "no-such-draft", "--json"]);
    assert_eq!(f["code"], "draft.not_found");

    // A draft or a text, not both (clap refuses it: status 2); --lang only with --draft.
    assert_eq!(
        ferry(d, &["check", "--draft", &id, "some text"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        ferry(d, &["check", "--draft", &id, "--to", "x"])
            .status
            .code(),
        Some(2)
    );
    let f = failure(&["check", "--lang", "en", "--json", "text"]);
    assert_eq!(f["code"], "cli.usage");
}

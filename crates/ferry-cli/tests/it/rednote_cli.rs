//! `ferry rednote` as a real process on a temporary data folder: the kit exported for the
//! phone with its pictures made 3:4; a note published by hand recorded in the draft's history
//! with its link, without blocking "post"; a link that is not a RedNote note refused with the
//! reason.

use std::path::Path;
use std::process::{Command, Output};

use ferry_core::Store;
use serde_json::Value;

fn ferry(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(args)
        .env("FERRY_DATA_DIR", data)
        .output()
        .expect("run ferry")
}

async fn draft(data: &Path) -> String {
    let variants = [
        ("zh-Hans", "渡口见面\n清晨六点的渡口，雾还没散。"),
        ("en", "Dawn at the pier."),
    ];
    crate::post_cli::draft(data, &variants).await
}

#[tokio::test]
async fn a_note_published_by_hand_joins_the_history_with_its_link() {
    let data = tempfile::tempdir().unwrap();
    let id = draft(data.path()).await;
    let shared = "渡口见面 清晨六点的渡口… http://xhslink.com/a/AbC123xyz，复制本条信息，打开【小红书】App查看精彩内容！";
    let out = ferry(
        data.path(),
        &["rednote", "published", &id, "--url", shared, "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let job: Value = serde_json::from_slice(&out.stdout).unwrap();
    let target = &job["targets"][0];
    assert_eq!(job["targets"].as_array().unwrap().len(), 1);
    assert_eq!(target["network"], "rednote");
    assert_eq!(target["lang"], "zh-Hans", "the main variant by default");
    assert_eq!(target["accountId"], "by-hand");
    assert_eq!(target["state"], "posted");
    assert_eq!(target["remoteUrl"], "http://xhslink.com/a/AbC123xyz");

    // The history lists it; and posting the draft to real networks is still allowed (it fails
    // here only for want of accounts, not as "already posted").
    let store = Store::open(data.path()).await.unwrap();
    let jobs = store.publish_jobs_of_draft(&id).await.unwrap();
    assert_eq!(jobs, [job["id"].as_str().unwrap()]);
    store.close().await;
    let post = ferry(data.path(), &["post", &id, "--json"]);
    let failure: Value = serde_json::from_slice(&post.stderr).unwrap();
    assert_ne!(failure["code"], "outbox.already_published", "{failure}");
}

#[tokio::test]
async fn links_elsewhere_and_unknown_variants_are_refused_naming_the_problem() {
    let data = tempfile::tempdir().unwrap();
    let id = draft(data.path()).await;
    for (args, code, words) in [
        (
            vec!["--url", "https://evil.example/explore/1"],
            "outbox.bad_note_link",
            "not a RedNote link",
        ),
        (
            vec![
                "--url",
                "https://www.xiaohongshu.com/explore/1",
                "--lang",
                "ja",
            ],
            "outbox.no_such_variant",
            "no ja variant",
        ),
    ] {
        let mut all = vec!["rednote", "published", id.as_str()];
        all.extend(args);
        all.push("--json");
        let out = ferry(data.path(), &all);
        assert_eq!(out.status.code(), Some(1));
        let failure: Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(failure["code"], code, "{failure}");
        assert!(
            failure["message"].as_str().unwrap().contains(words),
            "{failure}"
        );
    }
    let store = Store::open(data.path()).await.unwrap();
    assert!(
        store.publish_jobs_of_draft(&id).await.unwrap().is_empty(),
        "nothing recorded"
    );
    store.close().await;
}

#[tokio::test]
async fn the_kit_is_exported_for_the_phone_with_pictures_made_three_by_four() {
    let data = tempfile::tempdir().unwrap();
    let id = draft(data.path()).await;
    let square = data.path().join("square.png");
    image::RgbImage::from_pixel(800, 800, image::Rgb([20, 120, 200]))
        .save(&square)
        .unwrap();
    let store = Store::open(data.path()).await.unwrap();
    store
        .attach_media(&id, &square, Default::default())
        .await
        .unwrap();
    store.close().await;
    let phone = tempfile::tempdir().unwrap();
    let to = phone.path().display().to_string();
    let out = ferry(
        data.path(),
        &[
            "rednote", "export", &id, "--to", &to, "--fit", "pad", "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kit: Value = serde_json::from_slice(&out.stdout).unwrap();
    let folder = std::path::PathBuf::from(kit["folder"].as_str().unwrap());
    assert_eq!(folder, phone.path().join("渡口见面 (RedNote)"));
    assert_eq!(
        kit["files"],
        serde_json::json!(["title.txt", "body.txt", "note.txt", "01.jpg"])
    );
    let picture = image::open(folder.join("01.jpg")).unwrap();
    assert_eq!((picture.width(), picture.height()), (1080, 1440));
    let pad = picture.to_rgb8();
    assert!(
        pad.get_pixel(540, 5).0.iter().all(|&c| c > 230),
        "white bar above the square"
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("body.txt")).unwrap(),
        "清晨六点的渡口，雾还没散。\n"
    );
}

#[tokio::test]
async fn handoff_qr_serves_the_page_once_then_ends() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let data = tempfile::tempdir().unwrap();
    let id = draft(data.path()).await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(["rednote", "handoff", &id, "--qr", "--bind", "127.0.0.1"])
        .args(["--linger", "0", "--json"])
        .env("FERRY_DATA_DIR", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut url = None;
    for line in stderr.lines() {
        let line = line.unwrap();
        let note: Value = serde_json::from_str(&line).unwrap_or_default();
        if let Some(found) = note["url"].as_str() {
            url = Some(found.to_owned());
            break;
        }
    }
    let url = url.expect("the page's address on stderr");
    let page = reqwest::get(&url).await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("渡口见面"));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done["state"], "opened");
    // The command ended, and the page with it.
    assert!(reqwest::get(&url).await.is_err());
}

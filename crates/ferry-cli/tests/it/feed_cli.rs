//! `ferry feed` as a user runs it, against nginx serving the fixture feeds
//! (tests/peers/nginx, started by tests/peers/with-peers as FERRY_TEST_FEEDS). No keychain is
//! involved: feed sources hold no secrets.

use crate::accounts_support::{fail_json, ferry, ok, ok_json};
use ferry_test_support::peers;

#[test]
fn add_refresh_list_search_and_remove() {
    let Some(base) = peers::feeds() else { return };
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let rss = ok_json(data, &["feed", "add", &format!("{base}/rss.rss")], b"");
    let id = rss["id"].as_str().unwrap().to_owned();
    assert_eq!(rss["kind"], "rss");
    assert!(rss["health"].is_null());
    ok_json(data, &["feed", "add", &format!("{base}/feed.json")], b"");

    let reports = ok_json(data, &["feed", "refresh"], b"");
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["health"]["state"], "working");
    assert_eq!(reports[0]["new_items"], 5);
    assert_eq!(reports[1]["new_items"], 2);
    // Not due again yet: nothing fetched. Forced: a 304 that adds nothing.
    assert_eq!(
        ok_json(data, &["feed", "refresh"], b""),
        serde_json::json!([])
    );
    let again = ok_json(data, &["feed", "refresh", &id], b"");
    assert_eq!(again[0]["health"]["state"], "not_modified");
    assert_eq!(again[0]["new_items"], 0);

    let items = ok_json(data, &["feed", "list", "--limit", "3"], b"");
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 3);
    for key in [
        "id",
        "network",
        "source",
        "author",
        "text",
        "html",
        "url",
        "published_at",
        "lang",
    ] {
        assert!(items[0].get(key).is_some(), "{key} missing in {}", items[0]);
    }
    let found = ok_json(data, &["feed", "list", "--search", "日出"], b"");
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["author"]["name"], "小红");
    assert!(!found[0]["html"].as_str().unwrap().contains("script"));

    let prose = ok(data, &["feed", "sources"], b"");
    assert!(
        prose.contains("渡口日报 Ferry Daily") && prose.contains("not_modified"),
        "{prose}"
    );

    let removed = ok_json(data, &["feed", "remove", &id], b"");
    assert_eq!(removed["removed"], true);
    assert_eq!(
        ok_json(data, &["feed", "list"], b"")
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let err = fail_json(data, &["feed", "remove", &id], b"");
    assert_eq!(err["code"], "feed.not_found");
}

#[test]
fn refusals_exit_non_zero_with_codes() {
    let Some(base) = peers::feeds() else { return };
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    for (args, code) in [
        (vec!["feed", "add", "file:///etc/passwd"], "feed.bad_url"),
        (
            vec![
                "feed",
                "add-rsshub",
                "--base",
                "https://hub.example",
                "--douyin",
                "https://v.douyin.com/x/",
            ],
            "feed.bad_profile",
        ),
        (
            vec![
                "feed",
                "add-rsshub",
                "--base",
                "gopher://hub.example",
                "--weibo",
                "1195230310",
            ],
            "feed.bad_url",
        ),
        (vec!["feed", "list", "--limit", "0"], "feed.bad_query"),
        (vec!["feed", "retention", "0"], "feed.bad_retention"),
    ] {
        let err = fail_json(data, &args, b"");
        assert_eq!(err["code"], code, "{args:?}: {err}");
    }
    let hub = ok_json(
        data,
        &[
            "feed",
            "add-rsshub",
            "--base",
            "https://hub.example/",
            "--rednote",
            "https://www.xiaohongshu.com/user/profile/5c8a8a0b000000001003f4a7?xsec_token=x",
        ],
        b"",
    );
    assert_eq!(
        hub["url"],
        "https://hub.example/xiaohongshu/user/5c8a8a0b000000001003f4a7/notes"
    );
    assert_eq!(hub["kind"], "rsshub");
    ok_json(data, &["feed", "remove", hub["id"].as_str().unwrap()], b"");

    // Every source failing is a failure of the command; the reports still go to stdout.
    ok_json(
        data,
        &["feed", "add", &format!("{base}/forbidden.rss")],
        b"",
    );
    ok_json(data, &["feed", "add", &format!("{base}/limited.rss")], b"");
    let out = ferry(data, &["feed", "refresh", "--json"], b"");
    assert_eq!(out.status.code(), Some(1));
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reports[0]["health"]["state"], "blocked");
    assert_eq!(reports[1]["health"]["state"], "rate_limited");
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "feed.all_failed");
    // The health badge stays on the source.
    let sources = ok_json(data, &["feed", "sources"], b"");
    assert_eq!(sources[1]["health"]["state"], "rate_limited");
    assert_eq!(sources[1]["failures"], 1);
}

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
    // The `sources add rss` spelling is the same command.
    let json_feed = ok_json(
        data,
        &[
            "feed",
            "sources",
            "add",
            "rss",
            &format!("{base}/feed.json"),
        ],
        b"",
    );
    assert_eq!(json_feed["kind"], "rss");

    // `sync` is `refresh`.
    let reports = ok_json(data, &["feed", "sync"], b"");
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
    // The next page starts after the last item of this one.
    let last = items[2]["id"].as_i64().unwrap().to_string();
    let next = ok_json(
        data,
        &["feed", "list", "--limit", "3", "--before", &last],
        b"",
    );
    let next = next.as_array().unwrap();
    assert_eq!(next.len(), 3);
    assert!(
        next.iter()
            .all(|n| items.iter().all(|i| i["id"] != n["id"]))
    );
    assert!(next[0]["published_at"].as_str() <= items[2]["published_at"].as_str());
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

    // The feed's author linked as a person with the JSON Feed's: one person, two authors
    // (each feed is one creator); unlinked, none. An unknown person is a coded refusal.
    let all = ok_json(data, &["feed", "list"], b"");
    let from = |source: &str| {
        all.as_array()
            .unwrap()
            .iter()
            .find(|i| i["source"]["id"] == source)
            .map(|i| i["id"].as_i64().unwrap().to_string())
            .unwrap()
    };
    let json_feed = all
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["source"]["id"].as_str().unwrap().to_owned())
        .find(|s| *s != id)
        .unwrap();
    let person = ok_json(
        data,
        &[
            "feed",
            "link",
            &from(&id),
            &from(&json_feed),
            "--name",
            "渡口",
        ],
        b"",
    );
    assert_eq!(person["name"], "渡口");
    assert_eq!(person["authors"].as_array().unwrap().len(), 2, "{person}");
    let people = ok_json(data, &["feed", "people"], b"");
    assert_eq!(people.as_array().unwrap().len(), 1);
    let person_id = person["id"].as_str().unwrap();
    ok_json(data, &["feed", "unlink", person_id], b"");
    assert_eq!(
        ok_json(data, &["feed", "people"], b""),
        serde_json::json!([])
    );
    assert_eq!(
        fail_json(data, &["feed", "unlink", person_id], b"")["code"],
        "feed.no_person"
    );

    let prose = ok(data, &["feed", "sources"], b"");
    assert!(
        prose.contains("渡口日报 Ferry Daily") && prose.contains("not_modified"),
        "{prose}"
    );

    assert_eq!(
        ok_json(data, &["feed", "sources", "list"], b"")
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let removed = ok_json(data, &["feed", "sources", "remove", &id], b"");
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
    // The positional spelling: `sources add rsshub <base-url> <platform> <user>`.
    let weibo = ok_json(
        data,
        &[
            "feed",
            "sources",
            "add",
            "rsshub",
            "https://hub.example/",
            "weibo",
            "https://weibo.com/u/1195230310",
        ],
        b"",
    );
    assert_eq!(weibo["url"], "https://hub.example/weibo/user/1195230310");
    ok_json(
        data,
        &["feed", "remove", weibo["id"].as_str().unwrap()],
        b"",
    );

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

/// A Nostr account added with `ferry accounts add nostr` is a feed source by itself: its
/// follows' notes come from the real relay, filtered by network and language.
#[test]
fn a_nostr_accounts_follows_are_a_source() {
    use nostr::event::FinalizeEvent;
    use nostr::prelude::{EventBuilder, Keys, Kind, Tag};

    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let Some(data) = crate::accounts_support::data_dir("feed-nostr") else {
        return;
    };
    let d = data.path();
    let me = Keys::generate();
    let account = ok_json(
        d,
        &["accounts", "add", "nostr", "--key-stdin", "--relay", &relay],
        format!("{}\n", me.secret_key().to_secret_hex()).as_bytes(),
    );
    let account_id = account["id"].as_str().unwrap().to_owned();
    let friend = Keys::generate();
    let marker = format!("cli{}", std::process::id());
    let events = [
        EventBuilder::new(Kind::TextNote, format!("今晚的渡轮照常开 {marker}"))
            .finalize(&friend)
            .unwrap(),
        EventBuilder::new(Kind::ContactList, "")
            .tags([Tag::parse(["p", &friend.public_key().to_hex()]).unwrap()])
            .finalize(&me)
            .unwrap(),
    ];
    let runtime = tokio::runtime::Runtime::new().unwrap();
    for event in &events {
        let relays = vec![relay.clone()];
        runtime
            .block_on(ferry_networks::nostr::client::publish(
                &relays,
                event,
                std::time::Duration::from_secs(5),
            ))
            .unwrap();
    }

    let sources = ok_json(d, &["feed", "sources"], b"");
    let source = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["account_id"] == account_id.as_str())
        .expect("the account's source");
    assert_eq!(source["kind"], "account");
    assert_eq!(source["network"], "nostr");
    let reports = ok_json(d, &["feed", "refresh"], b"");
    assert_eq!(reports[0]["health"]["state"], "working", "{reports}");

    let zh = ok_json(
        d,
        &["feed", "list", "--network", "nostr", "--lang", "zh"],
        b"",
    );
    let zh = zh.as_array().unwrap();
    assert_eq!(zh.len(), 1, "{zh:?}");
    assert!(zh[0]["text"].as_str().unwrap().contains(&marker));
    assert!(
        zh[0]["author"]["handle"]
            .as_str()
            .unwrap()
            .starts_with("npub1")
    );
    assert_eq!(zh[0]["also_on"], serde_json::json!([]));
    let en = ok_json(
        d,
        &["feed", "list", "--network", "nostr", "--lang", "en"],
        b"",
    );
    assert_eq!(en, serde_json::json!([]));
    let rss = ok_json(d, &["feed", "list", "--network", "rss"], b"");
    assert_eq!(rss, serde_json::json!([]));

    // Liked as the account, then taken back: a kind 7 on the relay, then a kind 5 naming it.
    let item = zh[0]["id"].as_i64().unwrap().to_string();
    let liked = ok_json(d, &["feed", "like", &item], b"");
    assert_eq!(liked["liked"], true, "{liked}");
    let mine = |kinds: &[u16]| {
        runtime.block_on(ferry_networks::nostr::client::query_events(
            std::slice::from_ref(&relay),
            serde_json::json!({"authors": [me.public_key().to_hex()], "kinds": kinds}),
            std::time::Duration::from_secs(5),
        ))
    };
    let reactions = mine(&[7]);
    assert_eq!(reactions.len(), 1, "{reactions:#?}");
    let unliked = ok_json(d, &["feed", "unlike", &item], b"");
    assert_eq!(unliked["liked"], false, "{unliked}");
    let withdrawals = mine(&[5]);
    assert_eq!(withdrawals.len(), 1, "{withdrawals:#?}");
    let names: Vec<String> = withdrawals[0]
        .tags
        .iter()
        .map(|t| t.as_slice().join(" "))
        .collect();
    assert!(
        names.contains(&format!("e {}", reactions[0].id.to_hex())) && names.contains(&"k 7".into()),
        "{names:?}"
    );
    // Nothing left to take back: no second request, no error.
    ok_json(d, &["feed", "unlike", &item], b"");
    assert_eq!(mine(&[5]).len(), 1);

    // Answered from the command line: a draft that replies to the note (started twice, the
    // same draft), which `ferry post` sends as a note tagged with the friend's note and key.
    let answer = format!("我也去 {marker}");
    let reply = ok_json(d, &["feed", "reply", &item, "--text", &answer], b"");
    assert_eq!(
        reply["content"]["replyTo"]["remoteId"], zh[0]["remote_id"],
        "{reply}"
    );
    let draft_id = reply["id"].as_str().unwrap().to_owned();
    let again = ok_json(d, &["feed", "reply", &item], b"");
    assert_eq!(again["id"], draft_id.as_str());
    assert_eq!(again["content"]["variants"][0]["text"], answer.as_str());
    ok(d, &["post", &draft_id], b"");
    let notes = mine(&[1]);
    let sent: Vec<_> = notes.iter().filter(|n| n.content == answer).collect();
    assert_eq!(sent.len(), 1, "{notes:#?}");
    let tags: Vec<String> = sent[0]
        .tags
        .iter()
        .map(|t| t.as_slice().join(" "))
        .collect();
    let note_id = zh[0]["remote_id"].as_str().unwrap();
    let friend_hex = friend.public_key().to_hex();
    assert!(
        tags.contains(&format!("e {note_id}  root {friend_hex}"))
            && tags.contains(&format!("p {friend_hex}")),
        "{tags:?}"
    );
    // Sent, it is no longer the reply in the making: a new reply starts a new draft.
    let fresh = ok_json(d, &["feed", "reply", &item], b"");
    assert_ne!(fresh["id"], draft_id.as_str());

    // It goes with the account, not with `feed remove`.
    let id = source["id"].as_str().unwrap();
    assert_eq!(
        fail_json(d, &["feed", "remove", id], b"")["code"],
        "feed.account_source"
    );
    ok(d, &["accounts", "remove", &account_id], b"");
    assert_eq!(ok_json(d, &["feed", "sources"], b""), serde_json::json!([]));
}

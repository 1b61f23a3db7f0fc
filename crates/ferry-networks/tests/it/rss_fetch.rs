//! The feed client against a real HTTP server: nginx (tests/peers/nginx, started by
//! tests/peers/with-peers) serving the fixture feeds in tests/peers/nginx/feeds, with its own
//! ETag/Last-Modified handling, and locations that answer 429, 503, 403 and 5 MiB.

use ferry_networks::rss::{FeedClient, FeedEntry, MAX_FEED_BYTES, SourceHealth, Validators};
use ferry_test_support::peers;
use url::Url;

fn feed_url(name: &str) -> Option<Url> {
    let base = peers::feeds()?;
    Some(Url::parse(&format!("{base}/{name}")).unwrap())
}

fn by_title<'a>(entries: &'a [FeedEntry], title: &str) -> &'a FeedEntry {
    entries
        .iter()
        .find(|e| e.title.as_deref() == Some(title))
        .unwrap_or_else(|| panic!("no entry titled {title:?} in {entries:#?}"))
}

#[tokio::test]
async fn rss_parses_cjk_emoji_rtl_and_sanitizes_hostile_html() {
    let Some(url) = feed_url("rss.rss") else {
        return;
    };
    let fetched = FeedClient::new()
        .unwrap()
        .fetch(&url, &Validators::default())
        .await
        .unwrap();
    let feed = fetched.feed.expect("a 200 with a feed");
    assert_eq!(feed.title.as_deref(), Some("渡口日报 Ferry Daily"));
    assert_eq!(feed.ttl_minutes, Some(90));
    assert_eq!(feed.entries.len(), 5);
    assert!(fetched.validators.etag.is_some(), "nginx sends an ETag");
    assert!(fetched.validators.last_modified.is_some());

    let sunrise = by_title(&feed.entries, "日出 · 渡口的早晨");
    assert_eq!(sunrise.text, "今天的日出很美。👩‍👩‍👧‍👦 一家人都来了。");
    assert_eq!(sunrise.lang.as_deref(), Some("zh-Hans"));
    assert_eq!(
        sunrise.author.as_deref(),
        Some("小红"),
        "RSS <author>email (Name)</author>"
    );
    assert_eq!(
        sunrise.url.as_deref(),
        Some("https://ferry.example/posts/sunrise")
    );
    assert_eq!(
        sunrise.published_at.unwrap().to_rfc3339(),
        "2026-12-04T22:00:00+00:00"
    );

    let hostile = by_title(&feed.entries, "Hostile markup");
    let html = hostile.html.as_deref().unwrap();
    for bad in [
        "script",
        "onclick",
        "style=",
        "javascript",
        "iframe",
        "img",
        "onerror",
        "svg",
        "onload",
        "form",
        "input",
        "evil.example",
    ] {
        assert!(!html.contains(bad), "{bad:?} survived: {html}");
    }
    assert!(
        html.contains(
            r#"<a href="https://ferry.example/about" rel="noopener noreferrer nofollow">that</a>"#
        ),
        "{html}"
    );
    assert_eq!(hostile.text, "Read this and that.");

    let rtl = by_title(&feed.entries, "مرحبا بالعالم");
    assert_eq!(rtl.text, "مرحبا بالعالم — hello 世界");
    assert!(rtl.html.as_deref().unwrap().contains(r#"dir="rtl""#));

    let link_only = by_title(&feed.entries, "Only a link");
    let bare = by_title(&feed.entries, "Neither GUID nor link");
    assert_eq!(bare.url, None);
    assert_eq!(bare.published_at, None);
    let ids: std::collections::HashSet<_> = feed.entries.iter().map(|e| &e.remote_id).collect();
    assert_eq!(ids.len(), 5, "every entry has its own identity");
    assert_ne!(link_only.remote_id, bare.remote_id);
}

#[tokio::test]
async fn atom_and_json_feed() {
    let Some(atom) = feed_url("atom.atom") else {
        return;
    };
    let client = FeedClient::new().unwrap();
    let feed = client
        .fetch(&atom, &Validators::default())
        .await
        .unwrap()
        .feed
        .unwrap();
    assert_eq!(feed.entries.len(), 2);
    let first = by_title(&feed.entries, "Bold title");
    assert_eq!(first.author.as_deref(), Some("Mei 美"));
    assert_eq!(first.text, "Sunset over the harbour 🏳️‍🌈 渡(dù)");
    assert!(
        first
            .html
            .as_deref()
            .unwrap()
            .contains("<ruby>渡<rp>(</rp><rt>dù</rt><rp>)</rp></ruby>")
    );
    assert!(!first.html.as_deref().unwrap().contains("alert"));
    let second = by_title(&feed.entries, "繁體標題");
    assert_eq!(second.lang.as_deref(), Some("zh-Hant"));
    assert_eq!(second.text, "純文字 <b>不是粗體</b>");
    assert_eq!(
        second.published_at.unwrap().to_rfc3339(),
        "2026-12-03T08:00:00+00:00",
        "updated stands in for a missing published"
    );

    let json = feed_url("feed.json").unwrap();
    let feed = client
        .fetch(&json, &Validators::default())
        .await
        .unwrap()
        .feed
        .unwrap();
    assert_eq!(feed.title.as_deref(), Some("Ferry JSON Feed"));
    let one = by_title(&feed.entries, "JSON 一");
    assert_eq!(one.text, "Hello 世界 🧑‍💻 x");
    // feed-rs 3 reads only the feed's `language` in JSON Feed, not an item's own.
    assert_eq!(one.lang.as_deref(), Some("en"));
    let html = one.html.as_deref().unwrap();
    assert!(
        !html.contains("onmouseover") && !html.contains("object"),
        "{html}"
    );
    let two = feed
        .entries
        .iter()
        .find(|e| e.url.as_deref() == Some("https://ferry.example/json/2"))
        .unwrap();
    assert_eq!(two.text, "Plain text only <not a tag>");
    assert_eq!(two.lang.as_deref(), Some("en"), "the feed's language");
    assert_eq!(two.author.as_deref(), Some("Ferry Team"));
}

#[tokio::test]
async fn gbk_encoded_feed_is_decoded() {
    // Chinese sites still serve GBK with the encoding in the XML declaration, often with a
    // wrong `charset=utf-8` header (nginx adds one here too): the raw bytes go to the parser,
    // which follows the declaration.
    let Some(url) = feed_url("gbk.rss") else {
        return;
    };
    let feed = FeedClient::new()
        .unwrap()
        .fetch(&url, &Validators::default())
        .await
        .unwrap()
        .feed
        .unwrap();
    assert_eq!(feed.title.as_deref(), Some("渡口（GBK 编码）"));
    assert_eq!(feed.entries[0].title.as_deref(), Some("简体中文标题"));
    assert_eq!(feed.entries[0].text, "正文：日出、渡船与晚霞。");
}

#[tokio::test]
async fn second_fetch_with_validators_is_not_modified() {
    let Some(url) = feed_url("rss.rss") else {
        return;
    };
    let client = FeedClient::new().unwrap();
    let first = client.fetch(&url, &Validators::default()).await.unwrap();
    let second = client.fetch(&url, &first.validators).await.unwrap();
    assert!(second.feed.is_none(), "nginx answers 304 to If-None-Match");
    assert_eq!(second.validators, first.validators);
    // Last-Modified alone is enough too.
    let by_date = Validators {
        etag: None,
        last_modified: first.validators.last_modified.clone(),
    };
    assert!(client.fetch(&url, &by_date).await.unwrap().feed.is_none());
    // A stale ETag gets the whole feed again.
    let stale = Validators {
        etag: Some("\"stale\"".into()),
        last_modified: None,
    };
    assert!(client.fetch(&url, &stale).await.unwrap().feed.is_some());
}

#[tokio::test]
async fn failures_become_health_states() {
    let Some(base) = peers::feeds() else { return };
    let client = FeedClient::new().unwrap();
    let fetch = |name: &str| {
        let url = Url::parse(&format!("{base}/{name}")).unwrap();
        let client = client.clone();
        async move {
            client
                .fetch(&url, &Validators::default())
                .await
                .unwrap_err()
        }
    };

    let limited = fetch("limited.rss").await;
    assert_eq!(limited.health(), SourceHealth::RateLimited);
    let wait = limited.retry_at().expect("Retry-After read") - chrono::Utc::now();
    assert!((100..=121).contains(&wait.num_seconds()), "{wait}");

    let unavailable = fetch("unavailable.rss").await;
    assert_eq!(
        unavailable.health(),
        SourceHealth::HttpError { status: 503 }
    );
    assert!(unavailable.retry_at().is_some());

    assert_eq!(fetch("forbidden.rss").await.health(), SourceHealth::Blocked);
    assert_eq!(
        fetch("missing.rss").await.health(),
        SourceHealth::HttpError { status: 404 }
    );
    let html = fetch("not-a-feed.html").await;
    assert_eq!(html.health(), SourceHealth::NotAFeed);
    assert_eq!(html.code(), "feed.not_a_feed");

    let huge = fetch("huge.xml").await;
    assert_eq!(huge.health(), SourceHealth::TooLarge);
    assert!(
        huge.to_string().contains(&MAX_FEED_BYTES.to_string()),
        "{huge}"
    );
}

/// A bare socket for what nginx won't do: it accepts one connection, reads the request,
/// writes `reply` (nothing at all when empty) and holds the connection for 5 s.
async fn bare_server(reply: Vec<u8>) -> Url {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = Url::parse(&format!(
        "http://{}/feed.xml",
        listener.local_addr().unwrap()
    ))
    .unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 2048];
        let _ = socket.read(&mut request).await;
        let _ = socket.write_all(&reply).await;
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    });
    url
}

#[tokio::test]
async fn cap_holds_without_a_content_length() {
    // nginx always sends Content-Length for files; a server that streams with none must be
    // cut off by the read loop.
    let mut reply = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<rss version=\"2.0\"><channel><title>".to_vec();
    reply.extend(vec![b'x'; 64 * 1024]);
    let url = bare_server(reply).await;
    let client = FeedClient::with_limits(std::time::Duration::from_secs(5), 16 * 1024).unwrap();
    let err = client
        .fetch(&url, &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(err.health(), SourceHealth::TooLarge, "{err}");
}

#[tokio::test]
async fn closed_port_is_unreachable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = Url::parse(&format!("http://127.0.0.1:{port}/feed.xml")).unwrap();
    let err = FeedClient::new()
        .unwrap()
        .fetch(&url, &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(err.health(), SourceHealth::Unreachable);
    assert!(err.to_string().contains(&url.to_string()), "{err}");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let url = bare_server(Vec::new()).await;
    let client =
        FeedClient::with_limits(std::time::Duration::from_millis(300), MAX_FEED_BYTES).unwrap();
    let started = std::time::Instant::now();
    let err = client
        .fetch(&url, &Validators::default())
        .await
        .unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(err.health(), SourceHealth::Unreachable);
    assert!(
        err.to_string().contains("no complete answer within 0.3 s"),
        "{err}"
    );
}

#[tokio::test]
async fn a_new_body_without_validators_forgets_the_old_ones() {
    let body = r#"<rss version="2.0"><channel><title>t</title><item><guid>a</guid></item></channel></rss>"#;
    let reply = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let url = bare_server(reply.into_bytes()).await;
    let old = Validators {
        etag: Some("\"old\"".into()),
        last_modified: Some("Mon, 30 Nov 2026 10:00:00 GMT".into()),
    };
    let fetched = FeedClient::new().unwrap().fetch(&url, &old).await.unwrap();
    assert_eq!(fetched.feed.unwrap().entries.len(), 1);
    assert_eq!(fetched.validators, Validators::default());
}

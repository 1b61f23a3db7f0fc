use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use url::Url;

use super::*;

fn now() -> DateTime<Utc> {
    "2026-12-05T12:00:00Z".parse().unwrap()
}

fn server() -> Url {
    "https://ferry.example/".parse().unwrap()
}

fn account(id: &str, acct: &str, display_name: &str, avatar: &str) -> Value {
    let username = acct.split('@').next().unwrap();
    json!({"id": id, "username": username, "acct": acct, "display_name": display_name,
           "avatar": avatar})
}

fn status(id: &str, content: &str, account: Value) -> Value {
    json!({"id": id, "created_at": "2026-12-05T09:00:00.000Z", "visibility": "public",
           "uri": format!("https://ferry.example/users/x/statuses/{id}"),
           "url": format!("https://ferry.example/@x/{id}"),
           "content": content, "account": account, "language": "en"})
}

fn map(value: Value) -> Option<TimelinePost> {
    let status: Status = serde_json::from_value(value).unwrap();
    to_post(status, &server(), &server_domain(&server()), now())
}

fn lin() -> Value {
    account(
        "1",
        "lin",
        "Lin 林",
        "https://ferry.example/avatars/lin.png",
    )
}

#[test]
fn a_boost_is_the_original_post_with_its_booster() {
    let original = status(
        "200",
        "<p>渡轮</p>",
        account("2", "mei@far.example", "", ""),
    );
    let mut wrapper = status("300", "", lin());
    wrapper["reblog"] = original;
    let post = map(wrapper).unwrap();
    assert_eq!(
        post.remote_id, "200",
        "the original's id, not the wrapper's"
    );
    assert_eq!(post.text, "渡轮");
    // A remote author keeps their own domain; an empty display name falls back to the username.
    assert_eq!(post.author.handle.as_deref(), Some("mei@far.example"));
    assert_eq!(post.author.name.as_deref(), Some("mei"));
    let booster = post.boosted_by.unwrap();
    assert_eq!(booster.handle.as_deref(), Some("lin@ferry.example"));
    assert_eq!(booster.name.as_deref(), Some("Lin 林"));
    assert_eq!(post.url.as_deref(), Some("https://ferry.example/@x/200"));
}

#[test]
fn cjk_stays_and_scripts_and_javascript_links_go() {
    let content = r#"<p>你好 <span class="h-card">@<a href="javascript:alert(1)">mei</a></span> こんにちは</p><script>steal()</script><p><a href="https://ferry.example/tags/渡">#渡</a></p>"#;
    let post = map(status("1", content, lin())).unwrap();
    let html = post.html.unwrap();
    assert!(
        !html.contains("script") && !html.contains("steal"),
        "{html}"
    );
    assert!(!html.contains("javascript"), "{html}");
    assert!(
        html.contains("你好") && html.contains("こんにちは"),
        "{html}"
    );
    assert!(
        html.contains(r#"@<a rel="noopener noreferrer nofollow">mei</a>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="https://ferry.example/tags/渡""#),
        "{html}"
    );
    assert_eq!(post.text, "你好 @mei こんにちは\n#渡");
    assert_eq!(post.lang.as_deref(), Some("en"));
}

#[test]
fn only_web_addresses_are_kept() {
    let mut value = status(
        "1",
        "<p>x</p>",
        account("1", "lin", "Lin", "javascript:alert(1)"),
    );
    value["url"] = json!("data:text/html,<b>hi</b>");
    let post = map(value.clone()).unwrap();
    assert_eq!(post.author.avatar_url, None, "a non-http avatar is dropped");
    assert_eq!(
        post.url.as_deref(),
        Some("https://ferry.example/users/x/statuses/1"),
        "falls back to the uri when the url isn't http(s)"
    );
    value["uri"] = json!("tag:ferry.example,2026:objectId=1");
    assert_eq!(map(value).unwrap().url, None);

    let post = map(status("1", "<p>x</p>", lin())).unwrap();
    assert_eq!(
        post.author.avatar_url.as_deref(),
        Some("https://ferry.example/avatars/lin.png")
    );
}

#[test]
fn a_content_warning_stays_in_front() {
    let mut value = status("1", "<p>spoilers</p>", lin());
    value["spoiler_text"] = json!(" <b>film</b> & plot ");
    let post = map(value.clone()).unwrap();
    assert_eq!(post.text, "CW: <b>film</b> & plot\n\nspoilers");
    assert_eq!(
        post.html.as_deref(),
        Some("<p>CW: &lt;b&gt;film&lt;/b&gt; &amp; plot</p><p>spoilers</p>")
    );
    value["content"] = json!("");
    assert_eq!(map(value).unwrap().text, "CW: <b>film</b> & plot");
}

#[test]
fn times_in_the_future_are_clamped_and_unreadable_ones_skipped() {
    let mut value = status("1", "<p>x</p>", lin());
    value["created_at"] = json!("2030-01-01T00:00:00Z");
    assert_eq!(map(value.clone()).unwrap().published_at, now());
    value["created_at"] = json!("2026-12-05T11:00:00+08:00");
    assert_eq!(
        map(value.clone()).unwrap().published_at,
        now() - Duration::hours(9)
    );
    value["created_at"] = json!("yesterday");
    assert_eq!(map(value), None);
}

#[test]
fn replies_name_whom_they_answer() {
    let mut value = status("5", "<p>@mei yes</p>", lin());
    value["in_reply_to_id"] = json!("4");
    value["in_reply_to_account_id"] = json!("2");
    value["mentions"] = json!([{"id": "3", "acct": "bo@far.example"}, {"id": "2", "acct": "mei"}]);
    let reply = map(value.clone()).unwrap().reply_to.unwrap();
    assert_eq!(reply.remote_id, "4");
    assert_eq!(reply.handle.as_deref(), Some("mei@ferry.example"));

    value["in_reply_to_account_id"] = json!("1");
    let thread = map(value.clone()).unwrap().reply_to.unwrap();
    assert_eq!(
        thread.handle.as_deref(),
        Some("lin@ferry.example"),
        "a thread answers its author"
    );

    value["in_reply_to_account_id"] = json!("9");
    assert_eq!(map(value.clone()).unwrap().reply_to.unwrap().handle, None);

    value["in_reply_to_id"] = Value::Null;
    assert_eq!(map(value).unwrap().reply_to, None);
}

#[test]
fn media_keeps_web_addresses_alt_text_and_known_kinds() {
    let mut value = status("1", "", lin());
    value["media_attachments"] = json!([
        {"id": "a", "type": "image", "url": "https://ferry.example/m/a.png", "description": " 一只猫 "},
        {"id": "b", "type": "gifv", "url": null, "remote_url": "https://far.example/b.mp4", "description": ""},
        {"id": "c", "type": "image", "url": "javascript:alert(1)"},
        {"id": "d", "type": "hologram", "url": "http://ferry.example/m/d"},
    ]);
    let media = map(value).unwrap().media;
    let seen: Vec<_> = media
        .iter()
        .map(|m| (m.url.as_str(), m.alt.as_deref(), m.kind.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("https://ferry.example/m/a.png", Some("一只猫"), "image"),
            ("https://far.example/b.mp4", None, "gifv"),
            ("http://ferry.example/m/d", None, "unknown"),
        ]
    );
}

#[test]
fn local_handles_get_the_servers_domain_with_its_port() {
    let local: Url = "http://127.0.0.1:4000/".parse().unwrap();
    assert_eq!(server_domain(&local), "127.0.0.1:4000");
    assert_eq!(server_domain(&server()), "ferry.example");
    assert_eq!(full_handle("@lin", "ferry.example"), "lin@ferry.example");
    assert_eq!(
        full_handle("lin@far.example", "ferry.example"),
        "lin@far.example"
    );
}

#[test]
fn only_verified_links_to_a_bare_domain_prove_a_domain() {
    let mut author = lin();
    author["fields"] = json!([
        {"name": "Site", "value": "<a href=\"https://www.Lin.Example/\" rel=\"me nofollow noopener noreferrer\" target=\"_blank\"><span class=\"invisible\">https://www.</span>lin.example</a>", "verified_at": "2026-11-01T00:00:00.000+00:00"},
        {"name": "GitHub", "value": "<a href=\"https://github.com/lin\" rel=\"me\">github.com/lin</a>", "verified_at": "2026-11-01T00:00:00.000+00:00"},
        {"name": "Blog", "value": "<a href=\"https://blog.example\" rel=\"me\">blog.example</a>", "verified_at": null},
        {"name": "渡口", "value": "不是链接"}
    ]);
    let post = map(status("1", "<p>hi</p>", author)).unwrap();
    assert_eq!(
        post.author.verified_domains,
        ["lin.example"],
        "a path (github.com/lin) or no verification (blog.example) proves nothing"
    );
}

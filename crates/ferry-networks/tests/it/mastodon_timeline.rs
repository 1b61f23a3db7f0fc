//! The home timeline against mastodon-mock (tests/peers/with-peers): Link paging past one
//! page, newest first; the cursor bringing only what is newer; a cap that leaves a gap; a dead
//! token. The mapping of boosts, HTML and media is tested on recorded statuses in
//! src/mastodon/client/timeline_map_tests.rs.

use ferry_networks::http::ClientError;
use ferry_networks::mastodon::client::{MastodonServer, NewStatus, Visibility};
use ferry_networks::timeline::TimelineRequest;
use ferry_test_support::peers;

fn request(since: Option<String>, max_posts: usize) -> TimelineRequest {
    TimelineRequest {
        since,
        max_posts,
        resume: None,
    }
}

#[tokio::test]
async fn home_timeline_pages_back_to_the_cursor_and_no_further() {
    let Some(base) = peers::mastodon() else {
        return;
    };
    let server = MastodonServer::new(&base).unwrap();
    // The seeded user's token (tests/peers/mastodon/start.sh).
    let client = server.client("mock_token".into());
    // Where the timeline stands now (other tests post as the same user; on a fresh server it
    // would be empty, and a refresh without a cursor promises nothing older).
    let marker = format!("tl{}", std::process::id());
    let before = NewStatus {
        text: format!("before {marker}"),
        ..Default::default()
    };
    client
        .publish_status(&before, &format!("{marker}-before"))
        .await
        .unwrap();
    let start = client.home_timeline(&request(None, 1)).await.unwrap();
    assert!(
        start.reached_since,
        "a first refresh promises nothing older"
    );
    let cursor = start.cursor.clone();
    assert!(cursor.is_some());

    // 45 new statuses: more than one page (Mastodon's pages hold at most 40).
    let mut posted = Vec::new();
    for n in 0..45 {
        let status = NewStatus {
            text: format!("渡轮 {n} {marker}"),
            language: Some("zh".into()),
            visibility: Visibility::Public,
            ..Default::default()
        };
        posted.push(
            client
                .publish_status(&status, &format!("{marker}-{n}"))
                .await
                .unwrap()
                .id,
        );
    }
    posted.reverse(); // newest first

    let all = client
        .home_timeline(&request(cursor.clone(), 200))
        .await
        .unwrap();
    let ids: Vec<&str> = all.posts.iter().map(|p| p.remote_id.as_str()).collect();
    assert_eq!(
        ids, posted,
        "every new status once, newest first, nothing older"
    );
    assert!(all.reached_since);
    assert_eq!(all.cursor.as_deref(), Some(posted[0].as_str()));
    let first = &all.posts[0];
    assert_eq!(first.text, format!("渡轮 44 {marker}"));
    assert_eq!(first.lang.as_deref(), Some("zh"));
    assert!(
        first.author.handle.as_deref().unwrap().contains('@'),
        "{:?}",
        first.author
    );
    assert!(first.url.as_deref().unwrap().starts_with("http"));

    // Nothing new since: nothing, and the cursor stays.
    let none = client
        .home_timeline(&request(all.cursor.clone(), 200))
        .await
        .unwrap();
    assert!(none.posts.is_empty());
    assert!(none.reached_since);
    assert_eq!(none.cursor, all.cursor);

    // A cap below what is new: the newest ones, and a gap is admitted.
    let capped = client
        .home_timeline(&request(cursor.clone(), 30))
        .await
        .unwrap();
    let capped_ids: Vec<&str> = capped.posts.iter().map(|p| p.remote_id.as_str()).collect();
    assert_eq!(capped_ids, posted[..30]);
    assert!(!capped.reached_since);
    assert_eq!(capped.resume.as_deref(), Some(posted[29].as_str()));

    // Loading that gap, ten at a time: from where the cap cut, down to the cursor, once each.
    let mut resume = capped.resume;
    let mut loaded: Vec<String> = Vec::new();
    for _ in 0..3 {
        let part = client
            .home_timeline(&TimelineRequest {
                since: cursor.clone(),
                max_posts: 10,
                resume: resume.clone(),
            })
            .await
            .unwrap();
        loaded.extend(part.posts.iter().map(|p| p.remote_id.clone()));
        if part.reached_since {
            assert_eq!(part.resume, None);
            break;
        }
        resume = part.resume;
    }
    assert_eq!(
        loaded,
        posted[30..],
        "the fifteen the cap left, and no more"
    );
}

#[tokio::test]
async fn a_dead_token_is_a_sign_in_error() {
    let Some(base) = peers::mastodon() else {
        return;
    };
    let client = MastodonServer::new(&base)
        .unwrap()
        .client("not-a-token".into());
    let err = client.home_timeline(&request(None, 10)).await.unwrap_err();
    assert!(matches!(err, ClientError::Auth { .. }), "{err:?}");
    assert!(
        !format!("{err:?}").contains("not-a-token"),
        "the token never shows"
    );
}

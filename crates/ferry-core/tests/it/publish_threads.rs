//! Threads through the FAKE Threads API (`ferry_test_support::threads_graph_api`, written from
//! Meta's Threads API documentation — no real one runs here) and, for pictures, the real S3
//! media host (moto): adding reads the token's owner and allowance; a post is a container
//! published once, a long one a chain of replies, pictures an image or a carousel that Meta
//! fetched from the host; an answer lost at any request of a post ends in exactly one post;
//! a spent quota or a dead token says so, on that target only.

use std::collections::BTreeMap;

use crate::publish_support::*;
use ferry_core::accounts::{Account, AccountState, Accounts, AddThreads};
use ferry_core::outbox::{Publisher, TargetState};
use ferry_test_support::threads_graph_api::{FakeThreadsApi, GOOD_TOKEN, USER_ID};
use ferry_test_support::{Fault, FaultProxy, peers};

async fn add(accounts: &Accounts, api: &str) -> Result<Account, String> {
    accounts
        .add_threads(AddThreads {
            token: GOOD_TOKEN.into(),
            api_url: Some(api.into()),
            audience: langs(&["en"]),
        })
        .await
        .map(|added| added.account)
        .map_err(|e| format!("{} {e}", e.code()))
}

#[tokio::test]
async fn adding_reads_the_owner_and_keeps_the_token_out_of_the_database() {
    let Some(env) = env("threads-add").await else {
        return;
    };
    let api = FakeThreadsApi::start().await;
    api.set_quota_usage(3);
    let added = env
        .accounts
        .add_threads(AddThreads {
            token: format!("  {GOOD_TOKEN}\n"),
            api_url: Some(api.base.clone()),
            audience: vec![],
        })
        .await
        .unwrap();
    assert_eq!(added.account.handle, "@ferry_writer");
    assert_eq!(added.account.remote_id, USER_ID);
    assert!(
        added.warnings.iter().any(|w| w.contains("3 of 250 posts")),
        "{:?}",
        added.warnings
    );
    // Adding it again updates the same account.
    assert_eq!(
        add(&env.accounts, &api.base).await.unwrap().id,
        added.account.id
    );

    let pasted_id = env
        .accounts
        .add_threads(AddThreads {
            token: USER_ID.into(),
            api_url: Some(api.base.clone()),
            audience: vec![],
        })
        .await
        .unwrap_err()
        .to_string();
    assert!(
        pasted_id.contains("not a Threads access token"),
        "{pasted_id}"
    );
    api.revoke_tokens();
    let revoked = add(&env.accounts, &api.base).await.unwrap_err();
    assert!(
        revoked.starts_with("net.auth") && revoked.contains("long-lived token"),
        "{revoked}"
    );
    assert!(!revoked.contains(GOOD_TOKEN));
    assert_eq!(env.accounts.list().await.unwrap().len(), 1);
    let db = std::fs::read(env.dir.path().join("ferry.db")).unwrap_or_default();
    assert!(!String::from_utf8_lossy(&db).contains(GOOD_TOKEN));
    env.cleanup().await;
}

#[tokio::test]
async fn a_post_is_published_once_and_a_long_one_as_a_chain_of_replies() {
    let Some(env) = env("threads-post").await else {
        return;
    };
    let api = FakeThreadsApi::start().await;
    let account = add(&env.accounts, &api.base).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let text = "See you at the ferry 渡口见 👩‍👩‍👧 #渡";
    let draft = env.draft(&[("en", text)], &[&account]).await;
    let job = post_with(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    let posts = api.posts();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].text, text);
    assert_eq!(posts[0].media_type, "TEXT");
    assert_eq!(
        job.targets[0].remote_url.as_deref(),
        Some(posts[0].permalink.as_str())
    );

    // 3 × 300 characters: over Threads' 500, so a chain, each answering the one before.
    let long = "The ferry leaves at six; the fog has not lifted yet. ".repeat(17);
    let draft = env.draft(&[("en", &long)], &[&account]).await;
    let job = post_with(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    let chain = &api.posts()[1..];
    assert_eq!(chain.len(), job.targets[0].parts as usize);
    assert!(chain.len() >= 2, "{}", chain.len());
    assert_eq!(chain[0].reply_to, None);
    for pair in chain.windows(2) {
        assert_eq!(pair[1].reply_to.as_deref(), Some(pair[0].id.as_str()));
    }
    env.cleanup().await;
}

#[tokio::test]
async fn an_answer_lost_at_any_request_ends_in_exactly_one_post() {
    let Some(env) = env("threads-faults").await else {
        return;
    };
    let api = FakeThreadsApi::start().await;
    let proxy = FaultProxy::start(&api.base).await.unwrap();
    let account = add(&env.accounts, &proxy.http_url()).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    // A text post is five requests: the container, its status, the quota, the publish, the
    // post's link. The answer to each is lost in turn (the request itself went through).
    for lost in 0..5 {
        for _ in 0..lost {
            proxy.push(Fault::Forward);
        }
        proxy.push(Fault::DropAfterForward);
        let text = format!("lost answer at request {lost} 丢失");
        let draft = env.draft(&[("en", &text)], &[&account]).await;
        let job = post_with(&publisher, &draft.id).await;
        assert!(job.all_posted(), "request {lost}: {job:#?}");
        let posts = api.posts();
        assert_eq!(
            posts.len(),
            lost + 1,
            "request {lost}: one post each, none twice"
        );
        assert_eq!(posts[lost].text, text);
        assert_eq!(
            job.targets[0].remote_id.as_deref(),
            Some(posts[lost].id.as_str()),
            "request {lost}: the post found is the one published"
        );
    }
    // The fake's own failure after publishing (a 500 page): unknown, checked, found.
    api.fail_after_next_publish();
    let draft = env
        .draft(&[("en", "a 500 after the write")], &[&account])
        .await;
    assert!(post_with(&publisher, &draft.id).await.all_posted());
    assert_eq!(api.posts().len(), 6);
    env.cleanup().await;
}

#[tokio::test]
async fn a_spent_quota_or_a_dead_token_stops_that_target_only() {
    let Some(env) = env("threads-limits").await else {
        return;
    };
    let api = FakeThreadsApi::start().await;
    let account = add(&env.accounts, &api.base).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    api.set_quota_usage(250);
    let draft = env.draft(&[("en", "over the quota")], &[&account]).await;
    let job = post_with(&publisher, &draft.id).await;
    let target = &job.targets[0];
    assert_eq!(target.state, TargetState::Failed);
    let error = target.error.as_ref().unwrap();
    assert_eq!(error.code, "outbox.threads_quota");
    assert!(error.message.contains("250 posts"), "{}", error.message);
    assert!(api.posts().is_empty());

    // Meta said "not before an hour": this publisher holds the account's posts back until
    // then; a new one (the app started again) tries at once.
    api.set_quota_usage(0);
    api.revoke_tokens();
    drop(publisher);
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let job = publisher
        .retry_draft(&draft.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    let error = job.targets[0].error.as_ref().unwrap();
    assert_eq!(job.targets[0].state, TargetState::Failed);
    assert!(
        error.message.contains("long-lived token"),
        "{}",
        error.message
    );
    let account = env.accounts.store().account(&account.id).await.unwrap();
    assert_eq!(account.state, AccountState::NeedsReauth);
    assert!(api.posts().is_empty());
    env.cleanup().await;
}

#[tokio::test]
async fn pictures_are_fetched_by_threads_from_the_media_host() {
    let Some(s3) = peers::s3() else {
        return;
    };
    let Some(env) = env("threads-pictures").await else {
        return;
    };
    let api = FakeThreadsApi::start().await;
    api.set_polls_until_finished(2);
    let account = add(&env.accounts, &api.base).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let store = env.accounts.store();
    let dir = tempfile::tempdir().unwrap();
    let mut pictures = Vec::new();
    for (i, colour) in [[200u8, 40, 40], [40, 200, 40], [40, 40, 200]]
        .iter()
        .enumerate()
    {
        let path = dir.path().join(format!("p{i}.png"));
        image::RgbImage::from_pixel(400, 500, image::Rgb(*colour))
            .save(&path)
            .unwrap();
        pictures.push(path);
    }
    let draft = env.draft(&[("en", "one picture 一张")], &[&account]).await;
    let alt = BTreeMap::from([(langs(&["en"]).remove(0), "a red square 红色".to_owned())]);
    store
        .attach_media(&draft.id, &pictures[0], alt)
        .await
        .unwrap();

    // Without a media host: refused on this target, saying what to set up.
    let job = post_with(&publisher, &draft.id).await;
    let error = job.targets[0].error.as_ref().unwrap();
    assert_eq!(error.code, "outbox.media_unsupported");
    assert!(error.message.contains("Media host"), "{}", error.message);

    env.accounts
        .add_s3_media_host(s3_media_host(
            &s3,
            &format!("{s3}/{}", peers::S3_BUCKET),
            false,
        ))
        .await
        .unwrap();
    let job = publisher
        .retry_draft(&draft.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(job.all_posted(), "{job:#?}");
    let posts = api.posts();
    assert_eq!(posts[0].media_type, "IMAGE");
    assert_eq!(posts[0].images.len(), 1);
    let image = &posts[0].images[0];
    assert_eq!(image.alt_text.as_deref(), Some("a red square 红色"));
    let fetched = image::load_from_memory(&image.bytes).unwrap().to_rgb8();
    assert_eq!(fetched.dimensions(), (400, 500));
    assert_eq!(fetched.get_pixel(10, 10), &image::Rgb([200, 40, 40]));
    assert!(
        api.status_reads() >= 2,
        "Ferry waited until Threads finished"
    );

    let draft = env
        .draft(&[("en", "three pictures 三张")], &[&account])
        .await;
    for path in &pictures {
        store
            .attach_media(&draft.id, path, BTreeMap::new())
            .await
            .unwrap();
    }
    let job = post_with(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    let carousel = &api.posts()[1];
    assert_eq!(carousel.media_type, "CAROUSEL");
    let colours: Vec<_> = carousel
        .images
        .iter()
        .map(|i| {
            *image::load_from_memory(&i.bytes)
                .unwrap()
                .to_rgb8()
                .get_pixel(1, 1)
        })
        .collect();
    assert_eq!(
        colours,
        vec![
            image::Rgb([200, 40, 40]),
            image::Rgb([40, 200, 40]),
            image::Rgb([40, 40, 200])
        ],
        "in the draft's order"
    );
    env.cleanup().await;
}

#[tokio::test]
async fn a_token_a_day_old_is_renewed_before_use_and_the_new_one_kept() {
    use sqlx::{Connection, SqliteConnection};
    let Some(env) = env("threads-renew").await else {
        return;
    };
    let api = FakeThreadsApi::start().await;
    let account = add(&env.accounts, &api.base).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let draft = env.draft(&[("en", "fresh token")], &[&account]).await;
    assert!(post_with(&publisher, &draft.id).await.all_posted());
    assert!(
        api.tokens_issued().is_empty(),
        "a token added today is not renewed"
    );

    let url = format!("sqlite://{}", env.accounts.store().db_path().display());
    let mut db = SqliteConnection::connect(&url).await.unwrap();
    let day_ago = (chrono::Utc::now() - chrono::Duration::hours(25)).to_rfc3339();
    sqlx::query("UPDATE accounts SET token_renewed_at = ? WHERE id = ?")
        .bind(&day_ago)
        .bind(&account.id)
        .execute(&mut db)
        .await
        .unwrap();
    let draft = env.draft(&[("en", "renewed token")], &[&account]).await;
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    assert!(post_with(&publisher, &draft.id).await.all_posted());
    let issued = api.tokens_issued();
    assert_eq!(issued.len(), 1, "renewed once, not per request");
    let (expires, renewed): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT token_expires_at, token_renewed_at FROM accounts WHERE id = ?")
            .bind(&account.id)
            .fetch_one(&mut db)
            .await
            .unwrap();
    let expires = chrono::DateTime::parse_from_rfc3339(&expires.unwrap()).unwrap();
    let days = (expires.to_utc() - chrono::Utc::now()).num_days();
    assert!((58..=60).contains(&days), "{days}");
    assert_ne!(renewed.unwrap(), day_ago);
    db.close().await.unwrap();
    // The new token is the one kept: it works once the first is gone.
    api.revoke_tokens_except(&issued[0]);
    let draft = env
        .draft(&[("en", "with the new token")], &[&account])
        .await;
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    assert!(post_with(&publisher, &draft.id).await.all_posted());
    assert!(
        !String::from_utf8_lossy(&std::fs::read(env.accounts.store().db_path()).unwrap())
            .contains(&issued[0])
    );
    env.cleanup().await;
}

//! Deleting pictures from the media host once no post needs them, on the real S3 host (moto)
//! with the FAKE Threads API (`ferry_test_support::threads_graph_api`, from Meta's
//! documentation) and a real Nostr relay: with the setting on, a picture Threads copied is
//! gone from the bucket after the post; the same kind of picture also linked by a Nostr note
//! stays, however the posts end, and so does one an older note links (made before uses were
//! recorded); with the setting off, nothing is deleted.

use std::collections::BTreeMap;

use crate::publish_support::*;
use ferry_core::accounts::{Account, Accounts, AddThreads};
use ferry_core::outbox::Publisher;
use ferry_test_support::peers;
use ferry_test_support::threads_graph_api::{FakeThreadsApi, GOOD_TOKEN};
use sqlx::{Connection, SqliteConnection};

async fn add_threads(accounts: &Accounts, api: &str) -> Account {
    accounts
        .add_threads(AddThreads {
            token: GOOD_TOKEN.into(),
            api_url: Some(api.into()),
            audience: langs(&["en"]),
        })
        .await
        .unwrap()
        .account
}

/// The HTTP status the bucket's public address answers for `url`.
async fn served(url: &str) -> u16 {
    reqwest::get(url).await.unwrap().status().as_u16()
}

#[tokio::test]
async fn pictures_go_once_no_post_needs_them_and_never_while_a_note_links_them() {
    let (Some(relay), Some(s3)) = (peers::nostr_relay(), peers::s3()) else {
        return;
    };
    let Some(env) = env("media-sweep").await else {
        return;
    };
    let api = FakeThreadsApi::start().await;
    let threads = add_threads(&env.accounts, &api.base).await;
    let nostr = add_nostr(&env.accounts, &relay, &[]).await;
    env.accounts
        .add_s3_media_host(s3_media_host(
            &s3,
            &format!("{s3}/{}", peers::S3_BUCKET),
            true,
        ))
        .await
        .unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let store = env.accounts.store();
    let dir = tempfile::tempdir().unwrap();
    let picture = |name: &str, colour: [u8; 3]| {
        let path = dir.path().join(name);
        image::RgbImage::from_pixel(320, 240, image::Rgb(colour))
            .save(&path)
            .unwrap();
        path
    };

    // Threads only: Threads fetched the picture, then it was deleted.
    let draft = env.draft(&[("en", "copied 复制")], &[&threads]).await;
    let red = picture("red.png", [220, 30, 30]);
    store
        .attach_media(&draft.id, &red, BTreeMap::new())
        .await
        .unwrap();
    let job = post_with(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    let copied = api.posts()[0].images[0].clone();
    assert!(copied.byte_len > 0, "Threads fetched the picture");
    assert_eq!(served(&copied.url).await, 404, "deleted after the post");

    // Threads and a Nostr note with one picture (one object, named by its content): the note
    // links it for good, so it stays.
    let tag = marker("sweep");
    let draft = env
        .draft(
            &[("en", &format!("linked 链接 {tag}"))],
            &[&threads, &nostr],
        )
        .await;
    let blue = picture("blue.png", [30, 30, 220]);
    store
        .attach_media(&draft.id, &blue, BTreeMap::new())
        .await
        .unwrap();
    let job = post_with(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    let shared = api.posts()[1].images[0].url.clone();
    assert_eq!(served(&shared).await, 200, "kept: a note links it");
    let note = nostr_notes(&relay, &nostr.remote_id).await;
    let note = note.iter().find(|e| e.content.contains(&tag)).unwrap();
    assert!(
        note.content.contains(&shared),
        "the note links the same object"
    );

    // A note made before uses were recorded (its use rows gone, as in a data folder from
    // then): a Threads post of the same picture still leaves it, its signed event names it.
    let tag = marker("sweep-old");
    let draft = env
        .draft(&[("en", &format!("older note {tag}"))], &[&nostr])
        .await;
    let yellow = picture("yellow.png", [220, 220, 30]);
    store
        .attach_media(&draft.id, &yellow, BTreeMap::new())
        .await
        .unwrap();
    assert!(post_with(&publisher, &draft.id).await.all_posted());
    let url = format!("sqlite://{}", store.db_path().display());
    let mut db = SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("DELETE FROM media_host_uses")
        .execute(&mut db)
        .await
        .unwrap();
    let draft = env
        .draft(&[("en", "same picture 同一张")], &[&threads])
        .await;
    store
        .attach_media(&draft.id, &yellow, BTreeMap::new())
        .await
        .unwrap();
    assert!(post_with(&publisher, &draft.id).await.all_posted());
    let older = api.posts()[2].images[0].url.clone();
    let notes = nostr_notes(&relay, &nostr.remote_id).await;
    assert!(
        notes
            .iter()
            .any(|e| e.content.contains(&tag) && e.content.contains(&older))
    );
    assert_eq!(served(&older).await, 200, "kept: an older note links it");

    // The setting off: a Threads picture is kept.
    let host = env
        .accounts
        .set_media_host_delete_after_post(false)
        .await
        .unwrap()
        .unwrap();
    assert!(!host.delete_after_post);
    let draft = env.draft(&[("en", "kept 保留")], &[&threads]).await;
    let green = picture("green.png", [30, 220, 30]);
    store
        .attach_media(&draft.id, &green, BTreeMap::new())
        .await
        .unwrap();
    let job = post_with(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    assert_eq!(served(&api.posts()[3].images[0].url).await, 200);
    env.cleanup().await;
}

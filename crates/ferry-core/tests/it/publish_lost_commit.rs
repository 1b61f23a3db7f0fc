//! Commits lost after the send: the data folder's database is put back as it was before the
//! commits that preceded a Nostr note going out (the one that stored the signed event is
//! written with `synchronous=FULL`, but a disk that acknowledges a flush it has not done can
//! still lose it), and the job is sent again. The note must not be signed into a second,
//! different event: the relay holds one note, and Ferry records the same id.

use std::path::Path;
use std::time::Duration;

use crate::publish_support::*;
use ferry_core::Store;
use ferry_core::accounts::Accounts;
use ferry_core::outbox::{Publisher, TargetState};
use ferry_core::secrets::{KeychainStore, Secrets};
use ferry_test_support::peers;
use sqlx::{Connection, SqliteConnection};

#[tokio::test]
async fn a_commit_lost_after_a_nostr_note_went_out_never_signs_a_second_note() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let Some(env) = env("lost-commit").await else {
        return;
    };
    let nostr = add_nostr(&env.accounts, &relay, &["zh-Hans", "en"]).await;
    let tag = marker("lost");
    let draft = env
        .draft(
            &[
                ("zh-Hans", &format!("渡口的灯还亮着 🏮 {tag}")),
                ("en", &format!("The ferry light is still on 🏮 {tag}")),
            ],
            &[&nostr],
        )
        .await;

    // With the key away, the job is written and its note neither signed nor sent: the state
    // the database is put back to below.
    let sign_in_again = take_nostr_key(&nostr).await;
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let held = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert_ne!(held.targets[0].state, TargetState::Posted);
    let before_send = env.dir.path().join("before-send.db");
    snapshot(env.accounts.store().db_path(), &before_send).await;

    // Signed in again with the same key (as `ferry accounts add nostr` does): signed,
    // committed, sent.
    env.accounts.add_nostr(sign_in_again.clone()).await.unwrap();
    let sent = publisher
        .retry_failed(&held.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(sent.all_posted(), "{sent:?}");
    // One note per variant (the account's audience is both languages).
    let ids = |status: &ferry_core::outbox::JobStatus| {
        let mut ids: Vec<String> = status
            .targets
            .iter()
            .map(|t| t.remote_id.clone().unwrap())
            .collect();
        ids.sort();
        ids
    };
    let first_ids = ids(&sent);
    assert_eq!(first_ids.len(), 2);
    drop(publisher);

    // The commit that stored the signed event is lost: the file as it was before it.
    env.accounts.store().close().await;
    restore(env.accounts.store().db_path(), &before_send);
    // A later second than the first signing, so a note signed from the clock would differ.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let store = Store::open(env.dir.path()).await.unwrap();
    let accounts = Accounts::new(store, Secrets::new(KeychainStore::open().unwrap()))
        .with_timeout(Duration::from_secs(10));
    // The restored file predates the sign-in too (the account still asks for its key).
    accounts.add_nostr(sign_in_again).await.unwrap();
    let publisher = Publisher::new(accounts.clone(), fast_config());
    let again = publisher
        .retry_failed(&held.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(again.all_posted(), "{again:?}");
    assert_eq!(ids(&again), first_ids, "the same events");

    let mut notes: Vec<String> = nostr_notes(&relay, &nostr.remote_id)
        .await
        .into_iter()
        .filter(|note| note.content.contains(&tag))
        .map(|note| note.id.to_hex())
        .collect();
    notes.sort();
    assert_eq!(
        notes, first_ids,
        "one note per variant on the relay, those Ferry recorded"
    );
    drop(publisher);
    Env {
        dir: env.dir,
        accounts,
    }
    .cleanup()
    .await;
}

/// A consistent copy of the live database, as SQLite itself writes one.
async fn snapshot(db: &Path, to: &Path) {
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    sqlx::query("VACUUM INTO ?")
        .bind(to.display().to_string())
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
}

/// The closed database replaced by the copy, with no write-ahead log left to replay over it.
fn restore(db: &Path, from: &Path) {
    std::fs::copy(from, db).unwrap();
    for suffix in ["-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => panic!("{}: {e}", Path::new(&side).display()),
        }
    }
}

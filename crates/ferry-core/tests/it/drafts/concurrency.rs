//! The app and the CLI open the same database: a save based on an old revision is refused
//! (never silently overwriting), and a writer waits for another's lock, or says it's locked.

use std::time::Duration;

use ferry_core::{Store, StoreError, StoreOptions};

use super::support::{TempStore, edit_of, edit_text, new_draft, raw_connection};

#[tokio::test]
async fn stale_base_revision_is_a_conflict_not_a_loss() {
    let app = TempStore::new().await;
    let cli = Store::open(app.path()).await.unwrap();
    let draft = app.create_draft(new_draft(&[("en", "v1")])).await.unwrap();

    // The CLI edits first…
    let by_cli = cli.get_draft(&draft.id).await.unwrap();
    cli.save_draft(edit_text(&by_cli, &[("en", "from the CLI")]))
        .await
        .unwrap();
    // …then the app autosaves on top of the revision it loaded.
    let err = app
        .save_draft(edit_text(&draft, &[("en", "from the app")]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "draft.conflict");
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                base: 1,
                head: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains(&draft.id));
    let stored = app.get_draft(&draft.id).await.unwrap();
    assert_eq!(stored.content.variants[0].text, "from the CLI");

    // A stale autosave that changes nothing is harmless.
    let noop = app.save_draft(edit_of(&stored)).await.unwrap();
    assert!(noop.revision.is_none());
}

#[tokio::test]
async fn held_write_lock_gives_db_locked_with_the_path() {
    let app = TempStore::new().await;
    let draft = app.create_draft(new_draft(&[("en", "v1")])).await.unwrap();
    let impatient = Store::open_with(
        app.path(),
        StoreOptions {
            busy_timeout: Duration::from_millis(200),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let mut other = raw_connection(app.db_path()).await;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();

    let err = impatient
        .save_draft(edit_text(&draft, &[("en", "v2")]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "db.locked", "{err}");
    assert!(
        err.to_string()
            .contains(&app.db_path().display().to_string())
    );
    // Reads still work under WAL while another program writes.
    assert_eq!(impatient.get_draft(&draft.id).await.unwrap().revision, 1);

    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    let saved = impatient
        .save_draft(edit_text(&draft, &[("en", "v2")]))
        .await
        .unwrap();
    assert_eq!(saved.draft.revision, 2);
}

#[tokio::test]
async fn a_writer_waits_for_a_short_lock() {
    let app = TempStore::new().await;
    let draft = app.create_draft(new_draft(&[("en", "v1")])).await.unwrap();
    let mut other = raw_connection(app.db_path()).await;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    let release = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        sqlx::query("COMMIT").execute(&mut other).await.unwrap();
    });
    let saved = app
        .save_draft(edit_text(&draft, &[("en", "v2")]))
        .await
        .unwrap();
    assert_eq!(saved.draft.revision, 2);
    release.await.unwrap();
}

#[tokio::test]
async fn parallel_autosaves_from_two_stores_never_lose_one_silently() {
    let app = TempStore::new().await;
    let cli = Store::open(app.path()).await.unwrap();
    let draft = app.create_draft(new_draft(&[("en", "v1")])).await.unwrap();
    let a = app.save_draft(edit_text(&draft, &[("en", "app")]));
    let b = cli.save_draft(edit_text(&draft, &[("en", "cli")]));
    let (a, b) = tokio::join!(a, b);
    // Exactly one wins; the other is told.
    let results = [a.is_ok(), b.is_ok()];
    assert_eq!(results.iter().filter(|ok| **ok).count(), 1, "{a:?} {b:?}");
    let loser = a.err().or(b.err()).unwrap();
    assert_eq!(loser.code(), "draft.conflict");
    assert_eq!(app.history(&draft.id).await.unwrap().len(), 2);
}

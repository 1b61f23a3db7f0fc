//! Opening: migrations from empty, reopening, and the file marked as Ferry's.

use ferry_core::Store;

use super::support::{TempStore, new_draft, raw_connection};

#[tokio::test]
async fn migrates_an_empty_folder_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested/ferry data 渡");
    let store = Store::open(&data).await.unwrap();
    assert_eq!(store.data_dir(), data);
    assert!(store.db_path().starts_with(&data));
    let draft = store
        .create_draft(new_draft(&[("en", "kept")]))
        .await
        .unwrap();
    store.close().await;

    let again = Store::open(&data).await.unwrap();
    assert_eq!(
        again.get_draft(&draft.id).await.unwrap().content,
        draft.content
    );
}

#[tokio::test]
async fn database_is_wal_with_foreign_keys_and_marked_as_ferry() {
    let store = TempStore::new().await;
    let mut conn = raw_connection(store.db_path()).await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let app_id: i64 = sqlx::query_scalar("PRAGMA application_id")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(app_id, 0x4645_5259);
    // FTS5 with the trigram tokenizer is compiled into the bundled SQLite.
    let fts: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_schema WHERE name = 'draft_search' AND sql LIKE '%trigram%'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(fts, 1);
}

#[tokio::test]
async fn foreign_keys_are_enforced_on_store_connections() {
    let store = TempStore::new().await;
    let draft = store.create_draft(new_draft(&[("en", "x")])).await.unwrap();
    store.delete_draft(&draft.id).await.unwrap();
    // Deleting cascaded to the revisions (only with foreign keys on).
    let mut conn = raw_connection(store.db_path()).await;
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM revisions")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

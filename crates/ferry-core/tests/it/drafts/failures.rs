//! A database Ferry cannot use is reported with the path and what to do, and never deleted
//! or overwritten; `start_fresh` is the only way it is moved aside.

use std::path::Path;

use super::support::{new_draft, raw_sql};
use ferry_core::{Store, StoreError};
use sha2::{Digest, Sha256};

fn digest(path: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(path).unwrap()))
}

/// A folder whose `ferry.db` holds `bytes`.
fn folder_with_db(bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ferry.db"), bytes).unwrap();
    dir
}

fn assert_names_path(err: &StoreError, path: &Path) {
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
}

#[tokio::test]
async fn random_bytes_are_corrupt_and_left_alone() {
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let dir = folder_with_db(&noise);
    let db = dir.path().join("ferry.db");
    let before = digest(&db);
    let err = Store::open(dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "db.corrupt", "{err}");
    assert_names_path(&err, &db);
    assert!(
        err.to_string().contains("recover"),
        "says what to do: {err}"
    );
    assert!(err.can_start_fresh());
    assert_eq!(digest(&db), before, "the file was modified");
}

#[tokio::test]
async fn truncated_real_database_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    for i in 0..200 {
        let text = format!("draft {i} {}", "渡口".repeat(200));
        store
            .create_draft(new_draft(&[("zh-Hans", &text)]))
            .await
            .unwrap();
    }
    store.close().await; // checkpoints the WAL into ferry.db
    let db = dir.path().join("ferry.db");
    let bytes = std::fs::read(&db).unwrap();
    assert!(
        bytes.len() > 64 * 1024,
        "test database too small: {}",
        bytes.len()
    );
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    let before = digest(&db);

    let err = Store::open(dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "db.corrupt", "{err}");
    assert_names_path(&err, &db);
    assert_eq!(digest(&db), before);
}

#[tokio::test]
async fn someone_elses_sqlite_file_is_not_ferrys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ferry.db");
    raw_sql(
        &db,
        "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)",
    )
    .await;
    let before = digest(&db);

    let err = Store::open(dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "db.not_ferry", "{err}");
    assert!(err.to_string().contains("photos"), "{err}");
    assert_eq!(digest(&db), before);
}

#[tokio::test]
async fn newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).await.unwrap().close().await;
    let db = dir.path().join("ferry.db");
    raw_sql(
        &db,
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (29991231000000, 'from the future', 1, x'00', 0)",
    )
    .await;
    let before = digest(&db);

    let err = Store::open(dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "db.too_new", "{err}");
    assert!(err.to_string().contains("29991231000000"), "{err}");
    assert_names_path(&err, &db);
    assert_eq!(digest(&db), before);
}

#[tokio::test]
async fn data_folder_that_is_a_file_is_unwritable() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let err = Store::open(&blocker.join("ferry")).await.unwrap_err();
    assert_eq!(err.code(), "db.unwritable", "{err}");
    assert_names_path(&err, &blocker.join("ferry"));
}

#[tokio::test]
async fn database_path_that_is_a_folder_is_unwritable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ferry.db")).unwrap();
    let err = Store::open(dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "db.unwritable", "{err}");
    assert_names_path(&err, &dir.path().join("ferry.db"));
}

// A read-only data folder (permissions) is tested through the CLI in
// ferry-cli/tests/it/drafts_failures.rs: as root it runs the `ferry` binary as `nobody`, which
// this in-process test could not do, so that case never has to be skipped.

#[tokio::test]
async fn start_fresh_moves_the_damaged_file_and_companions_aside() {
    let dir = folder_with_db(b"definitely not sqlite, just some words here and there..........");
    let data = dir.path();
    std::fs::write(data.join("ferry.db-wal"), b"old wal").unwrap();
    std::fs::write(data.join("ferry.db-shm"), b"old shm").unwrap();
    let before = digest(&data.join("ferry.db"));

    let (store, aside) = Store::start_fresh(data).await.unwrap();
    assert_eq!(aside.reason.code, "db.corrupt");
    let moved = Path::new(&aside.database);
    let name = moved.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("ferry.db.corrupt-") && name.ends_with('Z'),
        "{name}"
    );
    assert_eq!(digest(moved), before, "moved, not rewritten");
    assert_eq!(aside.moved.len(), 3);
    assert_eq!(
        std::fs::read(format!("{}-wal", aside.database)).unwrap(),
        b"old wal"
    );
    assert_eq!(
        std::fs::read(format!("{}-shm", aside.database)).unwrap(),
        b"old shm"
    );

    // The fresh database works.
    let draft = store
        .create_draft(new_draft(&[("en", "fresh")]))
        .await
        .unwrap();
    assert_eq!(store.get_draft(&draft.id).await.unwrap().revision, 1);
}

#[tokio::test]
async fn start_fresh_refuses_a_healthy_database() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    store
        .create_draft(new_draft(&[("en", "precious")]))
        .await
        .unwrap();
    store.close().await;
    let err = Store::start_fresh(dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "db.not_broken");
    let again = Store::open(dir.path()).await.unwrap();
    assert_eq!(
        again.list_drafts(&Default::default()).await.unwrap().len(),
        1
    );
}

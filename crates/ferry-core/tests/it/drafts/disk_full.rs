//! A full disk, for real: the data folder on a tmpfs of a few MiB, filled to the last byte by
//! another file. A save is refused as `db.disk_full` naming the file, everything saved before
//! is intact (read back, and SQLite's own check passes), and once space is freed the same
//! save goes through and survives a reopen.
//!
//! Mounting needs root (as `make test` runs in CI); elsewhere the test says loudly that it was
//! skipped.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::support::{edit_text, new_draft, raw_connection};
use ferry_core::Store;

/// A tmpfs mounted over a temporary folder, unmounted when dropped.
struct TinyDisk {
    dir: tempfile::TempDir,
}

impl TinyDisk {
    fn mount(size: &str) -> Option<TinyDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .output()
            .unwrap();
        if !mounted.status.success() {
            eprintln!(
                "\n!!! SKIPPED the full-disk test: mounting a tmpfs needs root ({}) !!!\n",
                String::from_utf8_lossy(&mounted.stderr).trim()
            );
            return None;
        }
        Some(TinyDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Writes zeros into `<dir>/filler` until the disk refuses another byte.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 4096];
    loop {
        match file.write_all(&chunk).and_then(|()| file.sync_all()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
    // Whatever a partial page could still take.
    while file.write_all(&[0]).and_then(|()| file.sync_all()).is_ok() {}
    path
}

fn zh_text(draft: &ferry_core::Draft) -> &str {
    &draft.content.variants[0].text
}

#[tokio::test]
async fn a_full_disk_refuses_the_save_keeps_what_was_saved_and_saves_once_there_is_room() {
    let Some(disk) = TinyDisk::mount("4m") else {
        return;
    };
    let store = Store::open(disk.path()).await.unwrap();
    let first = store
        .create_draft(new_draft(&[("zh-Hans", "渡口的灯 🏮")]))
        .await
        .unwrap();
    store
        .save_draft(edit_text(&first, &[("zh-Hans", "渡口的灯还亮着 🏮 saved")]))
        .await
        .unwrap();
    let saved = store.get_draft(&first.id).await.unwrap();

    let filler = fill(disk.path());
    // Larger than anything SQLite could still fit in pages it already has.
    let long = format!("{} 👩‍👩‍👧 end", "渡口的灯还亮着，".repeat(40_000));
    let refused = store
        .save_draft(edit_text(&saved, &[("zh-Hans", &long)]))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "db.disk_full", "{refused}");
    let message = refused.to_string();
    assert!(
        message.contains(&store.db_path().display().to_string()),
        "{message}"
    );
    assert!(message.contains("Free some space"), "{message}");

    // Nothing saved before is damaged: the draft reads back as saved, the file checks sound.
    let back = store.get_draft(&first.id).await.unwrap();
    assert_eq!(zh_text(&back), "渡口的灯还亮着 🏮 saved");
    assert_eq!(back.revision, saved.revision);
    let mut conn = raw_connection(store.db_path()).await;
    let check: String = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);

    // Space freed: the same edit saves, and is there after a reopen.
    std::fs::remove_file(&filler).unwrap();
    store
        .save_draft(edit_text(&saved, &[("zh-Hans", &long)]))
        .await
        .unwrap();
    store.close().await;
    let reopened = Store::open(disk.path()).await.unwrap();
    assert_eq!(zh_text(&reopened.get_draft(&first.id).await.unwrap()), long);
    reopened.close().await;
}

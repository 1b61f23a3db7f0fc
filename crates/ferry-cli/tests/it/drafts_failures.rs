//! `ferry drafts` on a database it cannot use: locked by another program, or read-only.

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::Connection;

fn run(program: &Path, data: &Path, args: &[&str], as_nobody: bool) -> Output {
    let mut cmd = if as_nobody {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(program);
        c
    } else {
        Command::new(program)
    };
    let mut child = cmd
        .arg("drafts")
        .args(args)
        .arg("--json")
        .env("FERRY_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferry");
    drop(child.stdin.take().unwrap().write_all(b""));
    child.wait_with_output().unwrap()
}

fn failure(out: &Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|_| panic!("stderr: {}", String::from_utf8_lossy(&out.stderr)))
}

fn ferry_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_ferry"))
}

#[tokio::test(flavor = "multi_thread")]
async fn locked_database_names_the_file_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let created = run(
        ferry_bin(),
        dir.path(),
        &["new", "--lang", "en", "--text", "x"],
        false,
    );
    assert!(created.status.success());
    let db = dir.path().join("ferry.db");
    let mut other = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();

    let started = Instant::now();
    let out = run(
        ferry_bin(),
        dir.path(),
        &["new", "--lang", "en", "--text", "y"],
        false,
    );
    let f = failure(&out);
    assert_eq!(f["code"], "db.locked");
    let message = f["message"].as_str().unwrap();
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("try again"), "{message}");
    // It waited for the lock (the busy timeout) before giving up.
    assert!(
        started.elapsed() >= Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
}

/// Permissions don't bind root, so as root the CLI runs as `nobody` on root's files (a
/// copy of the binary sits in a folder nobody can read, since root's home is private).
#[test]
fn read_only_data_folder_is_unwritable() {
    let root = tempfile::tempdir().unwrap();
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = root.path().join("data");
    let created = run(
        ferry_bin(),
        &data,
        &["new", "--lang", "en", "--text", "x"],
        false,
    );
    assert!(created.status.success());

    let as_root = std::fs::metadata("/proc/self").unwrap().uid() == 0;
    let program = if as_root {
        let copy = root.path().join("ferry");
        std::fs::copy(ferry_bin(), &copy).unwrap();
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
        copy
    } else {
        ferry_bin().to_path_buf()
    };
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();

    let out = run(
        &program,
        &data,
        &["new", "--lang", "en", "--text", "y"],
        as_root,
    );
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let f = failure(&out);
    assert_eq!(f["code"], "db.unwritable", "{f}");
    let message = f["message"].as_str().unwrap();
    assert!(message.contains(&data.display().to_string()), "{message}");
}

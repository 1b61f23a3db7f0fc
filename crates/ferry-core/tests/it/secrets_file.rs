//! The opt-in encrypted file store: round trips, passphrases, damage, permissions, and that
//! nothing readable ever reaches the disk.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::secrets_support::{cheap_kdf, child_result, is_child, key, rerun_as_child};
use ferry_core::secrets::{
    self, BackendKind, EncryptedFileStore, KdfParams, PassphrasePurpose, PassphraseSource, Secret,
    SecretKind, SecretStore, SecretsBackend, SecretsConfig,
};

const PASSPHRASE: &str = "渡船 passphrase 🚢 long enough";

fn given() -> PassphraseSource {
    PassphraseSource::given(Secret::new(PASSPHRASE))
}

fn open(path: &Path) -> EncryptedFileStore {
    EncryptedFileStore::open(path, &given(), cheap_kdf()).unwrap()
}

fn file_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("数据").join("secrets.enc")
}

#[test]
fn round_trip_overwrite_delete_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    let store = open(&path);
    assert_eq!(store.backend(), BackendKind::EncryptedFile);
    let token = key("小红书-acct:1", SecretKind::OauthToken);
    let nsec = key("nostr 👩‍💻", SecretKind::PrivateKey);
    assert_eq!(store.get(&token).unwrap(), None);
    store.set(&token, &Secret::new("令牌 first")).unwrap();
    store
        .set(&token, &Secret::new("令牌 👨‍👩‍👧 مرحبا，全角！"))
        .unwrap();
    store.set(&nsec, &Secret::new("nsec1qqqq")).unwrap();
    assert!(!store.delete(&key("nobody", SecretKind::ApiKey)).unwrap());

    let again = open(&path);
    assert_eq!(
        again.get(&token).unwrap().unwrap().expose(),
        "令牌 👨‍👩‍👧 مرحبا，全角！"
    );
    assert!(again.delete(&nsec).unwrap());
    // The first handle re-reads the file, so it sees the other's delete.
    assert_eq!(store.get(&nsec).unwrap(), None);
}

#[test]
fn never_plaintext_on_disk_and_private_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    let store = open(&path);
    let secret = "sk-live-令牌-do-not-leak-7f3a";
    let account = "acct-visible-name";
    store
        .set(&key(account, SecretKind::ApiKey), &Secret::new(secret))
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"FERRYSEC"));
    for needle in [
        secret.as_bytes(),
        account.as_bytes(),
        PASSPHRASE.as_bytes(),
        b"api_key",
    ] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{:?} is readable in the file",
            String::from_utf8_lossy(needle)
        );
    }
    // Only the file and its (empty) lock are left behind: no temporary files from the
    // atomic writes.
    let mut names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["secrets.enc", "secrets.enc.lock"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600, "the file");
        assert_eq!(mode(&path.with_extension("enc.lock")), 0o600, "its lock");
        assert_eq!(
            mode(path.parent().unwrap()),
            0o700,
            "the folder Ferry created"
        );
    }
}

/// Another user able to read the file could attack its passphrase offline: such a file is
/// refused, naming the fix, until it is private again.
#[cfg(unix)]
#[test]
fn a_file_others_can_read_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    open(&path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = EncryptedFileStore::open(&path, &given(), cheap_kdf()).unwrap_err();
    assert_eq!(err.code(), "secrets.exposed", "{err}");
    assert!(err.to_string().contains("chmod 600"), "{err}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    open(&path);
}

/// Two stores on one file (as the app and `ferry daemon` are) writing at once: the lock
/// across processes keeps every write (without it, read-modify-write loses some).
#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    open(&path);
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = open(&path);
                for n in 0..25 {
                    let name = format!("writer{w}-{n}");
                    store
                        .set(&key(&name, SecretKind::ApiKey), &Secret::new("令牌"))
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let store = open(&path);
    for w in 0..2 {
        for n in 0..25 {
            let name = format!("writer{w}-{n}");
            assert!(
                store
                    .get(&key(&name, SecretKind::ApiKey))
                    .unwrap()
                    .is_some(),
                "{name} was lost"
            );
        }
    }
}

#[test]
fn wrong_passphrase_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    open(&path)
        .set(&key("a", SecretKind::ApiKey), &Secret::new("v"))
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let wrong = PassphraseSource::given(Secret::new("渡船 passphrase 🚢 long enougH"));
    let err = EncryptedFileStore::open(&path, &wrong, cheap_kdf()).unwrap_err();
    assert_eq!(err.code(), "secrets.bad_passphrase", "{err}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn damaged_files_are_corrupt_and_kept_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    let store = open(&path);
    store
        .set(&key("a", SecretKind::ApiKey), &Secret::new("value"))
        .unwrap();
    let good = std::fs::read(&path).unwrap();

    let mut flipped = good.clone();
    *flipped.last_mut().unwrap() ^= 1; // inside the ciphertext's tag
    let mut salted = good.clone();
    salted[30] ^= 1; // the salt: the key no longer matches the check
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("flipped tag", flipped, "integrity check"),
        (
            "truncated",
            good[..good.len() - 5].to_vec(),
            "integrity check",
        ),
        ("too short", good[..50].to_vec(), "shorter than"),
        (
            "not ours",
            b"{\"token\": \"plaintext\"}".to_vec(),
            "FERRYSEC",
        ),
        ("changed salt", salted, ""),
    ];
    for (what, bytes, reason) in cases {
        std::fs::write(&path, &bytes).unwrap();
        let err = EncryptedFileStore::open(&path, &given(), cheap_kdf()).unwrap_err();
        if what == "changed salt" {
            // Indistinguishable from a wrong passphrase, and reported as such.
            assert_eq!(err.code(), "secrets.bad_passphrase", "{what}: {err}");
        } else {
            assert_eq!(err.code(), "secrets.corrupt", "{what}: {err}");
            assert!(err.to_string().contains(reason), "{what}: {err}");
            assert!(err.to_string().contains("left untouched"), "{what}: {err}");
        }
        // An already open store refuses to write over the damaged file, too.
        let write = store.set(&key("b", SecretKind::ApiKey), &Secret::new("new"));
        assert!(
            write.is_err(),
            "{what}: a write over a damaged file must fail"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{what}: the file was changed"
        );
    }
}

#[test]
fn prompt_is_asked_to_create_then_to_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    let asked = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&asked);
    let prompt = PassphraseSource::prompt(move |req| {
        log.lock().unwrap().push((req.purpose, req.path.to_owned()));
        Some(Secret::new(PASSPHRASE))
    });
    EncryptedFileStore::open(&path, &prompt, cheap_kdf()).unwrap();
    EncryptedFileStore::open(&path, &prompt, cheap_kdf()).unwrap();
    assert_eq!(
        *asked.lock().unwrap(),
        [
            (PassphrasePurpose::Create, path.clone()),
            (PassphrasePurpose::Unlock, path.clone())
        ]
    );
    let cancelled = PassphraseSource::prompt(|_| None);
    let err = EncryptedFileStore::open(&path, &cancelled, cheap_kdf()).unwrap_err();
    assert_eq!(err.code(), "secrets.no_passphrase");
}

#[test]
fn no_file_is_created_without_a_good_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    for source in [
        PassphraseSource::none(),
        PassphraseSource::given(Secret::new("短密码")),
    ] {
        let err = EncryptedFileStore::open(&path, &source, cheap_kdf()).unwrap_err();
        assert_eq!(err.code(), "secrets.no_passphrase", "{err}");
        assert!(!path.exists());
    }
}

/// The default Argon2id settings (64 MiB, 3 passes) through the public `open`, as the app
/// and the daemon use it.
#[tokio::test]
async fn open_with_default_settings_through_the_async_handle() {
    let dir = tempfile::tempdir().unwrap();
    let config = SecretsConfig::encrypted_file(file_in(&dir));
    assert_eq!(config.new_file_kdf, KdfParams::default());
    let handle = secrets::open(&config, given()).unwrap();
    let k = key("acct", SecretKind::RefreshToken);
    handle.set(&k, Secret::new("刷新令牌")).await.unwrap();
    let reopened = secrets::open(&config, given()).unwrap();
    assert_eq!(
        reopened.get(&k).await.unwrap().unwrap().expose(),
        "刷新令牌"
    );
    assert_eq!(reopened.delete_account("acct").await.unwrap(), 1);
}

#[test]
fn refuses_empty_and_oversized_values() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&file_in(&dir));
    let k = key("acct", SecretKind::ApiKey);
    let err = store.set(&k, &Secret::new("")).unwrap_err();
    assert_eq!(err.code(), "secrets.bad_value");
    let big = "键".repeat(30_000); // 90,000 bytes
    let err = store.set(&k, &Secret::new(big)).unwrap_err();
    assert!(err.to_string().contains("90000 bytes"), "{err}");
    assert_eq!(store.get(&k).unwrap(), None);
}

/// The headless daemon's way in: the backend, the file and the passphrase all from the
/// environment (set for a child process, since a test must not change its own).
#[test]
fn headless_setup_from_environment_variables() {
    if is_child() {
        let config = SecretsConfig::from_env(Path::new("/unused")).unwrap();
        let SecretsBackend::EncryptedFile { path } = &config.backend else {
            return child_result("not the file backend");
        };
        let store = EncryptedFileStore::open(path, &PassphraseSource::env(), cheap_kdf()).unwrap();
        store
            .set(
                &key("daemon", SecretKind::AccessToken),
                &Secret::new("来自环境"),
            )
            .unwrap();
        return child_result(&path.display().to_string());
    }
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    let written = rerun_as_child(
        "secrets_file::headless_setup_from_environment_variables",
        &[
            ("FERRY_SECRETS_BACKEND", Some("file")),
            ("FERRY_SECRETS_FILE", Some(path.to_str().unwrap())),
            ("FERRY_SECRETS_PASSPHRASE", Some(PASSPHRASE)),
        ],
    );
    assert_eq!(written, path.display().to_string());
    let token = open(&path)
        .get(&key("daemon", SecretKind::AccessToken))
        .unwrap();
    assert_eq!(token.unwrap().expose(), "来自环境");
}

//! No secret and no passphrase ever appears in an error, a `Debug` print or the `{code,
//! message}` payload the UI gets: every error path the file store, the key checks and the
//! passphrase sources can take is provoked with a recognisable value and searched for it.
//! (The keychain's own error mapping is covered by unit tests in `secrets/keychain.rs`, and
//! its no-keychain path by `secrets_no_keychain.rs`.)

use crate::secrets_support::{cheap_kdf, key};
use ferry_core::ErrorPayload;
use ferry_core::secrets::{
    EncryptedFileStore, PassphraseSource, Secret, SecretKey, SecretKind, SecretStore, Secrets,
    SecretsError,
};

const SECRET: &str = "SECRET-令牌-🔑-9f8e7d";
const PASSPHRASE: &str = "PASSPHRASE-渡口-🚢-1a2b3c";

fn assert_clean(what: &str, text: &str) {
    for needle in [SECRET, PASSPHRASE, "9f8e7d", "1a2b3c"] {
        assert!(!text.contains(needle), "{what} leaks {needle:?}: {text}");
    }
}

fn assert_error_clean(what: &str, err: &SecretsError) {
    assert!(err.code().starts_with("secrets."), "{what}: {}", err.code());
    assert_clean(what, &err.to_string());
    assert_clean(what, &format!("{err:?}"));
    assert_clean(what, &format!("{err:#?}"));
    assert_clean(
        what,
        &serde_json::to_string(&ErrorPayload::of(err)).unwrap(),
    );
}

fn store_at(path: &std::path::Path) -> EncryptedFileStore {
    let source = PassphraseSource::given(Secret::new(PASSPHRASE));
    EncryptedFileStore::open(path, &source, cheap_kdf()).unwrap()
}

#[test]
fn file_store_errors_never_contain_the_secret_or_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secrets.enc");
    let store = store_at(&path);
    let k = key("acct", SecretKind::ApiKey);
    store.set(&k, &Secret::new(SECRET)).unwrap();
    let mut errors: Vec<(&str, SecretsError)> = Vec::new();

    let oversized = Secret::new(SECRET.repeat(5_000));
    errors.push(("oversized value", store.set(&k, &oversized).unwrap_err()));
    errors.push(("empty value", store.set(&k, &Secret::new("")).unwrap_err()));

    let wrong = PassphraseSource::given(Secret::new(format!("{PASSPHRASE}-wrong")));
    errors.push((
        "wrong passphrase",
        EncryptedFileStore::open(&path, &wrong, cheap_kdf()).unwrap_err(),
    ));
    let short = PassphraseSource::given(Secret::new("1a2b3c"));
    errors.push((
        "weak new passphrase",
        EncryptedFileStore::open(dir.path().join("new.enc"), &short, cheap_kdf()).unwrap_err(),
    ));

    // A file that holds the secret in plain text is refused without being quoted.
    let plain = dir.path().join("plain.enc");
    std::fs::write(&plain, format!("FERRYSEC{SECRET}{PASSPHRASE}{SECRET}")).unwrap();
    private(&plain);
    let source = PassphraseSource::given(Secret::new(PASSPHRASE));
    errors.push((
        "corrupt file",
        EncryptedFileStore::open(&plain, &source, cheap_kdf()).unwrap_err(),
    ));
    let mut damaged = std::fs::read(&path).unwrap();
    let last = damaged.len() - 1;
    damaged[last] ^= 0xff;
    std::fs::write(&path, &damaged).unwrap();
    errors.push(("damaged ciphertext", store.get(&k).unwrap_err()));
    errors.push((
        "write over damage",
        store.set(&k, &Secret::new(SECRET)).unwrap_err(),
    ));

    // A folder where the file should be: the OS error, not the value being written.
    let folder = dir.path().join("folder.enc");
    std::fs::create_dir(&folder).unwrap();
    errors.push((
        "unreadable path",
        EncryptedFileStore::open(&folder, &source, cheap_kdf()).unwrap_err(),
    ));

    // A file other users could read: refused by its mode, before a byte of it is read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&plain, std::fs::Permissions::from_mode(0o644)).unwrap();
        errors.push((
            "exposed file",
            EncryptedFileStore::open(&plain, &source, cheap_kdf()).unwrap_err(),
        ));
    }

    let codes: Vec<&str> = errors.iter().map(|(_, e)| e.code()).collect();
    let mut expected = vec![
        "secrets.bad_value",
        "secrets.bad_value",
        "secrets.bad_passphrase",
        "secrets.no_passphrase",
        "secrets.corrupt",
        "secrets.corrupt",
        "secrets.corrupt",
        "secrets.io",
    ];
    if cfg!(unix) {
        expected.push("secrets.exposed");
    }
    assert_eq!(codes, expected);
    for (what, err) in &errors {
        assert_error_clean(what, err);
    }
}

#[test]
fn key_errors_and_debug_prints_are_clean() {
    let err = SecretKey::new("acct\u{7}", SecretKind::OauthToken).unwrap_err();
    assert_error_clean("bad key", &err);
    let err = "password".parse::<SecretKind>().unwrap_err();
    assert_error_clean("unknown kind", &err);

    let secret = Secret::new(SECRET);
    assert_clean("Secret Display", &format!("{secret}"));
    assert_clean(
        "Secret Debug",
        &format!("{secret:?} {:?}", vec![secret.clone()]),
    );
    let source = PassphraseSource::given(Secret::new(PASSPHRASE));
    assert_clean("PassphraseSource Debug", &format!("{source:?}"));

    let dir = tempfile::tempdir().unwrap();
    let store = store_at(&dir.path().join("secrets.enc"));
    store
        .set(&key("acct", SecretKind::ApiKey), &secret)
        .unwrap();
    assert_clean("store Debug", &format!("{store:?}"));
    assert_clean("Secrets Debug", &format!("{:?}", Secrets::new(store)));
}

/// Files the test writes by hand get the mode Ferry's own have (the store refuses others).
fn private(path: &std::path::Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let _ = path;
}

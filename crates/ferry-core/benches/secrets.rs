//! What the encrypted secrets file costs: unlocking it at start (one Argon2id run with the
//! default settings, then a decrypt), and reading and writing one secret among 50 accounts.
//! `cargo bench -p ferry-core --bench secrets`; figures in docs/BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_core::secrets::{
    EncryptedFileStore, KdfParams, PassphraseSource, Secret, SecretKey, SecretKind, SecretStore,
};

fn passphrase() -> PassphraseSource {
    PassphraseSource::given(Secret::new("渡船 benchmark passphrase"))
}

/// A file holding 50 accounts' access and refresh tokens (JWT-sized values).
fn filled(path: &std::path::Path, params: KdfParams) -> EncryptedFileStore {
    let store = EncryptedFileStore::open(path, &passphrase(), params).unwrap();
    for i in 0..50 {
        for kind in [SecretKind::AccessToken, SecretKind::RefreshToken] {
            let key = SecretKey::new(format!("acct-{i}"), kind).unwrap();
            store
                .set(
                    &key,
                    &Secret::new(format!("{i}-{}", "eyJ0eXAiOiJKV1Qi".repeat(60))),
                )
                .unwrap();
        }
    }
    store
}

fn secrets_file(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secrets.enc");
    filled(&path, KdfParams::default());
    let mut group = c.benchmark_group("secrets_file");
    group.sample_size(10);
    group.bench_function("unlock_default_argon2id_100_entries", |b| {
        b.iter(|| EncryptedFileStore::open(&path, &passphrase(), KdfParams::default()).unwrap())
    });
    group.finish();

    let store = EncryptedFileStore::open(&path, &passphrase(), KdfParams::default()).unwrap();
    let key = SecretKey::new("acct-25", SecretKind::RefreshToken).unwrap();
    let mut group = c.benchmark_group("secrets_file");
    group.bench_function("get_one_of_100", |b| {
        b.iter(|| store.get(&key).unwrap().unwrap())
    });
    group.sample_size(20);
    let value = Secret::new("eyJ0eXAiOiJKV1Qi".repeat(60));
    group.bench_function("set_one_of_100_atomic_fsync", |b| {
        b.iter(|| store.set(&key, &value).unwrap())
    });
    group.finish();
}

criterion_group!(benches, secrets_file);
criterion_main!(benches);

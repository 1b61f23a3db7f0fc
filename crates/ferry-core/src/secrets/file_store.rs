//! [`EncryptedFileStore`]: the opt-in store for machines without a keychain (a headless
//! server running the `ferry` CLI). One file, by default `<data dir>/secrets.enc`, whose format
//! is in `file_format.rs` and whose cryptography is in `file_crypto.rs`.
//!
//! - Opening an existing file needs its passphrase: a wrong one is `secrets.bad_passphrase`,
//!   a damaged file is `secrets.corrupt` and is never overwritten (every write starts by
//!   reading and decrypting the current file, and stops there if that fails).
//! - Opening where there is no file creates an empty one at once, so the passphrase chosen
//!   now is the one the next start must give.
//! - Every write goes to a temporary file in the same folder (mode 0600 on Unix), is flushed
//!   to disk, renamed over the old file and the folder is flushed: a crash leaves the old file
//!   or the new one, never half of either.
//! - Each operation re-reads the file, so the app, the CLI and `ferry daemon` see each
//!   other's changes; a change (read, modify, write) holds an exclusive lock on
//!   `<file>.lock` across processes, so two writing at once never lose either's write.
//! - A file other users can read or write (Unix mode with any group/other bit) is refused
//!   with `secrets.exposed` and the command that fixes it, never used.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::file_crypto::{DerivedKey, derive, random};
use super::file_entries::{Entries, decode, encode};
use super::file_format::{Header, KdfParams, SALT_LEN};
use super::store::{BackendKind, SecretStore, check_value};
use super::{PassphrasePurpose, PassphraseSource, Secret, SecretKey, SecretsError};

pub struct EncryptedFileStore {
    path: PathBuf,
    state: Mutex<Unlocked>,
}

/// The passphrase (kept to re-derive if another process recreates the file with a new salt)
/// and the key derived for the current salt and settings.
struct Unlocked {
    passphrase: Secret,
    salt: [u8; SALT_LEN],
    params: KdfParams,
    key: DerivedKey,
}

impl std::fmt::Debug for EncryptedFileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EncryptedFileStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl EncryptedFileStore {
    /// Opens `path`, or creates it with `new_params` when missing. The passphrase comes from
    /// `passphrase` (asked for once, here).
    pub fn open(
        path: impl Into<PathBuf>,
        passphrase: &PassphraseSource,
        new_params: KdfParams,
    ) -> Result<Self, SecretsError> {
        let path = path.into();
        refuse_exposed(&path)?;
        let Some(bytes) = read_file(&path)? else {
            let passphrase = passphrase.resolve(&path, PassphrasePurpose::Create)?;
            let store = Self::create(path, passphrase, new_params)?;
            store.write(&store.lock(), &Entries::new())?;
            return Ok(store);
        };
        let (header, _) = Header::parse(&bytes).map_err(|why| SecretsError::corrupt(&path, why))?;
        let passphrase = passphrase.resolve(&path, PassphrasePurpose::Unlock)?;
        let key = derive(&passphrase, &header.salt, header.params)
            .map_err(|why| SecretsError::corrupt(&path, why))?;
        let store = EncryptedFileStore {
            state: Mutex::new(Unlocked {
                passphrase,
                salt: header.salt,
                params: header.params,
                key,
            }),
            path,
        };
        // Decrypt once now, so a wrong passphrase or a damaged file shows at start.
        store.load(&mut store.lock())?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn create(path: PathBuf, passphrase: Secret, params: KdfParams) -> Result<Self, SecretsError> {
        params
            .plausible()
            .map_err(|reason| SecretsError::BadConfig {
                what: "key derivation".to_owned(),
                reason,
            })?;
        let mut salt = [0u8; SALT_LEN];
        random(&mut salt).map_err(|detail| SecretsError::Internal { detail })?;
        let key = derive(&passphrase, &salt, params)
            .map_err(|detail| SecretsError::Internal { detail })?;
        Ok(EncryptedFileStore {
            path,
            state: Mutex::new(Unlocked {
                passphrase,
                salt,
                params,
                key,
            }),
        })
    }

    /// An exclusive lock on `<file>.lock`, held until the returned file is dropped: the other
    /// processes on this data folder wait for this change before making theirs.
    fn lock_across_processes(&self) -> Result<fs::File, SecretsError> {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".lock");
        let fail = |err: io::Error| SecretsError::io("lock", &self.path, &err);
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(fail)?;
        }
        let file = private_file(Path::new(&name)).map_err(fail)?;
        file.lock().map_err(fail)?;
        Ok(file)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Unlocked> {
        // A panic while holding the lock leaves nothing half-done in memory (writes go to
        // disk atomically), so a poisoned lock is safe to take over.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Reads and decrypts the current file; a file removed since start counts as empty.
    fn load(&self, state: &mut Unlocked) -> Result<Entries, SecretsError> {
        let Some(bytes) = read_file(&self.path)? else {
            return Ok(Entries::new());
        };
        let corrupt = |why: String| SecretsError::corrupt(&self.path, why);
        let (header, ciphertext) = Header::parse(&bytes).map_err(corrupt)?;
        if header.salt != state.salt || header.params != state.params {
            // Another process recreated the file: same passphrase, new salt or settings.
            state.key = derive(&state.passphrase, &header.salt, header.params).map_err(corrupt)?;
            state.salt = header.salt;
            state.params = header.params;
        }
        if !state.key.matches(&header) {
            return Err(SecretsError::BadPassphrase {
                path: self.path.clone(),
            });
        }
        let plaintext = state.key.open(&header, ciphertext).ok_or_else(|| {
            corrupt("the contents fail their integrity check (changed or truncated)".to_owned())
        })?;
        decode(&plaintext)
            .map_err(|why| corrupt(format!("the decrypted contents are unreadable: {why}")))
    }

    fn write(&self, state: &Unlocked, entries: &Entries) -> Result<(), SecretsError> {
        let plaintext = encode(entries);
        let file = state
            .key
            .seal(state.salt, state.params, &plaintext)
            .map_err(|detail| SecretsError::Internal { detail })?;
        write_atomically(&self.path, &file)
    }
}

impl SecretStore for EncryptedFileStore {
    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretsError> {
        let mut state = self.lock();
        Ok(self.load(&mut state)?.remove(&key.user()))
    }

    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretsError> {
        check_value(key, secret)?;
        let mut state = self.lock();
        let _across = self.lock_across_processes()?;
        let mut entries = self.load(&mut state)?;
        entries.insert(key.user(), secret.clone());
        self.write(&state, &entries)
    }

    fn delete(&self, key: &SecretKey) -> Result<bool, SecretsError> {
        let mut state = self.lock();
        let _across = self.lock_across_processes()?;
        let mut entries = self.load(&mut state)?;
        if entries.remove(&key.user()).is_none() {
            return Ok(false);
        }
        self.write(&state, &entries)?;
        Ok(true)
    }

    fn backend(&self) -> BackendKind {
        BackendKind::EncryptedFile
    }
}

/// Far more than any real file (50 accounts with every kind of token are a few hundred KiB);
/// a bigger one is not Ferry's, and is refused before it is read into memory.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

fn read_file(path: &Path) -> Result<Option<Vec<u8>>, SecretsError> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() > MAX_FILE_BYTES => {
            return Err(SecretsError::corrupt(
                path,
                format!(
                    "it is {} bytes, more than a secrets file can be ({MAX_FILE_BYTES})",
                    meta.len()
                ),
            ));
        }
        _ => {}
    }
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(SecretsError::io("read", path, &err)),
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SecretsError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    create_private_dir(dir).map_err(|err| SecretsError::io("create the folder of", path, &err))?;
    let fail = |err: io::Error| SecretsError::io("write", path, &err);
    // tempfile creates the file with mode 0600 on Unix, before any byte is written.
    let mut temp = tempfile::Builder::new()
        .prefix(".secrets.enc.")
        .tempfile_in(dir)
        .map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|err| fail(err.error))?;
    sync_dir(dir).map_err(fail)
}

/// Opens (creating when missing) a file only its owner can read and write.
fn private_file(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

#[cfg(unix)]
fn refuse_exposed(path: &Path) -> Result<(), SecretsError> {
    use std::os::unix::fs::PermissionsExt;
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.permissions().mode() & 0o077 != 0 => {
            Err(SecretsError::Exposed {
                path: path.to_owned(),
                mode: meta.permissions().mode() & 0o777,
            })
        }
        _ => Ok(()),
    }
}

#[cfg(not(unix))]
fn refuse_exposed(_path: &Path) -> Result<(), SecretsError> {
    Ok(())
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Makes the rename itself durable; Windows has no directory handles to flush.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

//! Where the encrypted file's passphrase comes from: [`PassphraseSource`].
//!
//! - Scripts (and, planned, a headless scheduler) set `FERRY_SECRETS_PASSPHRASE` ([`PassphraseSource::env`]).
//! - The CLI on a terminal asks, unless the variable is set
//!   ([`PassphraseSource::env_or_prompt`] with a function that reads without echo).
//! - The desktop app shows a dialog ([`PassphraseSource::prompt`]).
//!
//! A prompt is told whether the file is being unlocked or created, so it can ask twice when
//! creating. New passphrases need at least [`MIN_NEW_PASSPHRASE_CHARS`] characters.

use std::ffi::OsString;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use super::{Secret, SecretsError};

/// The environment variable [`PassphraseSource::env`] reads.
pub const PASSPHRASE_ENV: &str = "FERRY_SECRETS_PASSPHRASE";

/// The passphrase [`take_passphrase_from_env`] took out of the environment at start.
static TAKEN: std::sync::OnceLock<Option<OsString>> = std::sync::OnceLock::new();

/// Reads `FERRY_SECRETS_PASSPHRASE` once and removes it from this process's environment, so
/// nothing Ferry starts (the browser for a sign-in, a link opener) inherits it;
/// [`PassphraseSource::env`] reads the copy kept here from then on. Call it first thing in
/// `main`, before any other thread exists.
pub fn take_passphrase_from_env() {
    let value = std::env::var_os(PASSPHRASE_ENV);
    let present = value.is_some();
    let _ = TAKEN.set(value);
    if present {
        // SAFETY: called at the top of `main`, before the async runtime or any other thread
        // starts, so no other thread can be reading the environment meanwhile.
        #[allow(unsafe_code)]
        unsafe {
            std::env::remove_var(PASSPHRASE_ENV);
        }
    }
}

/// Shortest passphrase accepted for a new file, in Unicode scalar values (a CJK passphrase
/// of 8 characters is as long as it looks).
pub const MIN_NEW_PASSPHRASE_CHARS: usize = 8;

/// Why the passphrase is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphrasePurpose {
    /// The file exists; the passphrase must be the one it was created with.
    Unlock,
    /// There is no file yet; this passphrase will protect the new one.
    Create,
}

/// What a prompt is asked for.
#[derive(Debug, Clone, Copy)]
pub struct PassphraseRequest<'a> {
    pub path: &'a Path,
    pub purpose: PassphrasePurpose,
}

/// Asks a person; `None` when they cancel.
pub type PromptFn = dyn Fn(PassphraseRequest<'_>) -> Option<Secret> + Send + Sync;

/// Where [`super::open`] gets the passphrase for the encrypted file store (the keychain
/// store needs none, so [`PassphraseSource::none`] is fine there).
#[derive(Clone)]
pub struct PassphraseSource {
    from_env: bool,
    prompt: Option<Arc<PromptFn>>,
    given: Option<Secret>,
}

impl fmt::Debug for PassphraseSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PassphraseSource")
            .field("from_env", &self.from_env)
            .field("prompt", &self.prompt.is_some())
            .field("given", &self.given.is_some())
            .finish()
    }
}

impl PassphraseSource {
    /// No passphrase anywhere: opening an encrypted file fails with `secrets.no_passphrase`.
    pub fn none() -> Self {
        PassphraseSource {
            from_env: false,
            prompt: None,
            given: None,
        }
    }

    /// `FERRY_SECRETS_PASSPHRASE`, read when the file is opened.
    pub fn env() -> Self {
        PassphraseSource {
            from_env: true,
            ..Self::none()
        }
    }

    pub fn prompt(
        prompt: impl Fn(PassphraseRequest<'_>) -> Option<Secret> + Send + Sync + 'static,
    ) -> Self {
        PassphraseSource {
            prompt: Some(Arc::new(prompt)),
            ..Self::none()
        }
    }

    /// `FERRY_SECRETS_PASSPHRASE` when set and not empty, otherwise the prompt.
    pub fn env_or_prompt(
        prompt: impl Fn(PassphraseRequest<'_>) -> Option<Secret> + Send + Sync + 'static,
    ) -> Self {
        PassphraseSource {
            from_env: true,
            ..Self::prompt(prompt)
        }
    }

    /// A passphrase the caller already has (from its own settings dialog, or a test).
    pub fn given(passphrase: Secret) -> Self {
        PassphraseSource {
            given: Some(passphrase),
            ..Self::none()
        }
    }

    pub(crate) fn resolve(
        &self,
        path: &Path,
        purpose: PassphrasePurpose,
    ) -> Result<Secret, SecretsError> {
        self.resolve_with(path, purpose, &|name| match TAKEN.get() {
            Some(taken) if name == PASSPHRASE_ENV => taken.clone(),
            _ => std::env::var_os(name),
        })
    }

    /// [`Self::resolve`] with the environment passed in, so tests need not change the
    /// process's own.
    fn resolve_with(
        &self,
        path: &Path,
        purpose: PassphrasePurpose,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<Secret, SecretsError> {
        let refuse = |reason: String| SecretsError::NoPassphrase {
            path: path.to_owned(),
            reason,
        };
        let mut tried = Vec::new();
        let mut found = self.given.clone();
        if found.is_none() && self.from_env {
            tried.push(format!("{PASSPHRASE_ENV} is not set"));
            if let Some(value) = env(PASSPHRASE_ENV).filter(|v| !v.is_empty()) {
                let text = value
                    .into_string()
                    .map_err(|_| refuse(format!("{PASSPHRASE_ENV} is not valid UTF-8")))?;
                found = Some(Secret::new(text));
            }
        }
        if found.is_none()
            && let Some(prompt) = &self.prompt
        {
            tried.push("the prompt was cancelled".to_owned());
            found = prompt(PassphraseRequest { path, purpose });
        }
        if tried.is_empty() && found.is_none() {
            tried.push(format!("set {PASSPHRASE_ENV} or run where Ferry can ask"));
        }
        let passphrase = found.ok_or_else(|| refuse(tried.join(", and ")))?;
        if passphrase.is_empty() {
            return Err(refuse("the passphrase is empty".to_owned()));
        }
        let chars = passphrase.expose().chars().count();
        if purpose == PassphrasePurpose::Create && chars < MIN_NEW_PASSPHRASE_CHARS {
            return Err(refuse(format!(
                "a new passphrase needs at least {MIN_NEW_PASSPHRASE_CHARS} characters; this \
                 one has {chars}"
            )));
        }
        Ok(passphrase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = "/data/secrets.enc";

    fn env_with(value: Option<&'static str>) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            assert_eq!(name, PASSPHRASE_ENV);
            value.map(OsString::from)
        }
    }

    fn resolve(
        source: &PassphraseSource,
        purpose: PassphrasePurpose,
        env: Option<&'static str>,
    ) -> Result<Secret, SecretsError> {
        source.resolve_with(Path::new(PATH), purpose, &env_with(env))
    }

    /// nextest runs each test in its own process, so changing this process's environment here
    /// touches no other test.
    #[test]
    fn the_passphrase_leaves_the_environment_and_still_unlocks() {
        // SAFETY: this test's process runs this one test (nextest); no other thread reads the
        // environment meanwhile.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(PASSPHRASE_ENV, "渡口 passphrase");
        }
        take_passphrase_from_env();
        assert_eq!(
            std::env::var_os(PASSPHRASE_ENV),
            None,
            "children inherit nothing"
        );
        let got = PassphraseSource::env()
            .resolve(Path::new(PATH), PassphrasePurpose::Unlock)
            .unwrap();
        assert_eq!(got.expose(), "渡口 passphrase");
    }

    #[test]
    fn env_wins_over_the_prompt_and_the_prompt_fills_in() {
        let source = PassphraseSource::env_or_prompt(|req| {
            assert_eq!(req.purpose, PassphrasePurpose::Create);
            Some(Secret::new("渡口的密码短语很长"))
        });
        let from_env = resolve(&source, PassphrasePurpose::Create, Some("correct horse")).unwrap();
        assert_eq!(from_env.expose(), "correct horse");
        let prompted = resolve(&source, PassphrasePurpose::Create, Some("")).unwrap();
        assert_eq!(prompted.expose(), "渡口的密码短语很长");
    }

    #[test]
    fn says_why_there_is_no_passphrase() {
        let err = resolve(&PassphraseSource::env(), PassphrasePurpose::Unlock, None).unwrap_err();
        assert_eq!(err.code(), "secrets.no_passphrase");
        assert!(
            err.to_string()
                .contains("FERRY_SECRETS_PASSPHRASE is not set"),
            "{err}"
        );
        let cancelled = PassphraseSource::env_or_prompt(|_| None);
        let err = resolve(&cancelled, PassphrasePurpose::Unlock, None).unwrap_err();
        assert!(
            err.to_string()
                .contains("not set, and the prompt was cancelled"),
            "{err}"
        );
        let err = resolve(&PassphraseSource::none(), PassphrasePurpose::Unlock, None).unwrap_err();
        assert!(err.to_string().contains(PATH), "{err}");
    }

    #[test]
    fn new_passphrases_need_eight_characters_old_ones_do_not() {
        let short = PassphraseSource::given(Secret::new("密码短语"));
        let err = resolve(&short, PassphrasePurpose::Create, None).unwrap_err();
        assert!(err.to_string().contains("this one has 4"), "{err}");
        assert!(!err.to_string().contains("密码短语"), "{err}");
        assert!(resolve(&short, PassphrasePurpose::Unlock, None).is_ok());
        let empty = PassphraseSource::given(Secret::new(""));
        assert!(resolve(&empty, PassphrasePurpose::Unlock, None).is_err());
    }
}

//! [`SecretKey`]: which secret of which account, and the name it has in the keychain.
//!
//! Every secret is stored under keychain service [`SERVICE`] (`app.ferry.desktop`) and user
//! `"<account_id>:<kind>"`, for example `acct-42:oauth_token`. Where each platform shows it is
//! in the module docs of [`crate::secrets`]; changing these names would orphan every stored
//! secret, so they are fixed.
//!
//! The encrypted file store uses the same `"<account_id>:<kind>"` names inside its file.

use std::fmt;
use std::str::FromStr;

use super::SecretsError;

/// The keychain service every Ferry secret is stored under.
pub const SERVICE: &str = "app.ferry.desktop";

/// Longest account id accepted, in UTF-8 bytes; keychains limit attribute lengths (Windows
/// target names to 32 KiB, but some Secret Service providers far less), and ids are short.
pub const MAX_ACCOUNT_ID_BYTES: usize = 256;

/// What a secret is for. The names are part of the keychain mapping, so never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SecretKind {
    /// A Mastodon (or other OAuth 2) user access token.
    OauthToken,
    /// An OAuth client secret of an app registered on a server (Mastodon's `client_secret`).
    ClientSecret,
    /// A Bluesky session's refresh token (`refreshJwt`).
    RefreshToken,
    /// A Bluesky session's access token (`accessJwt`).
    AccessToken,
    /// A Bluesky app password, used only to create a session.
    AppPassword,
    /// A Nostr private key (`nsec`, or hex).
    PrivateKey,
    /// A machine-translation provider's API key.
    ApiKey,
    /// A Telegram bot's token from @BotFather.
    BotToken,
    /// An S3 media host's access key id.
    S3KeyId,
    /// An S3 media host's secret access key.
    S3Secret,
}

impl SecretKind {
    /// Every kind, e.g. to delete all of an account's secrets.
    pub const ALL: [SecretKind; 10] = [
        SecretKind::OauthToken,
        SecretKind::ClientSecret,
        SecretKind::RefreshToken,
        SecretKind::AccessToken,
        SecretKind::AppPassword,
        SecretKind::PrivateKey,
        SecretKind::ApiKey,
        SecretKind::BotToken,
        SecretKind::S3KeyId,
        SecretKind::S3Secret,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SecretKind::OauthToken => "oauth_token",
            SecretKind::ClientSecret => "client_secret",
            SecretKind::RefreshToken => "refresh_token",
            SecretKind::AccessToken => "access_token",
            SecretKind::AppPassword => "app_password",
            SecretKind::PrivateKey => "private_key",
            SecretKind::ApiKey => "api_key",
            SecretKind::BotToken => "bot_token",
            SecretKind::S3KeyId => "s3_key_id",
            SecretKind::S3Secret => "s3_secret",
        }
    }
}

impl fmt::Display for SecretKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SecretKind {
    type Err = SecretsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SecretKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| SecretsError::BadKey {
                key: s.to_owned(),
                reason: format!(
                    "unknown secret kind; Ferry knows {}",
                    SecretKind::ALL.map(SecretKind::as_str).join(", ")
                ),
            })
    }
}

/// Names one secret: an account and what the secret is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SecretKey {
    account_id: String,
    kind: SecretKind,
}

impl SecretKey {
    /// Checks the account id: not empty, at most [`MAX_ACCOUNT_ID_BYTES`], no control
    /// characters (they would make the name unreadable in keychain UIs). CJK, emoji and
    /// colons are fine: the kind never contains a colon, so the name splits at the last one.
    pub fn new(account_id: impl Into<String>, kind: SecretKind) -> Result<Self, SecretsError> {
        let account_id = account_id.into();
        let problem = if account_id.trim().is_empty() {
            Some("the account id is empty".to_owned())
        } else if account_id.len() > MAX_ACCOUNT_ID_BYTES {
            Some(format!(
                "the account id is {} bytes; at most {MAX_ACCOUNT_ID_BYTES}",
                account_id.len()
            ))
        } else {
            account_id
                .char_indices()
                .find(|(_, c)| c.is_control())
                .map(|(at, c)| {
                    format!(
                        "the account id has a control character U+{:04X} at byte {at}",
                        c as u32
                    )
                })
        };
        match problem {
            Some(reason) => Err(SecretsError::BadKey {
                key: format!("{account_id}:{kind}"),
                reason,
            }),
            None => Ok(SecretKey { account_id, kind }),
        }
    }

    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    pub fn kind(&self) -> SecretKind {
        self.kind
    }

    /// The keychain user name: `"<account_id>:<kind>"`.
    pub fn user(&self) -> String {
        format!("{}:{}", self.account_id, self.kind)
    }

    /// Parses a keychain user name back into a key.
    pub fn parse_user(user: &str) -> Result<Self, SecretsError> {
        let (account_id, kind) = user.rsplit_once(':').ok_or_else(|| SecretsError::BadKey {
            key: user.to_owned(),
            reason: "expected \"<account_id>:<kind>\"".to_owned(),
        })?;
        SecretKey::new(account_id, kind.parse()?)
    }

    /// The label keychain UIs show for the item.
    pub fn label(&self) -> String {
        format!("Ferry: {} ({})", self.account_id, self.kind)
    }
}

impl fmt::Display for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.account_id, self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_round_trip_with_cjk_and_colons() {
        for id in [
            "acct-1",
            "小红书:渡口",
            "👩‍💻@mastodon.social",
            "did:plc:abc123",
        ] {
            for kind in SecretKind::ALL {
                let key = SecretKey::new(id, kind).unwrap();
                assert_eq!(key.user(), format!("{id}:{}", kind.as_str()));
                assert_eq!(SecretKey::parse_user(&key.user()).unwrap(), key);
            }
        }
    }

    #[test]
    fn rejects_bad_account_ids_with_the_reason() {
        let err = SecretKey::new("  ", SecretKind::ApiKey).unwrap_err();
        assert_eq!(err.code(), "secrets.bad_key");
        assert!(err.to_string().contains("empty"), "{err}");
        let err = SecretKey::new("a\nb", SecretKind::ApiKey).unwrap_err();
        assert!(err.to_string().contains("U+000A at byte 1"), "{err}");
        assert!(err.to_string().contains(r#""a\nb:api_key""#), "{err}");
        let err = SecretKey::new("x".repeat(257), SecretKind::ApiKey).unwrap_err();
        assert!(err.to_string().contains("257 bytes"), "{err}");
        let err = SecretKey::parse_user("acct:password").unwrap_err();
        assert!(err.to_string().contains("unknown secret kind"), "{err}");
    }
}

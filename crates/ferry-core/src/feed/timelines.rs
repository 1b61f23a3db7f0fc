//! The user's accounts as feed sources: which accounts have a timeline Ferry can read, and
//! asking the account's network for what is new.
//!
//! | network  | what is read                                   | reader |
//! |----------|------------------------------------------------|--------|
//! | Mastodon | the account's home timeline                    | `ferry_networks::mastodon::client` |
//! | Nostr    | notes of the accounts it follows (NIP-65 relays) | `ferry_networks::nostr::timeline` |
//! | Bluesky  | the account's following timeline (through its PDS) | `ferry_networks::bluesky::client` |
//!
//! A failure is a [`ReadFailure`]: the source's health and a message naming the account, kept
//! on the source like a feed's; it never stops other sources.

use chrono::{DateTime, Utc};
use ferry_networks::http::ClientError;
use ferry_networks::rss::SourceHealth;
use ferry_networks::timeline::{TimelineFetch, TimelineRequest};

use crate::accounts::{Account, AccountError, Accounts, KeptSession};
use crate::model::Network;

/// Posts one refresh (or one load of a gap) may bring per account; more than that leaves a
/// gap.
pub const MAX_POSTS: usize = 200;
/// How often an account's timeline is read while Ferry runs.
pub(super) const INTERVAL: chrono::Duration = chrono::Duration::minutes(5);

/// Why reading a timeline failed, as the source records it.
#[derive(Debug)]
pub(super) struct ReadFailure {
    pub health: SourceHealth,
    pub message: String,
    pub retry_at: Option<DateTime<Utc>>,
}

/// The source address of an account with a readable timeline, `None` for the others.
pub(super) fn source_url(account: &Account) -> Option<String> {
    match account.network {
        Network::Mastodon => {
            let server = account.server_url.as_deref()?.trim_end_matches('/');
            let user = account.handle.trim_start_matches('@');
            let user = user.split('@').next().unwrap_or(user);
            Some(format!("{server}/@{user}"))
        }
        Network::Nostr => Some(format!("nostr:{}", account.handle)),
        Network::Bluesky => Some(format!("at://{}", account.remote_id)),
        _ => None,
    }
}

/// Reads what is new on the account's timeline since `request.since` (from the top, or from
/// `request.resume` when loading a gap).
pub(super) async fn read(
    accounts: &Accounts,
    account: &Account,
    request: &TimelineRequest,
) -> Result<TimelineFetch, ReadFailure> {
    match account.network {
        Network::Nostr => read_nostr(account, request).await,
        Network::Mastodon => read_mastodon(accounts, account, request).await,
        Network::Bluesky => read_bluesky(accounts, account, request).await,
        _ => Err(ReadFailure {
            health: SourceHealth::Unreachable,
            message: format!(
                "reading {}'s timeline on {} is planned",
                account.handle,
                account.network.name()
            ),
            retry_at: None,
        }),
    }
}

/// The account's home timeline, with its token from the keychain (sent only to its server).
async fn read_mastodon(
    accounts: &Accounts,
    account: &Account,
    request: &TimelineRequest,
) -> Result<TimelineFetch, ReadFailure> {
    let client = accounts.mastodon_client(account).await?;
    Ok(client.home_timeline(request).await?)
}

/// The account's following timeline, read through its own PDS (which proxies to its AppView),
/// keeping the session's rotated tokens in the keychain.
async fn read_bluesky(
    accounts: &Accounts,
    account: &Account,
    request: &TimelineRequest,
) -> Result<TimelineFetch, ReadFailure> {
    let kept = KeptSession::open(accounts, account).await?;
    kept.call(|| kept.client().following_timeline(request))
        .await
}

/// A client error as the source's health: a dead sign-in, a rate limit or server error with
/// the server's retry time, an answer that isn't a timeline, or an unreachable server.
impl From<ClientError> for ReadFailure {
    fn from(e: ClientError) -> Self {
        let (health, retry_at) = match &e {
            ClientError::Auth { .. } => (SourceHealth::SignedOut, None),
            ClientError::RateLimited { retry_at, .. } => (SourceHealth::RateLimited, *retry_at),
            ClientError::ServerError {
                status, retry_at, ..
            } => (SourceHealth::HttpError { status: *status }, *retry_at),
            ClientError::InvalidResponse { .. } | ClientError::Rejected { .. } => {
                (SourceHealth::NotAFeed, None)
            }
            _ => (SourceHealth::Unreachable, None),
        };
        ReadFailure {
            health,
            message: e.to_string(),
            retry_at,
        }
    }
}

/// The account's tokens are missing from the keychain or unreadable: sign in again.
impl From<AccountError> for ReadFailure {
    fn from(e: AccountError) -> Self {
        ReadFailure {
            health: SourceHealth::SignedOut,
            message: e.to_string(),
            retry_at: None,
        }
    }
}

/// The notes of the people the account follows, from their NIP-65 write relays and the
/// account's read relays. Only public keys are used: reading needs no secret.
async fn read_nostr(
    account: &Account,
    request: &TimelineRequest,
) -> Result<TimelineFetch, ReadFailure> {
    use ferry_networks::nostr::timeline::{TimelineError, TimelineLimits, read_follows_timeline};
    let relays: Vec<String> = account
        .relays
        .iter()
        .filter(|r| r.read)
        .map(|r| r.url.clone())
        .collect();
    read_follows_timeline(
        &account.remote_id,
        &relays,
        request,
        &TimelineLimits::default(),
    )
    .await
    .map_err(|e| ReadFailure {
        health: match e {
            TimelineError::Unreachable { .. } => SourceHealth::Unreachable,
            _ => SourceHealth::NotAFeed,
        },
        message: format!("{}: {e}", account.handle),
        retry_at: None,
    })
}

//! Sending one part of a target to its network, and checking whether a part whose answer was
//! lost exists — each network in its own way:
//!
//! | network  | idempotency key, fixed before sending | the check after an unknown outcome |
//! |----------|----------------------------------------|------------------------------------|
//! | Mastodon | `Idempotency-Key` header               | resend with the same key: the server answers the first status; after the hour it remembers keys, look for the text among the account's recent statuses |
//! | Bluesky  | the record key (a TID)                 | `getRecord` by that key; a resend with it can't make a second record |
//! | Nostr    | the signed event (its id is its hash; pictures uploaded to the media host by content hash before it is signed) | ask the relays for the id; a resend is the same event |
//! | Telegram | none: the API has no key               | none either (a bot can't read the chat): the part stays `unknown` until the person looks and settles it (`settle.rs`) |
//! | Threads  | the post's container (made first; it publishes once) | the container's status: `PUBLISHED` (the post found among the account's latest by its text) or not (publish the same container) |
//! | X        | none: the API has no key               | look for the text among the account's latest posts; not there, send again (X refuses the same text twice within hours, and the sender then looks again) |

mod bluesky;
pub(crate) mod mastodon;
mod media;
mod nostr;
mod telegram;
mod threads;
mod x;

use super::config::PublishConfig;
use super::failure::Failure;
use super::rows::{PartRow, TargetRow};
use crate::accounts::{Account, Accounts};
use crate::model::Network;
use crate::model::ReplyTarget;

/// A part that exists on the network.
#[derive(Debug, Clone)]
pub(crate) struct Posted {
    /// Mastodon status id, Bluesky `at://` URI, Nostr event id (hex), Telegram message id,
    /// Threads or X post id.
    pub remote_id: String,
    /// Bluesky: the record's CID, which replies point at.
    pub cid: Option<String>,
    pub url: Option<String>,
}

/// One account's connection to its network, shared by all its targets.
#[derive(Debug)]
pub(crate) enum Sender {
    Mastodon(mastodon::MastodonSender),
    Bluesky(bluesky::BlueskySender),
    Nostr(nostr::NostrSender),
    Telegram(telegram::TelegramSender),
    Threads(threads::ThreadsSender),
    X(x::XSender),
}

impl Sender {
    pub async fn open(
        accounts: &Accounts,
        account: &Account,
        config: &PublishConfig,
    ) -> Result<Sender, Failure> {
        Ok(match account.network {
            Network::Mastodon => {
                Sender::Mastodon(mastodon::MastodonSender::open(accounts, account).await?)
            }
            Network::Bluesky => {
                Sender::Bluesky(bluesky::BlueskySender::open(accounts, account).await?)
            }
            Network::Nostr => Sender::Nostr(nostr::NostrSender::open(accounts, account).await?),
            Network::Telegram => {
                Sender::Telegram(telegram::TelegramSender::open(accounts, account).await?)
            }
            Network::Threads => Sender::Threads(
                threads::ThreadsSender::open(accounts, account, config.threads_patience).await?,
            ),
            Network::X => Sender::X(x::XSender::open(accounts, account).await?),
            other => {
                return Err(crate::accounts::AccountError::Unsupported { network: other }.into());
            }
        })
    }

    /// Fixes what the request will carry before it is written down: Bluesky's `createdAt`,
    /// Nostr's signed event (its pictures uploaded to the media host first: they are named by
    /// their content, so doing it again writes the same objects). The caller saves the part
    /// before sending.
    pub async fn prepare(&self, target: &TargetRow, idx: usize) -> Result<PartRow, Failure> {
        let mut part = target.parts[idx].clone();
        match self {
            Sender::Mastodon(_) | Sender::Telegram(_) | Sender::X(_) => {}
            Sender::Bluesky(_) => bluesky::prepare(&mut part),
            Sender::Nostr(s) => s.prepare(target, idx, &mut part).await?,
            Sender::Threads(s) => s.prepare(target, idx, &mut part).await?,
        }
        Ok(part)
    }

    /// Whether a part that may have gone out exists: `Some` when it does, `None` when it
    /// is safe to send (again) with the same key.
    pub async fn check(&self, target: &TargetRow, idx: usize) -> Result<Option<Posted>, Failure> {
        let part = &target.parts[idx];
        match self {
            Sender::Mastodon(s) => s.check(target, idx).await,
            Sender::Bluesky(s) => s.check(part).await,
            Sender::Nostr(s) => s.check(part).await,
            Sender::Telegram(s) => Err(s.check(target, idx)),
            Sender::Threads(s) => s.check(target, idx).await,
            Sender::X(s) => s.check(target, idx).await,
        }
    }

    /// Sends part `idx` (as a reply to the part before it); images go with the first part.
    pub async fn send(&self, target: &TargetRow, idx: usize) -> Result<Posted, Failure> {
        match self {
            Sender::Mastodon(s) => s.send(target, idx).await,
            Sender::Bluesky(s) => s.send(target, idx).await,
            Sender::Nostr(s) => s.send(target, idx).await,
            Sender::Telegram(s) => s.send(target, idx).await,
            Sender::Threads(s) => s.send(target, idx).await,
            Sender::X(s) => s.send(target, idx).await,
        }
    }
}

/// What part `idx` of a target answers.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Answers<'a> {
    /// Nothing: the first part of a post that is not a reply.
    Nothing,
    /// The post the draft replies to (the first part of a reply).
    Reply(&'a ReplyTarget),
    /// The part before it, in the thread that starts with `first` — or, when the draft is a
    /// reply, inside the conversation of `reply`.
    Part {
        first: &'a PartRow,
        previous: &'a PartRow,
        reply: Option<&'a ReplyTarget>,
    },
}

pub(crate) fn answers(target: &TargetRow, idx: usize) -> Answers<'_> {
    match (idx, &target.reply) {
        (0, None) => Answers::Nothing,
        (0, Some(reply)) => Answers::Reply(reply),
        (_, reply) => Answers::Part {
            first: &target.parts[0],
            previous: &target.parts[idx - 1],
            reply: reply.as_ref(),
        },
    }
}

impl Answers<'_> {
    /// The id of the post answered (Mastodon's `in_reply_to_id`), once that post exists.
    pub fn parent_id(&self) -> Option<String> {
        match self {
            Answers::Nothing => None,
            Answers::Reply(reply) => Some(reply.remote_id.clone()),
            Answers::Part { previous, .. } => previous.remote_id.clone(),
        }
    }
}

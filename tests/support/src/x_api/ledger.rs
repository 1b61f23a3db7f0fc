//! Pay-per-usage credits, from X's pricing page: an account buys credits up front and each
//! request is charged by what it does — a post created, a post or user read, media metadata
//! set — while uploads are free. When the balance can't cover a request, X refuses it with
//! 402 before doing anything. Amounts are in micro-dollars, so no cent is lost to rounding.

use super::USER_ID;
use super::errors::XError;

/// `POST /2/tweets`.
pub(crate) const CONTENT_CREATE: u64 = 15_000;
/// `POST /2/tweets` whose text holds a link: priced apart, and much higher.
pub(crate) const CONTENT_CREATE_WITH_URL: u64 = 200_000;
/// `POST /2/media/metadata`.
pub(crate) const MEDIA_METADATA: u64 = 5_000;
/// Each user or post read that belongs to the token's own account.
pub(crate) const OWNED_READ: u64 = 1_000;
/// Each post read that belongs to another account.
pub(crate) const POST_READ: u64 = 5_000;

/// One charge against the balance.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Charge {
    /// The pricing page's name for it: "Content: Create", "Content: Create (with URL)",
    /// "Media Metadata", "Owned Reads" or "Posts: Read".
    pub what: &'static str,
    pub micro_dollars: u64,
}

pub(crate) struct Ledger {
    pub credits: u64,
    pub charges: Vec<Charge>,
}

impl Ledger {
    pub fn new() -> Ledger {
        Ledger {
            credits: 100_000_000,
            charges: Vec::new(),
        }
    }

    /// Refuses what the balance can't cover; call it before writing anything, then
    /// [`Ledger::charge`] once the request has done its work.
    pub fn check(&self, micro_dollars: u64) -> Result<(), XError> {
        if self.credits < micro_dollars {
            return Err(XError::CreditsDepleted);
        }
        Ok(())
    }

    /// Takes a checked amount; nothing is recorded for a free request (a read of nothing).
    pub fn charge(&mut self, what: &'static str, micro_dollars: u64) {
        if micro_dollars == 0 {
            return;
        }
        self.credits -= micro_dollars;
        self.charges.push(Charge {
            what,
            micro_dollars,
        });
    }

    pub fn total(&self) -> u64 {
        self.charges.iter().map(|c| c.micro_dollars).sum()
    }
}

/// What creating a post with this text costs, and the charge's name.
pub(crate) fn create_price(text: &str) -> (&'static str, u64) {
    let lower = text.to_lowercase();
    if lower.contains("http://") || lower.contains("https://") {
        ("Content: Create (with URL)", CONTENT_CREATE_WITH_URL)
    } else {
        ("Content: Create", CONTENT_CREATE)
    }
}

/// What reading `count` posts of `owner` costs: the token's own are "Owned Reads".
pub(crate) fn read_price(owner: &str, count: usize) -> (&'static str, u64) {
    if owner == USER_ID {
        ("Owned Reads", OWNED_READ * count as u64)
    } else {
        ("Posts: Read", POST_READ * count as u64)
    }
}

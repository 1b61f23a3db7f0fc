//! Which targets of an item a server should keep, and exactly what: the draft as it is now,
//! planned as the outbox would plan it at the item's time. A copy is wanted for a Mastodon
//! account whose switch is on when the account's part of the draft is one status (whether it
//! is far enough ahead to hand over is `far_enough`, decided with the copy that exists) (a thread's later parts answer statuses that don't exist yet, so a
//! thread stays with Ferry).

use chrono::{DateTime, Duration, Utc};
use ferry_networks::mastodon::client::SCHEDULE_MIN_LEAD;
use sha2::{Digest, Sha256};

use crate::accounts::Account;
use crate::error::ErrorPayload;
use crate::model::{Draft, LangTag, Network};
use crate::outbox::images::PlannedMedia;
use crate::outbox::plan;
use crate::schedule::StoredSchedule;

/// Margin over the server's 5 minutes: the request, a slow server, clocks that disagree.
const CREATE_MARGIN: Duration = Duration::minutes(2);

/// Whether a server can still be given (or moved to) `due_at`: 7 minutes ahead or more. Nearer
/// than that, a copy that no longer matches the item is withdrawn and Ferry sends it.
pub(crate) fn far_enough(due_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    due_at >= now + SCHEDULE_MIN_LEAD + CREATE_MARGIN
}

/// Why a copy was not made, or was taken back, that near the time.
pub(crate) fn too_near() -> ErrorPayload {
    ErrorPayload {
        code: "schedule.too_soon_for_server".into(),
        message: "less than 7 minutes before its time: the server keeps only posts at least 5 \
                  minutes ahead, so Ferry sends this one itself"
            .into(),
    }
}

/// What a server would be given for one account of an item.
#[derive(Debug, Clone)]
pub(crate) struct WantedCopy {
    pub account: Account,
    pub text: String,
    pub lang: LangTag,
    pub media: Vec<PlannedMedia>,
    pub due_at: DateTime<Utc>,
    /// Changes whenever what the server would be given changes.
    pub fingerprint: String,
}

/// For each Mastodon account of `item` (the others never have server copies): the copy its
/// server should keep, or why Ferry keeps that target itself.
pub(crate) fn wanted_copies(
    draft: &Draft,
    item: &StoredSchedule,
    all: &[Account],
    switched_on: impl Fn(&str) -> bool,
) -> Vec<(String, Result<WantedCopy, ErrorPayload>)> {
    let due_at = item.schedule.due_at;
    let mut out = Vec::new();
    for id in &item.accounts {
        let Some(account) = all.iter().find(|a| &a.id == id) else {
            continue;
        };
        if account.network != Network::Mastodon {
            continue;
        }
        let why_not = |code: &str, message: String| {
            Err(ErrorPayload {
                code: code.to_owned(),
                message,
            })
        };
        let wanted = if !switched_on(id) {
            why_not(
                "schedule.server_off",
                format!("the server's schedule is off for {}", account.handle),
            )
        } else {
            one_status(draft, item, account.clone(), due_at)
        };
        out.push((id.clone(), wanted));
    }
    out
}

fn one_status(
    draft: &Draft,
    item: &StoredSchedule,
    account: Account,
    due_at: DateTime<Utc>,
) -> Result<WantedCopy, ErrorPayload> {
    let mut request = item.request();
    request.to = vec![account.id.clone()];
    let handle = account.handle.clone();
    let planned = plan::plan(draft, vec![account], &request).map_err(|e| ErrorPayload {
        code: e.code().to_owned(),
        message: e.to_string(),
    })?;
    let [target] = planned.as_slice() else {
        return Err(ErrorPayload {
            code: "schedule.server_variants".into(),
            message: format!(
                "{handle} gets {} variants; the server keeps one status per item",
                planned.len()
            ),
        });
    };
    if let Some(refusal) = &target.refusal {
        return Err(refusal.clone());
    }
    let [text] = target.parts.as_slice() else {
        return Err(ErrorPayload {
            code: "schedule.server_thread".into(),
            message: format!(
                "a thread of {} parts for {handle}: its replies can only follow a posted status",
                target.parts.len()
            ),
        });
    };
    if target.reply.is_some() {
        // The server's copy would go out as a post of its own; Ferry sends the reply itself.
        return Err(ErrorPayload {
            code: "schedule.server_reply".into(),
            message: format!("a reply from {handle}: Ferry sends it at the time itself"),
        });
    }
    let mut hash = Sha256::new();
    for piece in [text.as_str(), target.lang.as_str()] {
        hash.update(piece.as_bytes());
        hash.update([0]);
    }
    for image in &target.media {
        for piece in [image.stored_name.as_str(), image.alt.as_str()] {
            hash.update(piece.as_bytes());
            hash.update([0]);
        }
    }
    Ok(WantedCopy {
        account: target.account.clone(),
        text: text.clone(),
        lang: target.lang.clone(),
        media: target.media.clone(),
        due_at,
        fingerprint: hex::encode(hash.finalize()),
    })
}

//! What a post costs where posting is paid for — X, whose API charges the person's app for
//! every post — shown before the first post of a draft and accepted explicitly: a publish
//! request with an X target and no `accept_x_cost` is refused, naming the price. A scheduled
//! item keeps the sum accepted when it was scheduled; at its time X targets that would cost
//! more are held back.

use ferry_networks::x::cost::{PRICES_AS_OF, estimate, usd};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::PublishError;
use super::model::{AudienceMapping, PublishRequest};
use super::plan::{self, PlannedTarget};
use crate::ErrorPayload;
use crate::accounts::Account;
use crate::model::{Draft, Network};

/// The expected charge for one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PostCost {
    /// Posts without a link, and with one (which cost more).
    pub posts: u32,
    pub posts_with_link: u32,
    /// Pictures with alt text (X charges for each).
    pub alt_texts: u32,
    /// Millionths of a US dollar.
    #[ts(type = "number")]
    pub micro_dollars: u64,
    /// The same as text: `$0.215`.
    pub usd: String,
    /// When Ferry's prices were last compared with X's.
    pub prices_as_of: String,
}

/// The cost of a planned target, for networks that charge (X); `None` elsewhere or when the
/// target is refused anyway.
pub(crate) fn for_target(target: &PlannedTarget) -> Option<PostCost> {
    if target.account.network != Network::X || target.refusal.is_some() {
        return None;
    }
    let parts: Vec<&str> = target.parts.iter().map(String::as_str).collect();
    let alts = target
        .media
        .iter()
        .filter(|m| !m.alt.trim().is_empty())
        .count();
    let e = estimate(&parts, alts);
    Some(PostCost {
        posts: e.posts,
        posts_with_link: e.posts_with_link,
        alt_texts: e.alt_texts,
        micro_dollars: e.micro_dollars,
        usd: usd(e.micro_dollars),
        prices_as_of: PRICES_AS_OF.to_owned(),
    })
}

/// Refuses a plan that would spend money the request did not accept.
pub(crate) fn check_accepted(
    request: &PublishRequest,
    planned: &[PlannedTarget],
) -> Result<(), PublishError> {
    if request.accept_x_cost {
        return Ok(());
    }
    match x_total(planned) {
        Some(total) => Err(PublishError::CostNotAccepted {
            draft: request.draft_id.clone(),
            usd: usd(total),
        }),
        None => Ok(()),
    }
}

/// What the plan's X targets cost together; `None` when it has none that would go out.
fn x_total(planned: &[PlannedTarget]) -> Option<u64> {
    let costs: Vec<u64> = planned
        .iter()
        .filter_map(for_target)
        .map(|c| c.micro_dollars)
        .collect();
    (!costs.is_empty()).then(|| costs.iter().sum())
}

/// What posting `draft` to `accounts` as it is now would cost on X; `None` when no X target
/// would go out (none is chosen, or the draft can't be planned: then nothing is spent, and
/// the hand-over says why).
pub(crate) fn x_cost_now(
    draft: &Draft,
    accounts: &[String],
    mapping: &[AudienceMapping],
    all: &[Account],
) -> Option<u64> {
    let request = PublishRequest {
        draft_id: draft.id.clone(),
        to: accounts.to_vec(),
        mapping: mapping.to_vec(),
        // As the hand-over plans it: a long text is a thread, each part a paid post.
        allow_threads: true,
        accept_x_cost: false,
    };
    let planned = plan::accounts_for(draft, &request, all)
        .and_then(|chosen| plan::plan(draft, chosen, &request))
        .ok()?;
    x_total(&planned)
}

/// A scheduled item at its time: when its X targets would now cost more than was accepted
/// when it was scheduled (the draft changed since), they are not sent — each fails saying
/// both prices — and the other targets go out.
pub(crate) fn hold_unaccepted(planned: &mut [PlannedTarget], accepted: Option<u64>) {
    let Some(total) = x_total(planned) else {
        return;
    };
    let accepted = accepted.unwrap_or(0);
    if total <= accepted {
        return;
    }
    let message = format!(
        "x: posting this draft now costs about {}, more than the {} accepted when it was \
         scheduled (the draft changed since); post it to X with \"Post now\" to accept the new \
         cost",
        usd(total),
        usd(accepted)
    );
    for target in planned.iter_mut() {
        if for_target(target).is_some() {
            target.refusal = Some(ErrorPayload {
                code: "outbox.cost_not_accepted".into(),
                message: message.clone(),
            });
        }
    }
}

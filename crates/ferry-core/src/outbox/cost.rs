//! What a post costs where posting is paid for — X, whose API charges the person's app for
//! every post — shown before the first post of a draft and accepted explicitly: a publish
//! request with an X target and no `accept_x_cost` is refused, naming the price.

use ferry_networks::x::cost::{PRICES_AS_OF, estimate, usd};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::PublishError;
use super::model::PublishRequest;
use super::plan::PlannedTarget;
use crate::model::Network;

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
    let total: u64 = planned
        .iter()
        .filter_map(for_target)
        .map(|c| c.micro_dollars)
        .sum();
    if planned.iter().any(|t| for_target(t).is_some()) {
        return Err(PublishError::CostNotAccepted {
            draft: request.draft_id.clone(),
            usd: usd(total),
        });
    }
    Ok(())
}

//! What "Post now" would send, without sending or writing anything: the composer shows it
//! before the person confirms, and the planning rules are tested through it.
//!
//! ```no_run
//! # async fn demo(accounts: ferry_core::accounts::Accounts, draft: ferry_core::Draft) -> Result<(), ferry_core::outbox::PublishError> {
//! use ferry_core::outbox::{PublishRequest, preview};
//! let request = PublishRequest { draft_id: draft.id.clone(), allow_threads: true, ..Default::default() };
//! for target in preview(&draft, &accounts.list().await?, &request)? {
//!     println!("{} {} → {} part(s) {:?}", target.account_id, target.lang, target.parts.len(), target.refusal);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cost::{self, PostCost};
use super::error::PublishError;
use super::model::PublishRequest;
use super::plan;
use crate::ErrorPayload;
use crate::accounts::Account;
use crate::model::{Draft, LangTag, Network};

/// One (variant, account) target as it would be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TargetPreview {
    pub account_id: String,
    pub network: Network,
    pub lang: LangTag,
    /// The text as posted: one part, or a thread's parts (numbered `i/n`).
    pub parts: Vec<String>,
    pub images: u32,
    /// Why it would not be sent (too long without threads, no variant for the audience …).
    pub refusal: Option<ErrorPayload>,
    /// What sending it costs, where the network charges for posts (X).
    pub cost: Option<PostCost>,
}

/// The targets `request` makes of `draft` with these accounts.
pub fn preview(
    draft: &Draft,
    accounts: &[Account],
    request: &PublishRequest,
) -> Result<Vec<TargetPreview>, PublishError> {
    let chosen = plan::accounts_for(draft, request, accounts)?;
    Ok(plan::plan(draft, chosen, request)?
        .into_iter()
        .map(|t| TargetPreview {
            cost: cost::for_target(&t),
            account_id: t.account.id,
            network: t.account.network,
            lang: t.lang,
            parts: t.parts,
            images: t.media.len() as u32,
            refusal: t.refusal,
        })
        .collect())
}

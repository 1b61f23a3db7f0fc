//! Live counters and previews: what each of a draft's target networks gets from one variant,
//! measured and cut into spans — built in `ferry_core::checks`, the code `ferry check` and the
//! publisher run, so the composer, the CLI and "Post now" agree on every number.
//!
//! ```text
//! invoke("check_variant", { request: { content, lang: "en", limits: { mastodon: 11000 } } })
//!   → [{ network: "x", text, body, title, titleLength, titleLimit, topics, fromOverride,
//!        misshapenImages, preview }, …]
//! ```

use ferry_core::checks::{self, NetworkCheck, VariantCheckRequest};

use crate::error::CommandResult;

/// Checks the variant in `lang` on every network the draft targets, in the targets' order.
#[ferry_macros::command]
pub async fn check_variant(request: VariantCheckRequest) -> CommandResult<Vec<NetworkCheck>> {
    Ok(checks::check_variant(&request)?)
}

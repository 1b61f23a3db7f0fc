//! A stored draft checked exactly as the composer checks it: each variant (or the one asked
//! for) on each target network, Mastodon counted against the limit of the account the
//! composer would use. `ferry check --draft` prints this.

use serde::Serialize;

use super::limits::NetworkLimits;
use super::variant::{NetworkCheck, VariantCheckRequest, check_variant};
use crate::accounts::Account;
use crate::error::StoreError;
use crate::model::{Draft, LangTag};

/// One variant's checks, one per target network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VariantChecks {
    pub lang: LangTag,
    pub checks: Vec<NetworkCheck>,
}

impl VariantChecks {
    /// Whether every network would take this variant as it is (no counter in red).
    pub fn fits(&self) -> bool {
        self.checks.iter().all(|c| c.preview.measurement.ok)
    }
}

/// `draft`'s variants in order (only `lang` when given) checked on its target networks, with
/// the limits [`NetworkLimits::for_targets`] picks from `accounts`. A `lang` the draft has
/// no variant for is `draft.invalid`, naming the languages it has.
pub fn check_draft(
    draft: &Draft,
    accounts: &[Account],
    lang: Option<&LangTag>,
) -> Result<Vec<VariantChecks>, StoreError> {
    let content = &draft.content;
    let langs: Vec<&LangTag> = content
        .variants
        .iter()
        .map(|v| &v.lang)
        .filter(|l| lang.is_none_or(|wanted| wanted == *l))
        .collect();
    if let (Some(wanted), true) = (lang, langs.is_empty()) {
        let have: Vec<&str> = content.variants.iter().map(|v| v.lang.as_str()).collect();
        return Err(StoreError::Invalid {
            field: "lang".into(),
            reason: format!(
                "draft {} has no {wanted} variant (it has {})",
                draft.id,
                if have.is_empty() {
                    "none".to_owned()
                } else {
                    have.join(", ")
                }
            ),
        });
    }
    let limits = NetworkLimits::for_targets(accounts, &content.targets);
    langs
        .into_iter()
        .map(|lang| {
            let request = VariantCheckRequest {
                limits,
                ..VariantCheckRequest::new(content.clone(), lang.clone())
            };
            Ok(VariantChecks {
                lang: lang.clone(),
                checks: check_variant(&request)?,
            })
        })
        .collect()
}

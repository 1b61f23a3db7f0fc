//! Who gets what: the accounts a publish goes to (named ones, or the draft's targets), and the
//! variants each account's audience reads — or an explicit mapping.

use super::error::PublishError;
use super::model::{AudienceMapping, PublishRequest};
use crate::accounts::{Account, AccountError};
use crate::model::{Draft, LangTag};

/// The accounts a request goes to: `to`, else the draft's targets; a reply's account alone.
pub(crate) fn accounts_for(
    draft: &Draft,
    request: &PublishRequest,
    all: &[Account],
) -> Result<Vec<Account>, PublishError> {
    let find = |id: &str| {
        all.iter()
            .find(|a| a.id == id)
            .cloned()
            .ok_or_else(|| PublishError::Account(AccountError::NotFound { id: id.to_owned() }))
    };
    if let Some(reply) = &draft.content.reply_to {
        // A reply answers a post one account read; it goes there and nowhere else.
        if request.to.iter().any(|id| *id != reply.account_id) {
            return Err(PublishError::ReplyElsewhere {
                draft: draft.id.clone(),
                account: reply.account_id.clone(),
            });
        }
        return Ok(vec![find(&reply.account_id)?]);
    }
    let mut chosen: Vec<Account> = Vec::new();
    let mut push = |account: Account| {
        if !chosen.iter().any(|a| a.id == account.id) {
            chosen.push(account);
        }
    };
    if !request.to.is_empty() {
        for id in &request.to {
            push(find(id)?);
        }
    } else {
        for target in &draft.content.targets {
            let account = match &target.account_id {
                Some(id) => find(id)?,
                None => all
                    .iter()
                    .find(|a| a.network == target.network)
                    .cloned()
                    .ok_or(PublishError::NoAccount {
                        draft: draft.id.clone(),
                        network: target.network,
                    })?,
            };
            push(account);
        }
    }
    if chosen.is_empty() {
        return Err(PublishError::NoTargets {
            draft: draft.id.clone(),
        });
    }
    Ok(chosen)
}

/// The languages `account` should get: the mapping's, else its audience, else the main one.
pub(crate) fn wanted_langs(
    account: &Account,
    mapping: &[AudienceMapping],
    main: &LangTag,
) -> Vec<LangTag> {
    if let Some(map) = mapping.iter().find(|m| m.account_id == account.id) {
        return map.langs.clone();
    }
    if account.audience.is_empty() {
        return vec![main.clone()];
    }
    account.audience.clone()
}

/// The draft's variants each wanted language reads: the same tag, or one that narrows or
/// widens it (`zh` reads `zh-Hans`; `zh-Hans-CN` reads `zh-Hans`).
pub(crate) fn match_variants(draft: &Draft, wanted: &[LangTag]) -> Vec<LangTag> {
    let related = |a: &str, b: &str| {
        a == b || b.starts_with(&format!("{a}-")) || a.starts_with(&format!("{b}-"))
    };
    let mut out: Vec<LangTag> = Vec::new();
    for want in wanted {
        let variants = &draft.content.variants;
        let found = variants.iter().find(|v| v.lang == *want).or_else(|| {
            variants
                .iter()
                .find(|v| related(want.as_str(), v.lang.as_str()))
        });
        if let Some(v) = found
            && !out.contains(&v.lang)
        {
            out.push(v.lang.clone());
        }
    }
    out
}

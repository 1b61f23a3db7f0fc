//! The refresh itself, in four or five rounds of concurrent relay requests: the follow list,
//! the followed authors' relay lists, their notes and reposts, the notes of reposts that only
//! name them, the profiles of whoever wrote or reposted them.

use std::collections::{BTreeSet, HashMap};

use ::nostr::prelude::{Event, PublicKey};
use serde_json::json;

use super::fanout::{RelayAnswer, ask_all, author_filters, checked_events, none_answered};
use super::outbox::{RelayPlan, plan, relay_url, write_relays};
use super::{
    TimelineError, TimelineLimits, cursor, deletions, follows, latest, post, profile, reposts,
};
use crate::timeline::{TimelineFetch, TimelineRequest};

const FOLLOW_LIST: u16 = 3;
const RELAY_LIST: u16 = 10002;
const NOTE: u16 = 1;
const REPOST: u16 = 6;
const PROFILE: u16 = 0;

/// The notes of the people `account` follows that are new since `request.since`; see the
/// module docs for the rules.
pub async fn read_follows_timeline(
    account: &str,
    account_read_relays: &[String],
    request: &TimelineRequest,
    limits: &TimelineLimits,
) -> Result<TimelineFetch, TimelineError> {
    let account = PublicKey::parse(account.trim()).map_err(|_| TimelineError::InvalidAccount {
        input: account.to_owned(),
    })?;
    let mut read_relays: Vec<String> = Vec::new();
    for url in account_read_relays.iter().filter_map(|u| relay_url(u)) {
        if !read_relays.contains(&url) {
            read_relays.push(url);
        }
    }
    read_relays.truncate(limits.max_relays);
    if read_relays.is_empty() {
        return Err(TimelineError::NoReadRelays {
            given: account_read_relays.to_vec(),
        });
    }
    let old_cursor = cursor::parse(request.since.as_deref())?;
    // A gap's load reads down from where the read that left it stopped.
    let until = cursor::parse(request.resume.as_deref())?;
    let ask_mine = |filter: serde_json::Value| {
        let requests = read_relays
            .iter()
            .map(|r| (r.clone(), vec![filter.clone()]));
        ask_all(requests.collect(), limits.relay_timeout)
    };

    // 1. Whom the account follows. No follow list anywhere: nobody to read, an empty timeline.
    let answers = ask_mine(json!({"kinds": [FOLLOW_LIST], "authors": [account.to_hex()]})).await;
    none_answered(&answers, "follow list")?;
    let lists = checked_events(&answers, FOLLOW_LIST, |e| e.pubkey == account);
    let follows: BTreeSet<PublicKey> = latest::newest_by_author(lists)
        .get(&account)
        .map(|list| follows::followed(list))
        .unwrap_or_default();
    let mut gap = !answers.iter().all(RelayAnswer::complete);
    if follows.is_empty() {
        return Ok(TimelineFetch {
            posts: Vec::new(),
            cursor: request.since.clone(),
            reached_since: !gap,
            withdrawn: Vec::new(),
            resume: request.resume.clone().filter(|_| gap),
        });
    }

    // 2. Where they write (NIP-65), read on the account's relays.
    let authors: Vec<PublicKey> = follows.iter().copied().collect();
    let filters = author_filters(&authors, &json!({"kinds": [RELAY_LIST]}));
    let requests = read_relays.iter().map(|r| (r.clone(), filters.clone()));
    let answers = ask_all(requests.collect(), limits.relay_timeout).await;
    gap |= !answers.iter().all(RelayAnswer::complete);
    let lists = checked_events(&answers, RELAY_LIST, |e| follows.contains(&e.pubkey));
    let writes: HashMap<PublicKey, Vec<String>> = latest::newest_by_author(lists)
        .into_iter()
        .map(|(author, list)| (author, write_relays(list)))
        .collect();
    let relay_plan = plan(&read_relays, &follows, &writes, limits.max_relays);
    gap |= !relay_plan.uncovered.is_empty();

    // 3. Their notes, reposts and deletions since the cursor (less the slack). A deletion is
    // newer than what it deletes, so one of a cached note arrives in a later refresh.
    let since = cursor::query_since(old_cursor, limits.since_slack);
    let mut template = json!({
        "kinds": [NOTE, REPOST, deletions::DELETION],
        "limit": request.max_posts
    });
    if let Some(since) = since {
        template["since"] = json!(since);
    }
    if let Some(until) = until {
        template["until"] = json!(until);
    }
    let answers = ask_all(
        per_relay(&relay_plan, |_| true, &template),
        limits.relay_timeout,
    )
    .await;
    none_answered(&answers, "notes")?;
    gap |= !answers.iter().all(RelayAnswer::complete);
    // A relay that sent its whole `limit` may have had older notes past it.
    let mut cut = answers
        .iter()
        .any(|a| a.answer.events.len() >= request.max_posts);
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
    // Never an unfollowed author, whatever a relay sends; never older or newer than asked (a
    // relay ignoring `since` would otherwise resend the whole history).
    let wanted = |e: &Event| {
        let at = e.created_at.as_secs();
        follows.contains(&e.pubkey)
            && since.is_none_or(|s| at >= s)
            && until.is_none_or(|u| at <= u)
    };
    let notes = checked_events(&answers, NOTE, wanted);
    let shared = checked_events(&answers, REPOST, wanted);
    let withdrawn = deletions::withdrawn(&checked_events(&answers, deletions::DELETION, wanted));
    // 3b. The notes of reposts that only name them, from the account's relays and the ones
    // the reposts suggest. Missing ones only cost those reposts: not a gap.
    let (named, hints) = reposts::named_notes(&shared);
    let named_answers = if named.is_empty() {
        Vec::new()
    } else {
        let mut relays = read_relays.clone();
        for hint in hints.iter().filter_map(|h| relay_url(h)) {
            if relays.len() < limits.max_relays && !relays.contains(&hint) {
                relays.push(hint);
            }
        }
        let filter = json!({"ids": named, "kinds": [NOTE]});
        let requests = relays.into_iter().map(|r| (r, vec![filter.clone()]));
        ask_all(requests.collect(), limits.relay_timeout).await
    };
    let fetched = checked_events(&named_answers, NOTE, |e| named.contains(&e.id.to_hex()));
    let mut entries = reposts::merge(notes, shared, &fetched, now);
    deletions::drop_withdrawn(&mut entries, &withdrawn);
    if entries.len() > request.max_posts {
        entries.truncate(request.max_posts);
        cut = true;
    }
    gap |= cut;
    // Cut by a limit: go on from the oldest kept (that second is read again; the cache keeps
    // one of each). Short for another reason (a relay that failed): the same window again.
    let resume = match (gap, cut, entries.last()) {
        (false, _, _) => None,
        (true, true, Some(oldest)) => Some(post::clamped_secs(oldest.arrival(), now).to_string()),
        (true, _, _) => request.resume.clone(),
    };

    // 4. Who wrote and who reposted them: followed people on the planned relays, the authors
    // of reposted notes on the account's own. A missing profile only costs a name: not a gap.
    let wrote: BTreeSet<PublicKey> = entries
        .iter()
        .flat_map(|e| [e.note().pubkey, e.arrival().pubkey])
        .collect();
    let template = json!({"kinds": [PROFILE]});
    let mut requests = per_relay(&relay_plan, |a| wrote.contains(a), &template);
    let strangers: Vec<PublicKey> = wrote
        .iter()
        .copied()
        .filter(|a| !follows.contains(a))
        .collect();
    if !strangers.is_empty() {
        let filters = author_filters(&strangers, &template);
        requests.extend(read_relays.iter().map(|r| (r.clone(), filters.clone())));
    }
    let answers = ask_all(requests, limits.relay_timeout).await;
    let profiles = checked_events(&answers, PROFILE, |e| wrote.contains(&e.pubkey));
    let profiles = latest::newest_by_author(profiles);
    let author = |key: &PublicKey| profile::author(key, profiles.get(key).copied());

    let newest = entries
        .first()
        .map(|e| post::clamped_secs(e.arrival(), now));
    let posts = entries
        .iter()
        .map(|entry| {
            let note = entry.note();
            let mut post = post::to_post(note, author(&note.pubkey), now, limits.max_text_chars);
            if let reposts::Entry::Repost { by, .. } = entry {
                post.boosted_by = Some(author(&by.pubkey));
            }
            post
        })
        .collect();
    Ok(TimelineFetch {
        posts,
        cursor: cursor::next(old_cursor, newest),
        reached_since: !gap,
        withdrawn,
        resume,
    })
}

/// Each planned relay with `template` for its authors that pass `keep`; relays left with
/// nobody to ask about are not contacted.
fn per_relay(
    relay_plan: &RelayPlan,
    keep: impl Fn(&PublicKey) -> bool,
    template: &serde_json::Value,
) -> Vec<(String, Vec<serde_json::Value>)> {
    relay_plan
        .relays
        .iter()
        .filter_map(|(relay, authors)| {
            let authors: Vec<PublicKey> = authors.iter().copied().filter(|a| keep(a)).collect();
            (!authors.is_empty()).then(|| (relay.clone(), author_filters(&authors, template)))
        })
        .collect()
}

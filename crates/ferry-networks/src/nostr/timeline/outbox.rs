//! Where to read whom (NIP-65, the "outbox model"): people publish to their *write* relays,
//! listed in their kind 10002 event, so an author's notes are read there and on the account's
//! own read relays.
//!
//! With many follows the write relays add up, so at most `max_relays` are connected: the
//! account's read relays first, then greedily the write relay that serves the most authors
//! not yet served by any chosen relay. Authors left with none of their write relays chosen
//! are still read on the account's relays, but their notes may be elsewhere: the fetch then
//! reports a possible gap.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ::nostr::prelude::{Event, PublicKey};

/// `url` as a relay address: ws:// or wss:// with a host, lowercased scheme and host, no
/// trailing `/` on a bare host (so `wss://Relay.example/` and `wss://relay.example` are one
/// relay). `None` for anything else.
pub fn relay_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "ws" | "wss") || parsed.host_str().is_none() {
        return None;
    }
    let text = parsed.to_string();
    Some(match text.strip_suffix('/') {
        Some(bare) if parsed.path() == "/" && parsed.query().is_none() => bare.to_owned(),
        _ => text,
    })
}

/// The write relays in a kind 10002 list: `r` tags with no marker or the marker `write`.
pub fn write_relays(list: &Event) -> Vec<String> {
    let mut relays: Vec<String> = Vec::new();
    for tag in list.tags.iter() {
        let url = match tag.as_slice() {
            [name, url] if name == "r" => relay_url(url),
            [name, url, marker, ..] if name == "r" && marker == "write" => relay_url(url),
            _ => None,
        };
        if let Some(url) = url.filter(|u| !relays.contains(u)) {
            relays.push(url);
        }
    }
    relays
}

/// The relays to connect and whom to ask each for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RelayPlan {
    /// In connection order; every author appears under at least one relay.
    pub relays: Vec<(String, Vec<PublicKey>)>,
    /// Authors none of whose write relays fit under the cap (read on the account's relays only).
    pub uncovered: Vec<PublicKey>,
}

/// Plans the reads for `follows`, given each author's write relays (authors without a list
/// are read on `account_relays` only).
pub fn plan(
    account_relays: &[String],
    follows: &BTreeSet<PublicKey>,
    writes: &HashMap<PublicKey, Vec<String>>,
    max_relays: usize,
) -> RelayPlan {
    let mut chosen: Vec<String> = account_relays.iter().take(max_relays).cloned().collect();
    let listing = |author: &PublicKey| writes.get(author).filter(|w| !w.is_empty());
    // Authors whose notes may be out of reach until one of their write relays is chosen.
    let mut waiting: BTreeSet<PublicKey> = follows
        .iter()
        .filter(|a| listing(a).is_some_and(|w| !w.iter().any(|r| chosen.contains(r))))
        .copied()
        .collect();
    while chosen.len() < max_relays && !waiting.is_empty() {
        // BTreeMap: ties go to the first URL, so the same inputs give the same plan.
        let mut serves: BTreeMap<&String, usize> = BTreeMap::new();
        for author in &waiting {
            for relay in listing(author).into_iter().flatten() {
                *serves.entry(relay).or_default() += 1;
            }
        }
        let Some(best) = serves
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(relay, _)| (*relay).clone())
        else {
            break;
        };
        waiting.retain(|a| !listing(a).is_some_and(|w| w.contains(&best)));
        chosen.push(best);
    }
    let relays = chosen
        .into_iter()
        .map(|relay| {
            let authors = follows
                .iter()
                .filter(|a| {
                    account_relays.contains(&relay)
                        || listing(a).is_some_and(|w| w.contains(&relay))
                })
                .copied()
                .collect();
            (relay, authors)
        })
        .collect();
    RelayPlan {
        relays,
        uncovered: waiting.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::nostr::prelude::Keys;

    fn key() -> PublicKey {
        Keys::generate().public_key()
    }

    #[test]
    fn relay_urls_are_websockets_only_and_normalized() {
        assert_eq!(
            relay_url(" wss://Relay.Example/ ").as_deref(),
            Some("wss://relay.example")
        );
        assert_eq!(
            relay_url("ws://127.0.0.1:7777").as_deref(),
            Some("ws://127.0.0.1:7777")
        );
        assert_eq!(
            relay_url("wss://r.example/nostr").as_deref(),
            Some("wss://r.example/nostr")
        );
        for bad in [
            "https://relay.example",
            "relay.example",
            "wss://",
            "javascript:x",
        ] {
            assert_eq!(relay_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_cap_prefers_relays_serving_the_most_unserved_authors() {
        let (a, b, c, d) = (key(), key(), key(), key());
        let follows: BTreeSet<PublicKey> = [a, b, c, d].into();
        let mine = vec!["wss://mine".to_owned()];
        let writes: HashMap<PublicKey, Vec<String>> = [
            (a, vec!["wss://popular".into(), "wss://a-only".into()]),
            (b, vec!["wss://popular".into()]),
            (c, vec!["wss://c-only".into()]),
            (d, vec!["wss://mine".into()]),
        ]
        .into();
        let cut = plan(&mine, &follows, &writes, 2);
        let urls: Vec<&str> = cut.relays.iter().map(|(u, _)| u.as_str()).collect();
        assert_eq!(urls, ["wss://mine", "wss://popular"]);
        assert_eq!(cut.uncovered, [c], "c writes only to a relay past the cap");
        assert_eq!(
            cut.relays[0].1.len(),
            4,
            "the account's relay is asked for everyone"
        );
        let on_popular: BTreeSet<PublicKey> = cut.relays[1].1.iter().copied().collect();
        assert_eq!(on_popular, [a, b].into());

        let all = plan(&mine, &follows, &writes, 12);
        assert!(all.uncovered.is_empty());
        assert_eq!(
            all.relays.len(),
            3,
            "a-only is not needed: a is served by popular"
        );
    }
}

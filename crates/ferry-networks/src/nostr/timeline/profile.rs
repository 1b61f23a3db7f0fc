//! Who wrote a note, from their profile (kind 0: a JSON object in the content). Names are
//! what the author typed; the handle is their NIP-05 identifier *as claimed*: it is not
//! checked against the domain's `/.well-known/nostr.json` here (that is an HTTP request per
//! author; a caller that wants a verified mark does it with [`crate::nostr::nip05`] and caches
//! it; a root identifier `_@domain` is passed on as `claimed_domain`). Without one, the handle
//! is a short npub, which is what other clients show.

use ::nostr::nips::nip19::ToBech32;
use ::nostr::prelude::{Event, PublicKey};
use serde_json::Value;

use super::safe_text::{short_field, web_url};
use crate::timeline::PostAuthor;

/// Display names and handles past this are cut: they sit on one line above a post.
const MAX_NAME_CHARS: usize = 100;

/// The author `pubkey` as posts show them; `profile` is their newest kind 0, if one was found.
pub fn author(pubkey: &PublicKey, profile: Option<&Event>) -> PostAuthor {
    let fields = profile
        .and_then(|p| serde_json::from_str::<Value>(&p.content).ok())
        .filter(Value::is_object)
        .unwrap_or(Value::Null);
    let text = |key: &str| fields.get(key).and_then(Value::as_str);
    let name = ["display_name", "displayName", "name"]
        .iter()
        .find_map(|key| text(key).and_then(|v| short_field(v, MAX_NAME_CHARS)));
    let handle = text("nip05")
        .and_then(nip05_handle)
        .unwrap_or_else(|| short_npub(pubkey));
    PostAuthor {
        id: Some(pubkey.to_hex()),
        name,
        handle: Some(handle),
        avatar_url: text("picture").and_then(web_url),
        // NIP-05 is only claimed here (nothing fetched the domain's nostr.json): no proof.
        verified_domains: Vec::new(),
        claimed_domain: text("nip05").and_then(crate::nostr::nip05::root_domain),
    }
}

/// `name@domain`, or just `domain` for the root identifier `_@domain` (NIP-05 says to show it
/// so). `None` unless it has that shape.
fn nip05_handle(claimed: &str) -> Option<String> {
    let claimed = claimed.trim().to_lowercase();
    let (name, domain) = claimed.split_once('@')?;
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    let domain_ok = domain.contains('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.".contains(c));
    if !name_ok || !domain_ok || claimed.len() > MAX_NAME_CHARS {
        return None;
    }
    Some(if name == "_" {
        domain.to_owned()
    } else {
        claimed
    })
}

/// `npub1abcd…wxyz`: enough to tell people apart at a glance, short enough for one line.
pub fn short_npub(pubkey: &PublicKey) -> String {
    let npub = pubkey.to_bech32().unwrap_or_else(|_| pubkey.to_hex());
    let (start, end) = (npub.get(..9), npub.get(npub.len().saturating_sub(4)..));
    match (start, end) {
        (Some(start), Some(end)) if npub.len() > 13 => format!("{start}…{end}"),
        _ => npub,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::nostr::event::FinalizeEvent;
    use ::nostr::prelude::{EventBuilder, Keys, Kind};

    fn profile(keys: &Keys, json: &str) -> Event {
        EventBuilder::new(Kind::Metadata, json)
            .finalize(keys)
            .unwrap()
    }

    #[test]
    fn short_npub_keeps_the_prefix_and_the_tail() {
        let key = Keys::generate().public_key();
        let npub = key.to_bech32().unwrap();
        let short = short_npub(&key);
        assert_eq!(short.chars().count(), 14, "{short}");
        assert!(short.starts_with(&npub[..9]) && short.starts_with("npub1"));
        assert!(short.ends_with(&npub[npub.len() - 4..]));
        assert!(short.contains('…'));
    }

    #[test]
    fn names_handles_and_avatars() {
        let keys = Keys::generate();
        let full = profile(
            &keys,
            r#"{"name":"lin","display_name":"  林 渡口 ","nip05":"Lin@Ferry.Example","picture":"https://img.example/lin.png"}"#,
        );
        let author = author(&keys.public_key(), Some(&full));
        assert_eq!(author.name.as_deref(), Some("林 渡口"));
        assert_eq!(author.handle.as_deref(), Some("lin@ferry.example"));
        assert_eq!(
            author.avatar_url.as_deref(),
            Some("https://img.example/lin.png")
        );

        let root = profile(
            &keys,
            r#"{"name":"渡","nip05":"_@ferry.example","picture":"javascript:x"}"#,
        );
        let root = super::author(&keys.public_key(), Some(&root));
        assert_eq!(root.name.as_deref(), Some("渡"));
        assert_eq!(root.handle.as_deref(), Some("ferry.example"));
        assert_eq!(root.avatar_url, None, "only http(s) avatars");
        assert_eq!(root.claimed_domain.as_deref(), Some("ferry.example"));
        assert_eq!(
            author.claimed_domain, None,
            "a named identifier claims no domain"
        );

        for content in [r#"{"nip05":"not an identifier"}"#, "[1,2]", "not json"] {
            let odd = super::author(&keys.public_key(), Some(&profile(&keys, content)));
            assert_eq!(
                odd.handle,
                Some(short_npub(&keys.public_key())),
                "{content}"
            );
            assert_eq!(odd.name, None);
        }
        assert_eq!(
            super::author(&keys.public_key(), None).handle,
            Some(short_npub(&keys.public_key()))
        );
    }
}

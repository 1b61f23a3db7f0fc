//! Planning a publish, without a network: which variant goes to which account, overrides and
//! topics, threads that fit each network's own counting (CJK, emoji ZWJ, RTL), and refusals
//! that name the network and the excess — all through `outbox::preview`.

use chrono::Utc;
use ferry_core::accounts::{Account, AccountLimits, AccountState, Relay};
use ferry_core::outbox::{AudienceMapping, PublishRequest, TargetPreview, preview};
use ferry_core::{
    Attachment, Draft, DraftContent, LangTag, Network, NetworkOverride, Target, Variant,
};
use ferry_networks::rules::{self, Post, Settings};

fn lang(tag: &str) -> LangTag {
    LangTag::parse(tag).unwrap()
}

fn account(id: &str, network: Network, audience: &[&str]) -> Account {
    Account {
        id: id.into(),
        network,
        handle: format!("@{id}"),
        display_name: String::new(),
        server_url: None,
        remote_id: format!("remote-{id}"),
        audience: audience.iter().map(|t| lang(t)).collect(),
        limits: None,
        relays: vec![Relay {
            url: "wss://relay.example".into(),
            read: true,
            write: true,
        }],
        media_server: None,
        state: AccountState::Active,
        state_detail: None,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn draft(variants: &[(&str, &str)]) -> Draft {
    Draft {
        id: "d1".into(),
        revision: 1,
        created_at: Utc::now(),
        updated_at: Utc::now(),
        content: DraftContent {
            variants: variants
                .iter()
                .map(|(l, t)| Variant {
                    lang: lang(l),
                    text: (*t).into(),
                })
                .collect(),
            ..Default::default()
        },
    }
}

fn request(to: &[&str]) -> PublishRequest {
    PublishRequest {
        draft_id: "d1".into(),
        to: to.iter().map(|s| (*s).into()).collect(),
        mapping: Vec::new(),
        allow_threads: true,
        accept_x_cost: false,
    }
}

fn pairs(targets: &[TargetPreview]) -> Vec<(String, String)> {
    targets
        .iter()
        .map(|t| (t.account_id.clone(), t.lang.to_string()))
        .collect()
}

#[test]
fn each_account_gets_the_variants_its_audience_reads() {
    let d = draft(&[("en", "Hello"), ("zh-Hans", "你好")]);
    let accounts = [
        account("bsky-zh", Network::Bluesky, &["zh"]),
        account("masto", Network::Mastodon, &[]),
        account("nostr-both", Network::Nostr, &["en", "zh-Hans-CN"]),
        account("masto-ja", Network::Mastodon, &["ja"]),
    ];
    let got = preview(
        &d,
        &accounts,
        &request(&["bsky-zh", "masto", "nostr-both", "masto-ja"]),
    )
    .unwrap();
    let want = [
        ("bsky-zh", "zh-Hans"),
        ("masto", "en"),
        ("nostr-both", "en"),
        ("nostr-both", "zh-Hans"),
        ("masto-ja", "en"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, l)| (a.to_string(), l.to_string()))
        .collect();
    assert_eq!(pairs(&got), want);
    assert_eq!(got[0].parts, ["你好"]);
    let refusal = got[4].refusal.as_ref().expect("no ja variant");
    assert_eq!(refusal.code, "outbox.no_variant");
    assert!(
        refusal.message.contains("reads ja") && refusal.message.contains("en, zh-Hans"),
        "{}",
        refusal.message
    );

    // An explicit mapping wins over the audience.
    let mut req = request(&["bsky-zh"]);
    req.mapping = vec![AudienceMapping {
        account_id: "bsky-zh".into(),
        langs: vec![lang("en"), lang("zh-Hans")],
    }];
    let got = preview(&d, &accounts, &req).unwrap();
    assert_eq!(pairs(&got).len(), 2);
}

#[test]
fn draft_targets_pick_accounts_and_missing_ones_are_named() {
    let mut d = draft(&[("en", "Hello")]);
    d.content.targets = vec![
        Target::network(Network::Bluesky),
        Target {
            network: Network::Mastodon,
            account_id: Some("masto-2".into()),
        },
    ];
    let accounts = [
        account("bsky-1", Network::Bluesky, &[]),
        account("bsky-2", Network::Bluesky, &[]),
        account("masto-1", Network::Mastodon, &[]),
        account("masto-2", Network::Mastodon, &[]),
    ];
    let got = preview(&d, &accounts, &request(&[])).unwrap();
    let ids: Vec<&str> = got.iter().map(|t| t.account_id.as_str()).collect();
    assert_eq!(
        ids,
        ["bsky-1", "masto-2"],
        "the network's first account, or the named one"
    );

    d.content.targets.push(Target::network(Network::Nostr));
    let err = preview(&d, &accounts, &request(&[])).unwrap_err();
    assert_eq!(err.code(), "outbox.no_account");
    assert!(err.to_string().contains("targets nostr"), "{err}");

    d.content.targets.clear();
    assert_eq!(
        preview(&d, &accounts, &request(&[])).unwrap_err().code(),
        "outbox.no_targets"
    );
    let err = preview(&d, &accounts, &request(&["nope"])).unwrap_err();
    assert_eq!(err.code(), "account.not_found");
}

#[test]
fn overrides_win_for_their_network_and_topics_follow_its_convention() {
    let mut d = draft(&[("en", "Ferry at dusk"), ("zh-Hans", "黄昏的渡口")]);
    d.content.overrides = vec![NetworkOverride {
        lang: lang("en"),
        network: Network::Mastodon,
        text: "Ferry at dusk, for the fediverse".into(),
    }];
    d.content.topics = vec!["machine learning".into(), "旅行".into()];
    let accounts = [
        account("masto", Network::Mastodon, &["en"]),
        account("bsky", Network::Bluesky, &["en"]),
    ];
    let got = preview(&d, &accounts, &request(&["masto", "bsky"])).unwrap();
    assert_eq!(
        got[0].parts,
        ["Ferry at dusk, for the fediverse\n\n#MachineLearning #旅行"]
    );
    assert_eq!(got[1].parts, ["Ferry at dusk\n\n#machinelearning #旅行"]);
}

/// Every part fits the network as its own rules count it.
fn assert_parts_fit(network: Network, parts: &[String], settings: &Settings) {
    for (i, part) in parts.iter().enumerate() {
        let m = rules::measure(network, &Post::text(part), settings);
        assert!(m.ok, "part {i} of {network} does not fit: {m:?}");
        assert!(
            part.ends_with(&format!(" {}/{}", i + 1, parts.len())),
            "numbered: {part}"
        );
    }
}

#[test]
fn long_texts_become_threads_that_fit_each_network() {
    // 338 graphemes of CJK with full-width punctuation: over Bluesky's 300 and a small
    // instance's 120, but one part on a stock 500-character Mastodon.
    let zh = "渡口的灯亮了，船还没有来。我们在岸边等，看水上的光。".repeat(13);
    assert_eq!(zh.chars().count(), 338);
    // Emoji ZWJ families: 200 graphemes but 5,000 UTF-8 bytes, over Bluesky's 3,000 bytes.
    let family = "👩‍👩‍👧‍👦".repeat(200);
    let rtl = format!("{} مرحبا بالعالم", "שלום ".repeat(120));
    let d = draft(&[("zh-Hans", &zh), ("en", &family), ("ar", &rtl)]);
    let mut small = account("masto-small", Network::Mastodon, &["zh-Hans", "ar"]);
    small.limits = Some(AccountLimits {
        max_characters: 120,
        max_media_attachments: 4,
        characters_reserved_per_url: 23,
        image_size_limit: None,
        image_matrix_limit: None,
        description_limit: None,
    });
    let accounts = [
        account("bsky", Network::Bluesky, &["zh-Hans", "en", "ar"]),
        small,
        account("masto", Network::Mastodon, &["zh-Hans"]),
    ];
    let got = preview(&d, &accounts, &request(&["bsky", "masto-small", "masto"])).unwrap();
    let settings = Settings::default();
    let small_settings = Settings {
        mastodon_max_characters: 120,
        ..Settings::default()
    };
    for t in &got {
        assert!(t.refusal.is_none(), "{t:?}");
    }
    assert_eq!(got[0].parts.len(), 2, "338 CJK characters on Bluesky");
    assert_parts_fit(Network::Bluesky, &got[0].parts, &settings);
    assert!(got[1].parts.len() >= 2, "5,000 bytes of ZWJ emoji");
    assert_parts_fit(Network::Bluesky, &got[1].parts, &settings);
    assert!(got[1].parts.iter().all(|p| !p.contains('\u{FFFD}')));
    assert_parts_fit(Network::Bluesky, &got[2].parts, &settings);
    assert!(got[3].parts.len() >= 3, "338 characters at 120 a part");
    // Cut at sentence ends (after 。), never inside the text's words.
    assert!(
        got[3].parts[0]
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '/' || c == ' ')
            .ends_with('。')
    );
    assert_parts_fit(Network::Mastodon, &got[3].parts, &small_settings);
    assert_parts_fit(Network::Mastodon, &got[4].parts, &small_settings);
    assert_eq!(got[5].parts, [zh], "fits a stock instance as one post");
}

#[test]
fn refusals_name_the_network_and_the_excess() {
    let zh = "字".repeat(337);
    let d = draft(&[("zh-Hans", &zh), ("en", &"n".repeat(4100))]);
    let accounts = [
        account("bsky", Network::Bluesky, &["zh-Hans"]),
        account("nostr", Network::Nostr, &["en"]),
    ];
    let mut req = request(&["bsky", "nostr"]);
    req.allow_threads = false;
    let got = preview(&d, &accounts, &req).unwrap();
    let bsky = got[0].refusal.as_ref().unwrap();
    assert_eq!(bsky.code, "outbox.too_long");
    assert!(
        bsky.message
            .starts_with("bluesky: 37 characters over the limit of 300"),
        "{}",
        bsky.message
    );
    assert!(got[0].parts.is_empty());
    let nostr = got[1].refusal.as_ref().unwrap();
    assert!(
        nostr
            .message
            .starts_with("nostr: 4 characters over the 4096"),
        "{}",
        nostr.message
    );
}

#[test]
fn images_a_network_cannot_take_are_refused_before_sending() {
    let mut d = draft(&[("en", "pier")]);
    let image = |name: &str, media_type: &str| Attachment {
        id: name.into(),
        sha256: "0".repeat(64),
        stored_name: format!("{name}.bin"),
        original_name: name.into(),
        media_type: media_type.into(),
        width: 10,
        height: 10,
        byte_len: 100,
        alt: [(lang("en"), format!("alt of {name}"))]
            .into_iter()
            .collect(),
        missing: false,
        qr_code: None,
        focus: None,
    };
    d.content.attachments = vec![
        image("pier.jpg", "image/jpeg"),
        image("wave.gif", "image/gif"),
    ];
    let accounts = [
        account("bsky", Network::Bluesky, &[]),
        account("nostr", Network::Nostr, &[]),
    ];
    let got = preview(&d, &accounts, &request(&["bsky", "nostr"])).unwrap();
    let gif = got[0].refusal.as_ref().unwrap();
    assert_eq!(gif.code, "media.unsupported");
    assert!(
        gif.message.contains("image 2 (wave.gif) is image/gif"),
        "{}",
        gif.message
    );
    assert_eq!(got[1].refusal.as_ref().unwrap().code, "media.unsupported");

    d.content.attachments = (0..5)
        .map(|i| image(&format!("p{i}.jpg"), "image/jpeg"))
        .collect();
    let got = preview(&d, &accounts[..1], &request(&["bsky"])).unwrap();
    let many = got[0].refusal.as_ref().unwrap();
    assert!(
        many.message.contains("at most 4 images"),
        "{}",
        many.message
    );
}

#[test]
fn an_empty_variant_is_refused() {
    let d = draft(&[("en", "   ")]);
    let accounts = [account("bsky", Network::Bluesky, &[])];
    let got = preview(&d, &accounts, &request(&["bsky"])).unwrap();
    assert_eq!(got[0].refusal.as_ref().unwrap().code, "outbox.empty");
}

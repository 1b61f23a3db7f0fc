//! What each target network gets of a variant (`ferry_core::checks`), as the composer's
//! counters, `ferry check --draft` and the outbox see it: overrides, topics, RedNote's title
//! and image shape, the Mastodon limit from the right account, and "Post now" sending exactly
//! the text that was counted.

use chrono::Utc;
use ferry_core::accounts::{Account, AccountLimits, AccountState};
use ferry_core::checks::{NetworkLimits, VariantCheckRequest, check_draft, check_variant};
use ferry_core::outbox::{PublishRequest, preview};
use ferry_core::{
    Attachment, Draft, DraftContent, LangTag, Network, NetworkOverride, Target, Variant,
};
use ferry_networks::rules::{Post, Settings, SpanKind, measure};

const EN: &str = "Crossing at dawn 👩‍👩‍👧 — see you there! https://example.com/a/very/long/path/that/x/shortens #ferry";
const ZH: &str = "清晨去渡口，见！👨‍👩‍👧‍👦（全角标点：，。！）";

fn lang(tag: &str) -> LangTag {
    LangTag::parse(tag).unwrap()
}

fn content(targets: &[Network]) -> DraftContent {
    DraftContent {
        variants: vec![
            Variant {
                lang: lang("en"),
                text: format!("  {EN}\n"),
            },
            Variant {
                lang: lang("zh-Hans"),
                text: ZH.to_owned(),
            },
        ],
        targets: targets.iter().map(|&n| Target::network(n)).collect(),
        ..DraftContent::default()
    }
}

fn request(content: DraftContent, tag: &str) -> VariantCheckRequest {
    VariantCheckRequest::new(content, lang(tag))
}

fn image(id: &str, width: u32, height: u32) -> Attachment {
    Attachment {
        id: id.into(),
        sha256: "0".repeat(64),
        stored_name: format!("{id}.jpg"),
        original_name: format!("{id}.jpg"),
        media_type: "image/jpeg".into(),
        width,
        height,
        byte_len: 1000,
        alt: Default::default(),
        missing: false,
        qr_code: None,
        focus: None,
    }
}

fn account(id: &str, network: Network, max_characters: Option<u32>) -> Account {
    Account {
        id: id.into(),
        network,
        handle: format!("@{id}"),
        display_name: String::new(),
        server_url: None,
        remote_id: format!("remote-{id}"),
        audience: Vec::new(),
        limits: max_characters.map(|max| AccountLimits {
            max_characters: max,
            max_media_attachments: 4,
            characters_reserved_per_url: 23,
            image_size_limit: None,
            image_matrix_limit: None,
            description_limit: None,
        }),
        relays: Vec::new(),
        media_server: None,
        state: AccountState::Active,
        state_detail: None,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn draft(content: DraftContent) -> Draft {
    Draft {
        id: "d1".into(),
        revision: 1,
        created_at: Utc::now(),
        updated_at: Utc::now(),
        content,
    }
}

#[test]
fn each_target_measures_the_text_it_would_get() {
    let mut c = content(&[Network::X, Network::Bluesky, Network::X]);
    c.topics = vec!["machine learning".into(), "旅行".into()];
    c.overrides.push(NetworkOverride {
        lang: lang("en"),
        network: Network::Bluesky,
        text: "Shorter for Bluesky @alice.bsky.social".into(),
    });
    let checks = check_variant(&request(c, "en")).unwrap();

    let networks: Vec<Network> = checks.iter().map(|c| c.network).collect();
    assert_eq!(
        networks,
        [Network::X, Network::Bluesky],
        "one check per network, in order"
    );

    let x = &checks[0];
    assert_eq!(x.text, format!("{EN}\n\n#machinelearning #旅行"));
    assert_eq!(x.body, EN);
    assert!(!x.from_override);
    assert_eq!((x.title_limit, &x.misshapen_images), (None, &Vec::new()));
    let same = measure(Network::X, &Post::text(&x.text), &Settings::default());
    assert_eq!(
        x.preview.measurement, same,
        "the counter is the rules' own measure"
    );
    // The URL counts 23, whatever its length.
    let link = x
        .preview
        .spans
        .iter()
        .find(|s| s.kind == SpanKind::Link)
        .unwrap();
    assert_eq!(link.counted, Some(23));

    let bsky = &checks[1];
    assert!(bsky.from_override);
    assert_eq!(
        bsky.text,
        "Shorter for Bluesky @alice.bsky.social\n\n#machinelearning #旅行"
    );
    let kinds: Vec<SpanKind> = bsky.preview.spans.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SpanKind::Plain,
            SpanKind::Mention,
            SpanKind::Plain,
            SpanKind::Hashtag,
            SpanKind::Plain,
            SpanKind::Hashtag
        ]
    );
    // Spans cover the text without gaps, in UTF-8 bytes.
    assert_eq!(bsky.preview.spans.last().unwrap().byte_end, bsky.text.len());
}

#[test]
fn topics_already_in_the_text_are_not_added_twice() {
    let mut c = content(&[Network::Mastodon]);
    c.topics = vec!["旅行".into()];
    c.variants[1].text = format!("{ZH}\n\n#旅行");
    let checks = check_variant(&request(c, "zh-Hans")).unwrap();
    assert_eq!(checks[0].text, format!("{ZH}\n\n#旅行"));
}

#[test]
fn a_long_text_is_over_by_exactly_and_splits_into_numbered_parts() {
    let mut c = content(&[Network::X, Network::Telegram]);
    c.variants[1].text = ZH.repeat(8);
    let checks = check_variant(&request(c, "zh-Hans")).unwrap();
    let x = &checks[0].preview;
    let length = measure(Network::X, &Post::text(&ZH.repeat(8)), &Settings::default()).length;
    assert_eq!(x.measurement.over_by, length - 280);
    assert!(!x.measurement.ok);
    assert_eq!(x.measurement.warnings[0].code, "post.too_long");
    assert!(x.parts.len() >= 2, "{:?}", x.parts);
    assert!(x.parts[0].ends_with(&format!(" 1/{}", x.parts.len())));
    assert_eq!(x.spans.last().unwrap().kind, SpanKind::OverLimit);
    // Telegram has no threads: the tail is marked, no parts.
    assert!(checks[1].preview.parts.is_empty());
}

#[test]
fn mastodon_counts_against_the_instance_limit_when_given() {
    let mut c = content(&[Network::Mastodon]);
    c.variants[0].text = "渡".repeat(600);
    let default = check_variant(&request(c.clone(), "en")).unwrap();
    assert_eq!(default[0].preview.measurement.limit, 500);
    assert_eq!(default[0].preview.measurement.over_by, 100);

    let mut wide = request(c.clone(), "en");
    wide.limits.mastodon = Some(11_000);
    let checks = check_variant(&wide).unwrap();
    assert_eq!(checks[0].preview.measurement.limit, 11_000);
    assert!(checks[0].preview.measurement.ok);

    let mut zero = request(c, "en");
    zero.limits.mastodon = Some(0);
    let err = check_variant(&zero).unwrap_err();
    assert_eq!(err.code(), "limits.invalid");
    assert!(err.to_string().contains("limits.mastodon"), "{err}");
}

#[test]
fn rednote_takes_the_first_line_as_title_and_topics_as_its_own() {
    let mut c = content(&[Network::Rednote]);
    c.topics = vec!["旅行".into()];
    c.variants[1].text = "渡口见面👩‍👩‍👧\n清晨的渡口，人不多。".into();
    let note = &check_variant(&request(c.clone(), "zh-Hans")).unwrap()[0];
    assert_eq!(note.title.as_deref(), Some("渡口见面👩‍👩‍👧"));
    assert_eq!(note.title_length, Some(5), "a ZWJ family is one character");
    assert_eq!(
        note.title_limit,
        Some(ferry_networks::rednote::MAX_TITLE as u32)
    );
    assert_eq!(
        note.preview.measurement.limit,
        ferry_networks::rednote::MAX_BODY
    );
    assert_eq!(note.body, "清晨的渡口，人不多。");
    assert_eq!(note.topics.text, "#旅行[话题]#");
    assert_eq!(note.text, "清晨的渡口，人不多。\n\n#旅行[话题]#");
    let codes: Vec<&str> = note
        .preview
        .measurement
        .warnings
        .iter()
        .map(|w| w.code)
        .collect();
    assert!(codes.contains(&"rednote.needs_image"), "{codes:?}");

    c.variants[1].text = format!("{}\n正文", "长".repeat(23));
    let long = &check_variant(&request(c.clone(), "zh-Hans")).unwrap()[0];
    assert_eq!(long.title_length, Some(23));
    let warning = long
        .preview
        .measurement
        .warnings
        .iter()
        .find(|w| w.code == "rednote.title_too_long")
        .unwrap();
    assert!(warning.message.contains("3 over"), "{}", warning.message);

    // One paragraph is all body.
    c.variants[1].text = "只有一段".into();
    let single = &check_variant(&request(c, "zh-Hans")).unwrap()[0];
    assert_eq!(single.title, None);
    assert_eq!(single.body, "只有一段");
}

#[test]
fn rednote_names_the_images_that_are_not_three_by_four() {
    let mut c = content(&[Network::X, Network::Rednote]);
    c.attachments = vec![
        image("portrait", 1080, 1440),
        image("square", 800, 800),
        image("phone", 1242, 1660),
        image("landscape", 1440, 1080),
    ];
    let checks = check_variant(&request(c, "en")).unwrap();
    assert!(checks[0].misshapen_images.is_empty(), "X shows any shape");
    assert_eq!(checks[1].misshapen_images, ["square", "landscape"]);
    let json = serde_json::to_value(&checks[1]).unwrap();
    assert_eq!(
        json["misshapenImages"],
        serde_json::json!(["square", "landscape"])
    );
}

#[test]
fn rednote_warns_of_links_other_apps_and_pictures_with_a_qr_code() {
    let mut c = content(&[Network::X, Network::Rednote]);
    c.variants[1].text =
        "渡口见面\n清晨的渡口，详情见 ferrytoday.com/jp，也可以加ＶＸ或 @lin@mastodon.social"
            .into();
    let mut poster = image("poster", 1080, 1440);
    poster.qr_code = Some(true);
    let mut photo = image("photo", 1080, 1440);
    photo.qr_code = Some(false);
    c.attachments = vec![photo, poster, image("old", 1080, 1440)];
    let checks = check_variant(&request(c.clone(), "zh-Hans")).unwrap();
    assert_eq!(checks[0].reach, None, "only RedNote limits notes for these");
    let reach = checks[1].reach.as_ref().expect("RedNote's reach");
    assert_eq!(reach.links, ["ferrytoday.com/jp"]);
    assert_eq!(reach.elsewhere, ["ＶＸ", "@lin@mastodon.social"]);
    assert_eq!(
        reach.qr_code_images,
        ["poster"],
        "not the photo, nor one never searched"
    );
    let codes: Vec<&str> = checks[1]
        .preview
        .measurement
        .warnings
        .iter()
        .map(|w| w.code)
        .collect();
    for code in ["rednote.link", "rednote.elsewhere", "rednote.qr_code"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    assert!(checks[1].preview.measurement.ok, "warnings, not refusals");
    let json = serde_json::to_value(&checks[1]).unwrap();
    assert_eq!(json["reach"]["qrCodeImages"], serde_json::json!(["poster"]));

    c.variants[1].text = "渡口见面\n清晨的渡口，雾还没散。".into();
    c.attachments.truncate(1);
    let clean = check_variant(&request(c, "zh-Hans")).unwrap();
    assert_eq!(clean[1].reach, None);
    assert!(
        serde_json::to_value(&clean[1])
            .unwrap()
            .get("reach")
            .is_none()
    );
}

#[test]
fn a_language_without_a_variant_checks_as_empty() {
    let checks = check_variant(&request(content(&[Network::Bluesky]), "ja")).unwrap();
    assert_eq!(checks[0].text, "");
    assert_eq!(checks[0].preview.measurement.length, 0);
    assert!(checks[0].preview.spans.is_empty());
}

#[test]
fn the_request_reads_as_the_ui_sends_it() {
    let json = serde_json::json!({
        "content": { "variants": [{ "lang": "en", "text": "hi" }], "targets": [{ "network": "x", "accountId": null }] },
        "lang": "en"
    });
    let request: VariantCheckRequest = serde_json::from_value(json).unwrap();
    assert_eq!(request.limits, NetworkLimits::default());
    let out = serde_json::to_value(check_variant(&request).unwrap()).unwrap();
    assert_eq!(out[0]["network"], "x");
    assert_eq!(out[0]["titleLength"], serde_json::Value::Null);
    assert_eq!(out[0]["titleLimit"], serde_json::Value::Null);
    assert_eq!(out[0]["fromOverride"], false);
    assert_eq!(out[0]["preview"]["measurement"]["length"], 2);
}

#[test]
fn only_the_networks_asked_for_get_spans_and_parts() {
    let mut c = content(&[Network::X, Network::Bluesky]);
    c.variants[1].text = ZH.repeat(8);
    let mut r = request(c, "zh-Hans");
    r.preview = Some(vec![Network::Bluesky]);
    let checks = check_variant(&r).unwrap();
    let full = check_variant(&VariantCheckRequest {
        preview: None,
        ..r.clone()
    })
    .unwrap();
    // X: the same measurement, nothing else.
    assert_eq!(checks[0].preview.measurement, full[0].preview.measurement);
    assert!(checks[0].preview.spans.is_empty() && checks[0].preview.parts.is_empty());
    assert_eq!(checks[1], full[1]);
}

#[test]
fn the_mastodon_limit_comes_from_the_named_account_else_the_first_known() {
    let accounts = [
        account("bsky", Network::Bluesky, None),
        account("masto-unknown", Network::Mastodon, None),
        account("masto-small", Network::Mastodon, Some(700)),
        account("masto-wide", Network::Mastodon, Some(11_000)),
    ];
    let mut named = Target::network(Network::Mastodon);
    named.account_id = Some("masto-wide".into());
    let pick = |targets: &[Target]| NetworkLimits::for_targets(&accounts, targets).mastodon;
    assert_eq!(
        pick(&[Target::network(Network::X), named.clone()]),
        Some(11_000)
    );
    assert_eq!(pick(&[Target::network(Network::Mastodon)]), Some(700));
    // An account whose limit is not known yet falls back like no account named.
    named.account_id = Some("masto-unknown".into());
    assert_eq!(pick(&[named]), Some(700));
    assert_eq!(
        NetworkLimits::for_targets(&accounts[..2], &[]).mastodon,
        None
    );
}

#[test]
fn a_stored_draft_is_checked_variant_by_variant_as_the_composer_does() {
    let mut c = content(&[Network::Mastodon, Network::Bluesky]);
    c.variants[1].text = "渡".repeat(600);
    let d = draft(c);
    let accounts = [account("masto", Network::Mastodon, Some(1000))];

    let all = check_draft(&d, &accounts, None).unwrap();
    let langs: Vec<&str> = all.iter().map(|v| v.lang.as_str()).collect();
    assert_eq!(langs, ["en", "zh-Hans"]);
    for variant in &all {
        let mut alone = VariantCheckRequest::new(d.content.clone(), variant.lang.clone());
        alone.limits.mastodon = Some(1000);
        assert_eq!(variant.checks, check_variant(&alone).unwrap());
    }
    assert!(all[0].fits());
    // 600 characters fit the account's 1,000 on Mastodon, not Bluesky's 300.
    assert_eq!(all[1].checks[0].preview.measurement.limit, 1000);
    assert!(all[1].checks[0].preview.measurement.ok);
    assert!(!all[1].fits());

    let zh = check_draft(&d, &[], Some(&lang("zh-Hans"))).unwrap();
    assert_eq!(zh.len(), 1);
    assert_eq!(zh[0].checks[0].preview.measurement.limit, 500);

    let err = check_draft(&d, &accounts, Some(&lang("fr"))).unwrap_err();
    assert_eq!(err.code(), "draft.invalid");
    let message = err.to_string();
    assert!(
        message.contains("fr") && message.contains("en, zh-Hans") && message.contains("d1"),
        "{message}"
    );
}

#[test]
fn post_now_sends_the_text_the_counter_measured() {
    let mut c = content(&[Network::Mastodon, Network::Bluesky, Network::Nostr]);
    c.topics = vec!["machine learning".into(), "旅行".into()];
    c.overrides.push(NetworkOverride {
        lang: lang("en"),
        network: Network::Bluesky,
        text: "Crossing at dawn, @alice.bsky.social".into(),
    });
    let d = draft(c);
    let accounts = [
        account("masto", Network::Mastodon, Some(1000)),
        account("bsky", Network::Bluesky, None),
        account("nostr", Network::Nostr, None),
    ];
    let planned = preview(
        &d,
        &accounts,
        &PublishRequest {
            draft_id: "d1".into(),
            allow_threads: true,
            ..Default::default()
        },
    )
    .unwrap();
    let checked = check_draft(&d, &accounts, None).unwrap();
    let mut compared = 0;
    for target in &planned {
        assert_eq!(target.refusal, None, "{target:?}");
        let variant = checked.iter().find(|v| v.lang == target.lang).unwrap();
        let check = variant
            .checks
            .iter()
            .find(|c| c.network == target.network)
            .unwrap();
        assert_eq!(
            target.parts,
            std::slice::from_ref(&check.text),
            "{}",
            target.network
        );
        compared += 1;
    }
    assert_eq!(compared, 3, "every account posts the main variant");
}

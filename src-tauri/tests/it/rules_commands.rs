//! `check_variant`, the composer's counters and previews, called as the UI calls it: a draft's
//! content and a language in, one measured text with its preview per target network out.

use ferry_app::commands::rules::{NetworkLimits, VariantCheckRequest, check};
use ferry_core::{DraftContent, LangTag, NetworkId, NetworkOverride, Target, Variant};
use ferry_networks::rules::{Network, Post, Settings, SpanKind, measure};

const EN: &str = "Crossing at dawn 👩‍👩‍👧 — see you there! https://example.com/a/very/long/path/that/x/shortens #ferry";
const ZH: &str = "清晨去渡口，见！👨‍👩‍👧‍👦（全角标点：，。！）";

fn lang(tag: &str) -> LangTag {
    LangTag::parse(tag).unwrap()
}

fn content(targets: &[NetworkId]) -> DraftContent {
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
    VariantCheckRequest {
        content,
        lang: lang(tag),
        limits: NetworkLimits::default(),
        preview: None,
    }
}

#[test]
fn each_target_measures_the_text_it_would_get() {
    let mut c = content(&[NetworkId::X, NetworkId::Bluesky, NetworkId::X]);
    c.topics = vec!["machine learning".into(), "旅行".into()];
    c.overrides.push(NetworkOverride {
        lang: lang("en"),
        network: NetworkId::Bluesky,
        text: "Shorter for Bluesky @alice.bsky.social".into(),
    });
    let checks = check(&request(c, "en")).unwrap();

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
fn a_long_text_is_over_by_exactly_and_splits_into_numbered_parts() {
    let mut c = content(&[NetworkId::X, NetworkId::Telegram]);
    c.variants[1].text = ZH.repeat(8);
    let checks = check(&request(c, "zh-Hans")).unwrap();
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
    let mut c = content(&[NetworkId::Mastodon]);
    c.variants[0].text = "渡".repeat(600);
    let default = check(&request(c.clone(), "en")).unwrap();
    assert_eq!(default[0].preview.measurement.limit, 500);
    assert_eq!(default[0].preview.measurement.over_by, 100);

    let mut wide = request(c.clone(), "en");
    wide.limits.mastodon = Some(11_000);
    let checks = check(&wide).unwrap();
    assert_eq!(checks[0].preview.measurement.limit, 11_000);
    assert!(checks[0].preview.measurement.ok);

    let mut zero = request(c, "en");
    zero.limits.mastodon = Some(0);
    let err = check(&zero).unwrap_err();
    assert_eq!(err.code(), "limits.invalid");
    assert!(err.to_string().contains("limits.mastodon"), "{err}");
}

#[test]
fn rednote_takes_the_first_line_as_title_and_topics_as_its_own() {
    let mut c = content(&[NetworkId::Rednote]);
    c.topics = vec!["旅行".into()];
    c.variants[1].text = "渡口见面👩‍👩‍👧\n清晨的渡口，人不多。".into();
    let note = &check(&request(c.clone(), "zh-Hans")).unwrap()[0];
    assert_eq!(note.title.as_deref(), Some("渡口见面👩‍👩‍👧"));
    assert_eq!(note.title_length, Some(5), "a ZWJ family is one character");
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
    let long = &check(&request(c.clone(), "zh-Hans")).unwrap()[0];
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
    let single = &check(&request(c, "zh-Hans")).unwrap()[0];
    assert_eq!(single.title, None);
    assert_eq!(single.body, "只有一段");
}

#[test]
fn a_language_without_a_variant_checks_as_empty() {
    let checks = check(&request(content(&[NetworkId::Bluesky]), "ja")).unwrap();
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
    let out = serde_json::to_value(check(&request).unwrap()).unwrap();
    assert_eq!(out[0]["network"], "x");
    assert_eq!(out[0]["titleLength"], serde_json::Value::Null);
    assert_eq!(out[0]["preview"]["measurement"]["length"], 2);
}

#[test]
fn only_the_networks_asked_for_get_spans_and_parts() {
    let mut c = content(&[NetworkId::X, NetworkId::Bluesky]);
    c.variants[1].text = ZH.repeat(8);
    let mut r = request(c, "zh-Hans");
    r.preview = Some(vec![Network::Bluesky]);
    let checks = check(&r).unwrap();
    let full = check(&VariantCheckRequest {
        preview: None,
        ..r.clone()
    })
    .unwrap();
    // X: the same measurement, nothing else.
    assert_eq!(checks[0].preview.measurement, full[0].preview.measurement);
    assert!(checks[0].preview.spans.is_empty() && checks[0].preview.parts.is_empty());
    assert_eq!(checks[1], full[1]);
}

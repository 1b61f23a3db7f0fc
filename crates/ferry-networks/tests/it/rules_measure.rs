//! Each network's counter on the text that trips counters up: CJK, kana, Hangul, emoji ZWJ
//! sequences and skin tones, full-width punctuation, RTL text, combining marks.

use ferry_networks::mastodon::counting;
use ferry_networks::rules::{Network, Post, Settings, Unit, measure};

fn length(network: Network, text: &str) -> usize {
    measure(network, &Post::text(text), &Settings::default()).length
}

#[test]
fn each_network_counts_in_its_own_unit() {
    let text = "你好，世界！👨‍👩‍👧 café";
    // X: 你好，世界！ = 6×2, emoji 2, space 1, café 4.
    assert_eq!(length(Network::X, text), 12 + 2 + 1 + 4);
    // Bluesky and Mastodon: graphemes.
    assert_eq!(length(Network::Bluesky, text), 6 + 1 + 1 + 4);
    assert_eq!(length(Network::Mastodon, text), 12);
    // Telegram: UTF-16 units (the family is 8 units: three surrogate pairs and two ZWJ).
    assert_eq!(length(Network::Telegram, text), 6 + 8 + 1 + 4);
    // Threads: characters, emoji as UTF-8 bytes (18).
    assert_eq!(length(Network::Threads, text), 6 + 18 + 1 + 4);
    // Weibo: CJK and full-width punctuation 1 字, Latin half, emoji beyond the BMP 2 each part.
    assert_eq!(
        measure(
            Network::Weibo,
            &Post::text("abcd微博"),
            &Settings::default()
        )
        .length,
        4
    );
}

#[test]
fn combining_marks_and_rtl_count_as_seen() {
    let decomposed = "e\u{301}e\u{301}"; // éé
    assert_eq!(length(Network::Bluesky, decomposed), 2);
    assert_eq!(length(Network::Mastodon, decomposed), 2);
    assert_eq!(length(Network::Telegram, decomposed), 4);
    // X normalizes to NFC first: é is one light character.
    assert_eq!(length(Network::X, decomposed), 2);
    let arabic = "مرحبا بالعالم";
    assert_eq!(length(Network::X, arabic), 13);
    assert_eq!(length(Network::Bluesky, "שלום"), 4);
}

#[test]
fn skin_tones_and_flags() {
    assert_eq!(length(Network::X, "👍🏿"), 2);
    assert_eq!(length(Network::Bluesky, "👍🏿🇨🇳"), 2);
    assert_eq!(length(Network::Telegram, "👍🏿🇨🇳"), 8);
    // An Emoji 12 sequence twemoji 11 does not know weighs 2 per part on X.
    assert_eq!(length(Network::X, "🧑‍💻"), 2 + 1 + 2);
}

#[test]
fn bluesky_checks_bytes_too() {
    let text = "𠀀".repeat(290); // 290 graphemes, 1,160 bytes
    let m = measure(Network::Bluesky, &Post::text(&text), &Settings::default());
    assert!(m.ok);
    let heavy = "👨‍👩‍👧‍👦".repeat(150); // 150 graphemes, 3,750 bytes
    let m = measure(Network::Bluesky, &Post::text(&heavy), &Settings::default());
    assert_eq!(m.length, 150);
    assert!(!m.ok);
    assert_eq!(m.warnings[0].code, "bluesky.too_many_bytes");
}

#[test]
fn mastodon_counts_urls_as_23_and_mentions_without_domain() {
    let text = "看 https://example.com/a/very/long/path/that/goes/on?and=on @alice@mastodon.social";
    assert_eq!(counting::countable_length(text, ""), 2 + 23 + 1 + 6);
    // Bare domains and non-http schemes Mastodon does not link are counted as typed.
    assert_eq!(counting::countable_length("example.com", ""), 11);
    assert_eq!(counting::countable_length("ftp://example.com/x", ""), 19);
    assert_eq!(
        counting::countable_length("gemini://example.org/capsule", ""),
        23
    );
    // The content warning counts too; a blank text counts nothing.
    assert_eq!(counting::countable_length("hi", "内容警告"), 6);
    assert_eq!(counting::countable_length("   ", "CW"), 2);
    // A mention followed by `://` is no mention.
    assert_eq!(counting::countable_length("@a@b.c://", ""), 9);
    let post = Post {
        text: "x",
        spoiler: Some("CW"),
        ..Post::default()
    };
    let settings = Settings {
        mastodon_max_characters: 2,
        ..Settings::default()
    };
    let m = measure(Network::Mastodon, &post, &settings);
    assert_eq!((m.length, m.limit, m.ok, m.over_by), (3, 2, false, 1));
}

#[test]
fn telegram_caption_limit_applies_with_images_and_longer_text_follows_them() {
    let text = "中".repeat(2000);
    let message = measure(Network::Telegram, &Post::text(&text), &Settings::default());
    assert_eq!(
        (message.limit, message.ok, message.unit),
        (4096, true, Unit::Utf16)
    );
    let caption = measure(
        Network::Telegram,
        &Post {
            text: &text,
            images: 1,
            ..Post::default()
        },
        &Settings::default(),
    );
    // Over 1,024 with pictures: no longer a caption but a message of its own after them.
    assert_eq!((caption.limit, caption.ok), (4096, true));
    assert!(
        caption
            .warnings
            .iter()
            .any(|w| w.code == "telegram.caption")
    );
    let short = measure(
        Network::Telegram,
        &Post {
            text: "渡口",
            images: 1,
            ..Post::default()
        },
        &Settings::default(),
    );
    assert_eq!((short.limit, short.ok), (1024, true));
    let too_long = measure(
        Network::Telegram,
        &Post {
            text: &"中".repeat(5000),
            images: 1,
            ..Post::default()
        },
        &Settings::default(),
    );
    assert_eq!((too_long.limit, too_long.over_by), (4096, 904));
}

#[test]
fn nostr_warns_but_never_refuses() {
    let text = "字".repeat(5000);
    let m = measure(
        Network::Nostr,
        &Post::text(&text),
        &Settings {
            nostr_soft_limit: 1000,
            ..Settings::default()
        },
    );
    assert!(m.ok);
    assert_eq!(m.limit, 1000);
    let codes: Vec<&str> = m.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, vec!["nostr.soft_limit", "nostr.relays_may_reject"]);
}

#[test]
fn rednote_title_body_and_images() {
    let post = Post {
        text: "正文 #旅行[话题]#",
        title: Some("周末去哪儿"),
        images: 3,
        ..Post::default()
    };
    let m = measure(Network::Rednote, &post, &Settings::default());
    assert!(m.ok, "{m:?}");
    let no_images = measure(
        Network::Rednote,
        &Post { images: 0, ..post },
        &Settings::default(),
    );
    assert!(!no_images.ok);
    let too_many = measure(
        Network::Rednote,
        &Post { images: 19, ..post },
        &Settings::default(),
    );
    assert!(
        too_many
            .warnings
            .iter()
            .any(|w| w.code == "post.too_many_images")
    );
    let long_title = measure(
        Network::Rednote,
        &Post {
            title: Some(&"标".repeat(21)),
            ..post
        },
        &Settings::default(),
    );
    assert!(
        long_title
            .warnings
            .iter()
            .any(|w| w.code == "rednote.title_too_long" && w.message.contains("1 over"))
    );
}

#[test]
fn image_limits_on_bluesky_and_mastodon() {
    for network in [Network::Bluesky, Network::Mastodon] {
        let m = measure(
            network,
            &Post {
                text: "hi",
                images: 5,
                ..Post::default()
            },
            &Settings::default(),
        );
        assert!(!m.ok);
        assert_eq!(m.warnings[0].code, "post.too_many_images");
    }
}

#[test]
fn x_refuses_invalid_characters_and_reports_over_limit() {
    let m = measure(Network::X, &Post::text("a\u{FFFF}"), &Settings::default());
    assert!(!m.ok);
    assert_eq!(m.warnings[0].code, "x.invalid_characters");
    let long = "ａ".repeat(141); // full-width letters weigh 2
    let m = measure(Network::X, &Post::text(&long), &Settings::default());
    assert_eq!((m.length, m.ok, m.over_by), (282, false, 2));
    assert_eq!(m.warnings[0].code, "post.too_long");
}

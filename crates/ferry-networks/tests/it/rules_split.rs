//! Thread splitting, property-tested: on seeded random texts, every part measures `ok` on its
//! network, no part breaks a grapheme, URL, mention or hashtag, nothing but whitespace is lost,
//! and numbering is `i/n` with the right `n`.

use ferry_networks::rules::tokens::protected_ranges;
use ferry_networks::rules::{Network, Post, Settings, measure, split};
use oracle_process::Rng;

use crate::oracle_process;

const THREADED: [Network; 5] = [
    Network::X,
    Network::Bluesky,
    Network::Mastodon,
    Network::Threads,
    Network::Nostr,
];

fn without_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check(network: Network, text: &str, number: bool, settings: &Settings) {
    let parts = split(network, text, number, settings).expect("splits");
    let n = parts.len();
    let mut bodies = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let m = measure(network, &Post::text(part), settings);
        assert!(
            m.ok,
            "{network} part {} of {n} does not fit ({} / {}): {part:?}",
            i + 1,
            m.length,
            m.limit
        );
        let body = if number && n > 1 {
            let suffix = format!(" {}/{n}", i + 1);
            part.strip_suffix(&suffix)
                .unwrap_or_else(|| panic!("part {part:?} lacks {suffix:?}"))
        } else {
            part.as_str()
        };
        bodies.push(body.to_owned());
    }
    assert_eq!(
        without_space(&bodies.concat()),
        without_space(text),
        "{network} lost text"
    );
    // Each cut falls outside protected tokens that fit in a part.
    let joined_tokens: Vec<String> = protected_ranges(text)
        .into_iter()
        .map(|r| text[r].to_owned())
        .collect();
    for token in joined_tokens.iter().filter(|t| t.chars().count() < 40) {
        assert!(
            bodies.iter().any(|b| b.contains(token.as_str())),
            "{network} cut through {token:?}"
        );
    }
}

#[test]
fn parts_always_fit_on_random_texts() {
    let mut rng = Rng::new(0x5EED_0003);
    let settings = Settings {
        nostr_soft_limit: 400,
        ..Settings::default()
    };
    for round in 0..60 {
        // Characters X refuses outright (U+FEFF, U+FFFE) would make no part `ok`.
        let text: String = oracle_process::generate(&mut rng, 220)
            .chars()
            .filter(|c| !matches!(c, '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'))
            .collect();
        for network in THREADED {
            check(network, &text, round % 2 == 0, &settings);
        }
    }
}

#[test]
fn prefers_sentence_ends_then_clauses() {
    let sentence = "这是第一句话，里面有逗号。";
    let text = sentence.repeat(30);
    let parts = split(Network::Bluesky, &text, false, &Settings::default()).expect("splits");
    assert!(parts.len() > 1);
    for part in &parts {
        assert!(part.ends_with('。'), "{part:?}");
    }
    let english = "This is a sentence that goes on. ".repeat(20);
    let parts = split(Network::X, &english, true, &Settings::default()).expect("splits");
    for part in &parts {
        let (body, _) = part.rsplit_once(' ').expect("numbered");
        assert!(body.ends_with('.'), "{part:?}");
    }
}

#[test]
fn no_sentence_end_falls_back_to_clauses_then_spaces_then_graphemes() {
    let clauses = "一二三四五六七八九十，".repeat(40);
    let parts = split(Network::Bluesky, &clauses, false, &Settings::default()).expect("splits");
    assert!(
        parts
            .iter()
            .all(|p| p.ends_with('，') || p == parts.last().unwrap())
    );
    let unbroken = "字".repeat(700);
    let parts = split(Network::Bluesky, &unbroken, false, &Settings::default()).expect("splits");
    assert_eq!(
        parts.iter().map(|p| p.chars().count()).collect::<Vec<_>>(),
        vec![300, 300, 100]
    );
    let emoji = "👨‍👩‍👧‍👦".repeat(400);
    for part in split(Network::Bluesky, &emoji, false, &Settings::default()).expect("splits") {
        assert!(
            part.starts_with('👨') && part.ends_with('👦'),
            "a family was cut"
        );
    }
}

#[test]
fn numbering_width_is_counted() {
    // 9 vs 10 parts changes the suffix width; every part must still fit.
    for len in [2500, 2690, 2700, 2710, 2990] {
        let text = "a ".repeat(len / 2);
        check(Network::X, &text, true, &Settings::default());
    }
}

#[test]
fn fitting_text_is_one_part_and_networks_without_threads_refuse() {
    assert_eq!(
        split(Network::X, "short", true, &Settings::default()).expect("splits"),
        vec!["short"]
    );
    let err = split(Network::Rednote, "x", false, &Settings::default()).unwrap_err();
    assert_eq!(err.code(), "split.no_threads");
}

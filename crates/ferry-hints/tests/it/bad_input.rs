//! Bad input never panics: empty text, only emoji or links, 100,000 characters, and random
//! mixes of every kind of character (a seeded fuzz loop, so failures reproduce).

use ferry_hints::Lang;
use ferry_hints::detect::detect;
use ferry_hints::panel::{HintOptions, hints};

const PIECES: &[&str] = &[
    "我",
    "們",
    "银行",
    "yyds",
    "666",
    " ",
    "\n",
    "，",
    "。",
    "!",
    "Hello",
    "world",
    "東京",
    "タワー",
    "한국어",
    "привет",
    "שלום",
    "مرحبا",
    "😀",
    "👨‍👩‍👧",
    "🇨🇳",
    "1️⃣",
    "e\u{301}",
    "#tag",
    "#话题[话题]#",
    "@bob",
    "@a@b.c",
    "https://x.cn/页",
    "www.",
    "#",
    "@",
    "\u{200d}",
    "\u{fe0f}",
    "\u{0}",
    "ｶ",
    "Ａ",
    "𰻞",
    "\u{202e}",
    "'",
    "-",
    "don't",
    "look forward to",
    "給力",
];

#[test]
fn edge_texts_give_sensible_answers() {
    for text in [
        "",
        "😀😀😀",
        "https://example.com https://x.cn",
        "#a #b @c",
        "\u{0}\u{0}",
    ] {
        let found = hints(
            text,
            &HintOptions {
                variant: Some(Lang::ZhHans),
                ..Default::default()
            },
        );
        assert_eq!(found.lang, Lang::Undetermined, "{text:?}");
        assert!(found.words.is_empty() && found.mismatch.is_none());
    }
}

#[test]
fn a_hundred_thousand_characters_are_handled() {
    let long: String = "我在银行工作 and I love it 😀 #TikTokRefugee ".repeat(100_000 / 40);
    let found = hints(&long, &HintOptions::default());
    assert!(found.words.len() > 1000);
    let last = found.runs.last().unwrap();
    assert!(last.span.char_end <= long.chars().count());
    assert!(last.span.utf16_end <= long.encode_utf16().count());
}

#[test]
fn random_mixes_never_panic_and_spans_stay_on_char_boundaries() {
    let mut rng = fastrand::Rng::with_seed(20_260_101);
    for _ in 0..400 {
        let n = rng.usize(0..40);
        let text: String = (0..n).map(|_| PIECES[rng.usize(0..PIECES.len())]).collect();
        let found = hints(
            &text,
            &HintOptions {
                variant: Some(Lang::English),
                ..Default::default()
            },
        );
        for span in found
            .runs
            .iter()
            .map(|r| r.span)
            .chain(found.words.iter().map(|w| w.span))
        {
            assert!(text.is_char_boundary(span.byte_start) && text.is_char_boundary(span.byte_end));
            assert!(
                span.byte_start <= span.byte_end && span.byte_end <= text.len(),
                "{text:?}"
            );
        }
        let detected = detect(&text);
        assert_eq!(detected.lang, found.lang);
    }
}

//! Mastodon's count without building the replaced text (`text::recount`) against
//! building it, as `StatusLengthValidator` does: the text with each URL replaced by 23 `x` and
//! each mention by `@user`, after the content warning, counted in grapheme clusters. On the
//! oracle tests' generated strings (URLs, mentions, emoji sequences, combining marks, CJK, RTL)
//! and content warnings that cluster with what follows them.

use ferry_networks::mastodon::counting;
use ferry_networks::text::utf16;
use unicode_segmentation::UnicodeSegmentation;

use crate::oracle_process;

fn built_and_counted(text: &str, spoiler: &str) -> usize {
    let mut combined = spoiler.to_owned();
    if !text.chars().all(char::is_whitespace) {
        let t = utf16::units(text);
        let mut last = 0;
        for entity in counting::entities(text) {
            combined.push_str(&String::from_utf16_lossy(&t[last..entity.utf16.start]));
            combined.push_str(&entity.counted_as);
            last = entity.utf16.end;
        }
        combined.push_str(&String::from_utf16_lossy(&t[last..]));
    }
    combined.graphemes(true).count()
}

#[test]
fn counting_around_entities_equals_counting_the_replaced_text() {
    for text in oracle_process::corpus(0x5EED_0003, 6_000) {
        // A prepend mark and a lone regional indicator cluster with the text after them.
        for spoiler in ["", "CW 内容", "\u{600}", "🇨"] {
            assert_eq!(
                counting::countable_length(&text, spoiler),
                built_and_counted(&text, spoiler),
                "content warning {spoiler:?}, text {text:?}"
            );
        }
    }
}

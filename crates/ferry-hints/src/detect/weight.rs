//! How much a stretch of text counts when a sentence, or a whole post, gets one language.
//!
//! A sentence's language is the one its grammar is written in, and grammar comes word by word
//! ("的", "is", "und" each count), so each language is weighed by its words, not its letters.
//! Counting letters let each Latin letter weigh as much as a Chinese character, and one long
//! token outweighed a Chinese clause: `渡轮 mxa35x5rb：晚班照常开。` came out English.
//!
//! Latin, Hangul and the other alphabets mark words with spaces: a word is a run of
//! characters between spaces (`mxa35x5rb` is one) holding a letter. Han and kana mark none; a
//! Chinese word is about 1.5 characters long on average, so each character counts two thirds
//! of a word. Weights are in thirds of a word, to stay whole numbers. Links, mentions,
//! hashtags and emoji (`skip`) weigh nothing, as they carry no grammar.
//!
//! ```
//! use ferry_hints::detect::weight::{THIRDS_PER_WORD, weight};
//! use ferry_hints::skip::skipped_parts;
//! let text = "我是从TikTok来的难民 #TikTokRefugee";
//! let skipped = skipped_parts(text);
//! let latin = text.find("TikTok").unwrap();
//! assert_eq!(weight(text, &skipped, latin, latin + 6), THIRDS_PER_WORD);
//! assert_eq!(weight(text, &skipped, 0, latin), 2 * 3); // 我是从
//! ```

use crate::script::Script;
use crate::skip::Skip;

/// A word written in a script that marks words, in the unit [`weight`] returns.
pub const THIRDS_PER_WORD: usize = 3;

/// A Han or kana character: two thirds of a word.
const THIRDS_PER_HAN_OR_KANA: usize = 2;

/// The weight of `text[byte_start..byte_end]`, in thirds of a word, leaving out the parts in
/// `skipped` (sorted, as `skip::skipped_parts` returns them).
pub fn weight(text: &str, skipped: &[Skip], byte_start: usize, byte_end: usize) -> usize {
    let mut skips = skipped
        .iter()
        .skip_while(|s| s.byte_end <= byte_start)
        .peekable();
    let mut total = 0;
    let mut in_word = false;
    for (at, c) in text[byte_start..byte_end].char_indices() {
        let at = byte_start + at;
        while skips.peek().is_some_and(|s| s.byte_end <= at) {
            skips.next();
        }
        if skips.peek().is_some_and(|s| s.byte_start <= at) || c.is_whitespace() {
            in_word = false; // a skipped part separates words as a space does
            continue;
        }
        match Script::of(c) {
            Script::Han | Script::Kana => {
                total += THIRDS_PER_HAN_OR_KANA;
                in_word = false;
            }
            Script::Common => {}
            _ if !in_word => {
                total += THIRDS_PER_WORD;
                in_word = true;
            }
            _ => {}
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skip::skipped_parts;

    fn whole(text: &str) -> usize {
        weight(text, &skipped_parts(text), 0, text.len())
    }

    #[test]
    fn alphabets_weigh_by_words_and_han_by_two_thirds_a_character() {
        assert_eq!(whole("mxa35x5rb："), 3);
        assert_eq!(whole("I love it, don't you?"), 5 * 3);
        assert_eq!(whole("晚班照常开。"), 5 * 2);
        assert_eq!(whole("東京タワー"), 5 * 2);
        assert_eq!(whole("오늘 날씨 좋다"), 3 * 3);
        assert_eq!(whole("2026 年 😀 ..."), 2);
        // A hashtag, link or mention is no word of the sentence.
        assert_eq!(
            whole("so #TikTokRefugee https://example.com @bob happy"),
            2 * 3
        );
        assert_eq!(whole(""), 0);
    }
}

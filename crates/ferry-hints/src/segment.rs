//! Chinese word segmentation with jieba-rs (its bundled dictionary, MIT), shared by the
//! whole process and built on first use.

use std::sync::OnceLock;

use jieba_rs::Jieba;

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// A word of a Chinese run, by byte range within the text given to `words`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// The words of `text`. jieba's HMM is on, so names and new words it has not seen still come
/// out as one word ("蔡徐坤", "打工人").
pub fn words(text: &str) -> Vec<Word<'_>> {
    jieba()
        .cut(text, true)
        .into_iter()
        .map(|t| Word {
            text: t.word,
            byte_start: t.byte_start,
            byte_end: t.byte_end,
        })
        .collect()
}

/// How common a word is in jieba's dictionary (0 if it is not there); ranks candidates.
pub fn word_frequency(word: &str) -> usize {
    let jieba = jieba();
    if jieba.has_word(word) {
        jieba.suggest_freq(word)
    } else {
        0
    }
}

/// Builds the segmenter now rather than on the first keystroke.
pub fn warm_up() {
    jieba();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_with_byte_offsets() {
        let text = "我在银行工作";
        let found: Vec<&str> = words(text).iter().map(|w| w.text).collect();
        assert_eq!(found, ["我", "在", "银行", "工作"]);
        let bank = words(text)[2];
        assert_eq!(&text[bank.byte_start..bank.byte_end], "银行");
        assert!(word_frequency("银行") > word_frequency("银"));
    }
}

//! Chinese word segmentation with jieba-rs.
//!
//! ```no_run
//! use ferry_hints::dict::Dictionaries;
//! let segmenter = Dictionaries::shared().segmenter()?; // jieba.txt, loaded on first use
//! let words: Vec<&str> = segmenter.words("我在银行工作").iter().map(|w| w.text).collect();
//! assert_eq!(words, ["我", "在", "银行", "工作"]);
//! # Ok::<(), ferry_hints::HintsError>(())
//! ```
//!
//! Which dictionary: `make assets` writes `jieba.txt`, jieba's own dictionary (as shipped in
//! the jieba-rs crate, MIT) without its rarest words — those with a frequency under 20 that
//! CC-CEDICT does not know either. That keeps 114,000 of 349,000 words and builds in a third
//! of the time (docs/BENCHMARKS.md): the segmenter's hash trie is bound by cache misses, so
//! fewer words is what makes it fast. What the dropped words did for the hints, the panel
//! mostly still does — a word CC-CEDICT lacks is split into the longest words it has — and
//! jieba's HMM still joins names and new words it has never seen: on lingua's 729 Chinese
//! test sentences, 62 of 20,011 hint words differ from the complete dictionary's. Without the dict folder,
//! [`Segmenter::builtin`] uses jieba-rs's complete embedded dictionary.

use std::io::BufReader;
use std::path::Path;
use std::sync::OnceLock;

use jieba_rs::Jieba;

use crate::error::HintsError;

/// A word of a Chinese run, by byte range within the text given to `words`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// A jieba segmenter with its dictionary.
#[derive(Debug)]
pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// Reads a jieba dictionary (`word frequency [tag]` per line).
    pub fn from_file(path: &Path) -> Result<Segmenter, HintsError> {
        let file = std::fs::File::open(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => HintsError::DictMissing {
                path: path.to_owned(),
            },
            _ => HintsError::DictRead {
                path: path.to_owned(),
                source,
            },
        })?;
        let jieba =
            Jieba::with_dict(&mut BufReader::with_capacity(1 << 20, file)).map_err(|err| {
                HintsError::DictFormat {
                    path: path.to_owned(),
                    line: 0,
                    problem: err.to_string(),
                }
            })?;
        Ok(Segmenter { jieba })
    }

    /// jieba-rs's complete embedded dictionary, built on first use and shared: the fallback
    /// when the dict folder is missing.
    pub fn builtin() -> &'static Segmenter {
        static BUILTIN: OnceLock<Segmenter> = OnceLock::new();
        BUILTIN.get_or_init(|| Segmenter {
            jieba: Jieba::new(),
        })
    }

    /// The words of `text`. jieba's HMM is on, so names and new words it has not seen still
    /// come out as one word ("蔡徐坤", "打工人").
    pub fn words<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(|t| Word {
                text: t.word,
                byte_start: t.byte_start,
                byte_end: t.byte_end,
            })
            .collect()
    }

    /// How common a word is in the dictionary (0 if it is not there); ranks candidates.
    pub fn frequency(&self, word: &str) -> usize {
        if self.jieba.has_word(word) {
            self.jieba.suggest_freq(word)
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_with_byte_offsets() {
        let segmenter = Segmenter::builtin();
        let text = "我在银行工作";
        let found: Vec<&str> = segmenter.words(text).iter().map(|w| w.text).collect();
        assert_eq!(found, ["我", "在", "银行", "工作"]);
        let bank = segmenter.words(text)[2];
        assert_eq!(&text[bank.byte_start..bank.byte_end], "银行");
        assert!(segmenter.frequency("银行") > segmenter.frequency("银"));
    }

    #[test]
    fn a_bad_dictionary_names_its_file() {
        let dir = std::env::temp_dir().join(format!("ferry-jieba-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("jieba.txt");
        std::fs::write(&path, "银行 many n\n").unwrap();
        let err = Segmenter::from_file(&path).unwrap_err();
        assert_eq!(err.code(), "dict.format");
        assert!(err.to_string().contains("jieba.txt"), "{err}");
        let missing = Segmenter::from_file(&dir.join("nope.txt")).unwrap_err();
        assert_eq!(missing.code(), "dict.missing");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

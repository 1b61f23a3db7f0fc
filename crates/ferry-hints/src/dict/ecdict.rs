//! ECDICT lookups: English word or phrase → Chinese translations, with inflected forms
//! ("banks", "ran") led back to their headword.

use super::table::SortedTable;

/// One ECDICT headword.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnglishEntry<'a> {
    pub headword: &'a str,
    pub phonetic: &'a str,
    translation: &'a str,
}

impl<'a> EnglishEntry<'a> {
    /// The translation lines: "n. 银行, 堤, 岸", "[医] 库"…
    pub fn translations(&self) -> impl Iterator<Item = &'a str> {
        self.translation
            .split("\\n")
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }
}

/// The ECDICT tables: headwords and inflected forms.
#[derive(Debug)]
pub struct Ecdict {
    words: SortedTable,
    forms: SortedTable,
}

impl Ecdict {
    pub fn new(words: SortedTable, forms: SortedTable) -> Ecdict {
        Ecdict { words, forms }
    }

    /// The entry for `word` (any case), or for the headword it is an inflection of.
    pub fn lookup(&self, word: &str) -> Option<EnglishEntry<'_>> {
        let key = word.trim().to_lowercase();
        self.entry(&key).or_else(|| {
            let lemma = self.forms.find(&key).next()?.split('\t').nth(1)?;
            self.entry(lemma)
        })
    }

    fn entry(&self, key: &str) -> Option<EnglishEntry<'_>> {
        let line = self.words.find(key).next()?;
        let mut fields = line.split('\t').skip(1);
        Some(EnglishEntry {
            headword: fields.next()?,
            phonetic: fields.next()?,
            translation: fields.next()?,
        })
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn heap_bytes(&self) -> usize {
        self.words.heap_bytes() + self.forms.heap_bytes()
    }
}

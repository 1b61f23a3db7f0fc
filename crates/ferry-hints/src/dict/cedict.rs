//! CC-CEDICT lookups: headword → readings (pinyin, glosses, usage labels).
//!
//! The table is keyed by the simplified headword. A traditional word is looked up through its
//! character-by-character simplified form (OpenCC `t2s`, not Taiwan vocabulary: 軟體 must
//! find 软体, not 软件) and the entries whose traditional form matches are kept, which saves a
//! second index.

use serde::Serialize;

use super::table::SortedTable;
use crate::convert::char_converters;

/// A usage label CC-CEDICT puts on a word, which a reader of the other audience should know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Usage {
    InternetSlang,
    Slang,
    Neologism,
    /// Used in Taiwan (CC-CEDICT's "(Tw)").
    Taiwan,
    Dialect,
    Colloquial,
    /// Archaic, old or literary.
    Archaic,
    /// Only a variant form of another word.
    Variant,
}

impl Usage {
    fn from_flag(flag: char) -> Option<Usage> {
        Some(match flag {
            'i' => Usage::InternetSlang,
            's' => Usage::Slang,
            'n' => Usage::Neologism,
            't' => Usage::Taiwan,
            'd' => Usage::Dialect,
            'c' => Usage::Colloquial,
            'a' => Usage::Archaic,
            'v' => Usage::Variant,
            _ => return None,
        })
    }
}

/// One CC-CEDICT entry, borrowed from the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CedictEntry<'a> {
    pub simplified: &'a str,
    pub traditional: &'a str,
    /// As in CC-CEDICT: `yin2 hang2`, `lu:4`.
    pub pinyin_numbered: &'a str,
    flags: &'a str,
    glosses: &'a str,
}

impl<'a> CedictEntry<'a> {
    fn parse(line: &'a str) -> Option<CedictEntry<'a>> {
        let mut fields = line.split('\t');
        Some(CedictEntry {
            simplified: fields.next()?,
            traditional: fields.next()?,
            pinyin_numbered: fields.next()?,
            flags: fields.next()?,
            glosses: fields.next()?,
        })
    }

    pub fn glosses(&self) -> impl Iterator<Item = &'a str> {
        self.glosses.split('/').filter(|g| !g.is_empty())
    }

    pub fn usage(&self) -> Vec<Usage> {
        self.flags.chars().filter_map(Usage::from_flag).collect()
    }

    pub fn has(&self, usage: Usage) -> bool {
        self.usage().contains(&usage)
    }

    /// Sort key: the reading a learner should see first. Variant-only, archaic, proper-noun
    /// (capitalised pinyin) and surname-first entries go last; otherwise file order.
    fn rank(&self) -> (bool, bool, bool, bool) {
        (
            self.has(Usage::Variant),
            self.has(Usage::Archaic),
            self.pinyin_numbered.starts_with(|c: char| c.is_uppercase()),
            self.glosses.starts_with("surname"),
        )
    }
}

/// The CC-CEDICT table.
#[derive(Debug)]
pub struct Cedict {
    table: SortedTable,
}

impl Cedict {
    pub fn new(table: SortedTable) -> Cedict {
        Cedict { table }
    }

    /// The entries for `word` (simplified or traditional), best reading first.
    pub fn lookup(&self, word: &str) -> Vec<CedictEntry<'_>> {
        let mut entries: Vec<CedictEntry<'_>> = self
            .table
            .find(word)
            .filter_map(CedictEntry::parse)
            .collect();
        if entries.is_empty()
            && let Ok([_, _, to_simplified]) = char_converters()
            && let simplified = to_simplified.convert(word)
            && simplified != word
        {
            entries = self
                .table
                .find(&simplified)
                .filter_map(CedictEntry::parse)
                .filter(|e| e.traditional == word)
                .collect();
        }
        entries.sort_by_key(CedictEntry::rank);
        entries
    }

    pub fn contains(&self, word: &str) -> bool {
        self.table.find(word).next().is_some()
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    pub fn heap_bytes(&self) -> usize {
        self.table.heap_bytes()
    }
}

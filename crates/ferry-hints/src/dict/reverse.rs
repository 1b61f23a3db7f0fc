//! English → Chinese through CC-CEDICT's glosses, for words ECDICT's 50,000 headwords miss
//! (and for slangy senses it lacks: "awesome" → 给力, 绝了).
//!
//! The table maps a normalised gloss ("bank") to the words that have it, each with the gloss's
//! position in its entry. Candidates are ranked by that position (a first sense beats a
//! passing mention), then by how common the word is in jieba's word list.

use super::table::SortedTable;
use crate::segment::Segmenter;

/// The reverse gloss index.
#[derive(Debug)]
pub struct ReverseIndex {
    table: SortedTable,
}

impl ReverseIndex {
    pub fn new(table: SortedTable) -> ReverseIndex {
        ReverseIndex { table }
    }

    /// Up to `limit` Chinese words glossed as `english`, most likely first; `segmenter`'s
    /// word frequencies break ties.
    pub fn lookup(&self, english: &str, limit: usize, segmenter: &Segmenter) -> Vec<&str> {
        let key = english.trim().to_lowercase();
        let Some(line) = self.table.find(&key).next() else {
            return Vec::new();
        };
        let mut candidates: Vec<(usize, std::cmp::Reverse<usize>, &str)> = line
            .split('\t')
            .nth(1)
            .unwrap_or_default()
            .split(' ')
            .filter_map(|item| {
                let (word, position) = item.rsplit_once(':')?;
                let position = position.parse().ok()?;
                Some((position, std::cmp::Reverse(segmenter.frequency(word)), word))
            })
            .collect();
        candidates.sort();
        candidates
            .into_iter()
            .take(limit)
            .map(|(_, _, word)| word)
            .collect()
    }

    pub fn heap_bytes(&self) -> usize {
        self.table.heap_bytes()
    }
}

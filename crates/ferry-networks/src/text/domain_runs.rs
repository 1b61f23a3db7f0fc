//! Where a twitter-text URL can possibly be, found before the grammar runs, so the scan visits
//! only those places instead of every position of a long post.
//!
//! A URL needs a domain, and a domain needs a dot right after a run of label characters; a
//! URL with a scheme needs letters right before `://`. [`DomainRuns::new`] finds the dots and
//! the `://`s (one quick pass over the units), walks back over the label run before each, and
//! keeps those runs. The grammar then asks, for any position, where its label run ends if it
//! ends at a dot — a binary search instead of a table as long as the text.
//!
//! The runs depend only on the text and the grammar's domain class, so every grammar with the
//! same class (X's and Mastodon's) can scan the same `DomainRuns`.

use std::ops::Range;

use super::js_regex::UnitClass;

const DOT: u16 = 0x2E;
const HYPHEN: u16 = 0x2D;
const UNDERSCORE: u16 = 0x5F;
const COLON: u16 = 0x3A;
const SLASH: u16 = 0x2F;

pub struct DomainRuns {
    /// Runs of label characters (domain characters, `-`, `_`) that end at a dot: `start..dot`,
    /// ascending, never overlapping (a dot ends one run and is in none).
    dot_runs: Vec<Range<usize>>,
    /// Positions of `_` inside those runs, ascending: a name label (before the TLD) may not
    /// hold one, a subdomain label may.
    underscores: Vec<usize>,
    /// Ascending, disjoint ranges of positions where a URL may start: the dot runs, and the
    /// runs of ASCII letters right before `://`. Every real start is in one.
    starts: Vec<Range<usize>>,
}

impl DomainRuns {
    pub fn new(t: &[u16], domain: &UnitClass) -> Self {
        let mut runs = Self {
            dot_runs: Vec::new(),
            underscores: Vec::new(),
            starts: Vec::new(),
        };
        let is_label = |u: u16| domain.contains(u) || u == HYPHEN || u == UNDERSCORE;
        let is_letter = |u: u16| u8::try_from(u).is_ok_and(|b| b.is_ascii_alphabetic());
        for (at, &u) in t.iter().enumerate() {
            let run = if u == DOT {
                back_over(t, at, is_label)..at
            } else if u == COLON && t.get(at + 1..at + 3) == Some(&[SLASH, SLASH]) {
                back_over(t, at, is_letter)..at
            } else {
                continue;
            };
            if run.is_empty() {
                continue;
            }
            if u == DOT {
                let underscores = run.clone().filter(|&i| t[i] == UNDERSCORE);
                runs.underscores.extend(underscores);
                runs.dot_runs.push(run.clone());
            }
            runs.starts.push(run);
        }
        runs
    }

    /// The ranges of positions where a URL may start, ascending.
    pub fn starts(&self) -> &[Range<usize>] {
        &self.starts
    }

    /// Where the label run from `at` ends when it ends at a dot: the dot's position. With
    /// `underscore` false the run may not hold a `_` (a name label, not a subdomain).
    pub fn dot_after(&self, at: usize, underscore: bool) -> Option<usize> {
        let i = self.dot_runs.partition_point(|r| r.end <= at);
        let run = self.dot_runs.get(i).filter(|r| r.start <= at)?;
        if !underscore {
            let next = self.underscores.partition_point(|&u| u < at);
            if self.underscores.get(next).is_some_and(|&u| u < run.end) {
                return None;
            }
        }
        Some(run.end)
    }
}

/// The start of the run of units `member` accepts that ends at `end`.
fn back_over(t: &[u16], end: usize, member: impl Fn(u16) -> bool) -> usize {
    let mut start = end;
    while start > 0 && member(t[start - 1]) {
        start -= 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_label_runs_before_dots_and_schemes() {
        let domain =
            UnitClass::exact(|u| u8::try_from(u).map_or(true, |b| b.is_ascii_alphanumeric()));
        let t: Vec<u16> = "go a_b.c-d.com https://x".encode_utf16().collect();
        let runs = DomainRuns::new(&t, &domain);
        assert_eq!(runs.starts(), &[3..6, 7..10, 15..20]);
        assert_eq!(runs.dot_after(3, true), Some(6));
        assert_eq!(runs.dot_after(3, false), None); // `a_b` holds an underscore
        assert_eq!(runs.dot_after(5, false), Some(6));
        assert_eq!(runs.dot_after(8, false), Some(10));
        assert_eq!(runs.dot_after(11, true), None); // `com` ends at a space
        assert_eq!(runs.dot_after(0, true), None);
    }
}

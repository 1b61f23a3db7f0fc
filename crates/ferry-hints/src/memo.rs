//! A small, bounded memo for answers that cost far more to compute than to keep: the language
//! of a run (lingua and whatlang take ~100 µs per run) and the Chinese script of a Han run
//! (three OpenCC passes).
//!
//! Why: the hints panel recomputes the whole text on every keystroke, but a keystroke changes
//! one run; the other runs of a 1,000-character post come back unchanged, so their answers are
//! looked up instead of detected again. The memo never changes an answer, only when it is
//! computed.
//!
//! How: two generations of at most `capacity` entries each. Lookups check the current one,
//! then the previous one (moving a hit forward); when the current one is full it becomes the
//! previous one and the old previous one is dropped. That keeps what is in use, like an LRU,
//! with no per-entry bookkeeping, and caps memory at `2 × capacity` entries of at most
//! `MAX_KEY_BYTES` each.
//!
//! ```
//! use ferry_hints::memo::Memo;
//! let memo: Memo<usize> = Memo::new(2);
//! assert_eq!(memo.get_or_compute("abc", |s| s.len()), 3);
//! assert_eq!(memo.get_or_compute("abc", |_| unreachable!()), 3); // remembered
//! ```

use std::collections::HashMap;
use std::sync::Mutex;

/// Keys longer than this are computed every time rather than kept: a long run is rare, and
/// keeping it would let one pasted essay fill the memo.
pub const MAX_KEY_BYTES: usize = 512;

/// A bounded map from text to a computed answer, shared between threads.
#[derive(Debug)]
pub struct Memo<V> {
    capacity: usize,
    generations: Mutex<Generations<V>>,
}

#[derive(Debug)]
struct Generations<V> {
    current: HashMap<Box<str>, V>,
    previous: HashMap<Box<str>, V>,
}

impl<V: Clone> Memo<V> {
    /// A memo keeping up to `capacity` recent answers (and up to as many older ones).
    pub fn new(capacity: usize) -> Memo<V> {
        Memo {
            capacity: capacity.max(1),
            generations: Mutex::new(Generations {
                current: HashMap::new(),
                previous: HashMap::new(),
            }),
        }
    }

    /// The answer for `key`, computing it with `compute` when it is not kept. `compute` runs
    /// without the lock held, so a slow detection never blocks another thread's lookup.
    pub fn get_or_compute(&self, key: &str, compute: impl FnOnce(&str) -> V) -> V {
        if key.len() > MAX_KEY_BYTES {
            return compute(key);
        }
        if let Some(found) = self.lookup(key) {
            return found;
        }
        let value = compute(key);
        self.insert(key, value.clone());
        value
    }

    /// Drops every kept answer (benchmarks measure the cost of a text never seen before).
    pub fn clear(&self) {
        let mut generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        generations.current.clear();
        generations.previous.clear();
    }

    /// Entries kept in both generations.
    pub fn len(&self) -> usize {
        self.generations
            .lock()
            .map_or(0, |g| g.current.len() + g.previous.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lookup(&self, key: &str) -> Option<V> {
        // A poisoned lock only means another thread panicked mid-insert; the maps are still
        // valid, so keep using them.
        let mut generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = generations.current.get(key) {
            return Some(found.clone());
        }
        let (key, value) = generations.previous.remove_entry(key)?;
        let found = value.clone();
        generations.push(key, value, self.capacity);
        Some(found)
    }

    fn insert(&self, key: &str, value: V) {
        let mut generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        generations.push(key.into(), value, self.capacity);
    }
}

impl<V> Generations<V> {
    fn push(&mut self, key: Box<str>, value: V, capacity: usize) {
        if self.current.len() >= capacity && !self.current.contains_key(&key) {
            self.previous = std::mem::take(&mut self.current);
        }
        self.current.insert(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_recent_answers_within_two_generations() {
        let memo: Memo<usize> = Memo::new(2);
        let calls = std::cell::Cell::new(0);
        let len = |s: &str| {
            calls.set(calls.get() + 1);
            s.len()
        };
        for key in ["a", "bb", "a", "ccc", "a", "dddd", "eeeee"] {
            memo.get_or_compute(key, len);
        }
        // a, bb, ccc, dddd, eeeee computed once each; "a" was found both times.
        assert_eq!(calls.get(), 5);
        assert!(memo.len() <= 4);
        // "bb" fell out with the oldest generation and is computed again.
        memo.get_or_compute("bb", len);
        assert_eq!(calls.get(), 6);
    }

    #[test]
    fn long_keys_are_never_kept() {
        let memo: Memo<usize> = Memo::new(8);
        let long = "字".repeat(MAX_KEY_BYTES);
        assert_eq!(
            memo.get_or_compute(&long, |s| s.chars().count()),
            MAX_KEY_BYTES
        );
        assert!(memo.is_empty());
    }
}

//! A sorted, tab-separated table searched in place.
//!
//! The whole file is one `String`; an index of line starts (4 bytes a line) makes lookups a
//! binary search on the first field, with no per-entry allocation. Lines are sorted by their
//! first field in byte order, which is how scripts/dict/*.py sort them (Python's `sorted` on
//! `str` is code-point order, the same as UTF-8 byte order).

use std::path::Path;

use crate::error::HintsError;

/// A table whose lines are sorted by their first tab-separated field.
#[derive(Debug)]
pub struct SortedTable {
    text: String,
    starts: Vec<u32>,
}

impl SortedTable {
    /// Indexes `text`, checking it is sorted and fits 32-bit offsets. `path` names the file in
    /// errors.
    pub fn new(text: String, path: &Path) -> Result<SortedTable, HintsError> {
        if text.len() > u32::MAX as usize {
            return Err(format_error(path, 0, "file larger than 4 GiB"));
        }
        let mut starts = Vec::with_capacity(text.len() / 40);
        let mut at = 0;
        let mut previous = "";
        for (number, line) in text.split_inclusive('\n').enumerate() {
            let key = line.split('\t').next().unwrap_or_default();
            if key < previous {
                return Err(format_error(
                    path,
                    number + 1,
                    "lines are not sorted by key",
                ));
            }
            previous = key;
            starts.push(at as u32);
            at += line.len();
        }
        Ok(SortedTable { text, starts })
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Line `i` without its newline.
    pub fn line(&self, i: usize) -> &str {
        let start = self.starts[i] as usize;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        self.text[start..end].trim_end_matches('\n')
    }

    fn key(&self, i: usize) -> &str {
        self.line(i).split('\t').next().unwrap_or_default()
    }

    /// Every line whose first field is `key`, in file order.
    pub fn find(&self, key: &str) -> impl Iterator<Item = &str> {
        let first = self.starts.partition_point(|&s| {
            let line = &self.text[s as usize..];
            line.split(['\t', '\n']).next().unwrap_or_default() < key
        });
        (first..self.len())
            .take_while(move |&i| self.key(i) == key)
            .map(|i| self.line(i))
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.starts.capacity() * 4
    }
}

fn format_error(path: &Path, line: usize, problem: &str) -> HintsError {
    HintsError::DictFormat {
        path: path.to_owned(),
        line,
        problem: problem.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_lines_of_a_key_and_rejects_unsorted_files() {
        let table = SortedTable::new("a\t1\nb\t2\nb\t3\nc\t4".into(), Path::new("t")).unwrap();
        assert_eq!(table.find("b").collect::<Vec<_>>(), ["b\t2", "b\t3"]);
        assert_eq!(table.find("c").collect::<Vec<_>>(), ["c\t4"]);
        assert_eq!(table.find("zz").count(), 0);
        let err = SortedTable::new("b\t1\na\t2\n".into(), Path::new("t")).unwrap_err();
        assert_eq!(err.code(), "dict.format");
        assert!(err.to_string().contains("line 2"));
    }
}

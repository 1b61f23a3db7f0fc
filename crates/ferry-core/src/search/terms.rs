//! Turning what the user typed into search terms.
//!
//! Words are split on whitespace (including the ideographic space U+3000) and every word must
//! match. Words of three or more characters go to the FTS5 trigram index; shorter ones — one
//! or two Chinese characters are common queries ("渡", "渡口") — cannot be trigram-matched, so
//! they are checked with `LIKE` over the same text.

/// A parsed query: `indexed` words use the trigram index, `scanned` ones `LIKE`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Terms {
    pub indexed: Vec<String>,
    pub scanned: Vec<String>,
}

impl Terms {
    pub fn parse(query: &str) -> Terms {
        let mut terms = Terms::default();
        for word in query.split_whitespace() {
            if word.chars().count() >= 3 {
                terms.indexed.push(word.to_owned());
            } else {
                terms.scanned.push(word.to_owned());
            }
        }
        terms
    }

    pub fn is_empty(&self) -> bool {
        self.indexed.is_empty() && self.scanned.is_empty()
    }

    /// All words, for finding and highlighting matches in a snippet.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.indexed.iter().chain(&self.scanned).map(String::as_str)
    }

    /// An FTS5 MATCH expression: each word as a quoted string (so `AND`, `*` or `"` in it are
    /// plain text), all required.
    pub fn match_expression(&self) -> Option<String> {
        if self.indexed.is_empty() {
            return None;
        }
        let quoted: Vec<String> = self
            .indexed
            .iter()
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect();
        Some(quoted.join(" AND "))
    }

    /// `LIKE` patterns for the short words, with `\` escaping `%`, `_` and itself.
    pub fn like_patterns(&self) -> Vec<String> {
        self.scanned
            .iter()
            .map(|w| {
                let mut p = String::from("%");
                for c in w.chars() {
                    if matches!(c, '%' | '_' | '\\') {
                        p.push('\\');
                    }
                    p.push(c);
                }
                p.push('%');
                p
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_by_length() {
        let t = Terms::parse("渡口　ferry 渡 hello\"x");
        assert_eq!(t.indexed, vec!["ferry", "hello\"x"]);
        assert_eq!(t.scanned, vec!["渡口", "渡"]);
        assert_eq!(t.match_expression().unwrap(), r#""ferry" AND "hello""x""#);
    }

    #[test]
    fn escapes_like() {
        let t = Terms::parse("5% a_");
        assert_eq!(t.like_patterns(), vec![r"%5\%%", r"%a\_%"]);
    }
}

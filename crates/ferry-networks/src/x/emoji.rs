//! The emoji twitter-text counts as one unit of weight 2: exactly the sequences twemoji-parser
//! 11.0.2 recognises (Emoji 11.0 — ZWJ families and professions, skin tones, keycaps, flags),
//! found leftmost-first like its regular expression, so `👨‍👩‍👧` weighs 2 while an Emoji-12
//! sequence it does not know weighs 2 per part.
//!
//! The pattern is data (`data/twemoji.txt`, exported from the npm package by
//! `tests/oracles/export-data.mjs`): one alternative a line, over code points, in this notation:
//! `[1F3FB-1F3FF]` a class, `?` after a class makes it optional, `( a | b )` alternatives tried
//! in order, `(?! a )` "not followed by". This module parses it once and matches it with
//! backtracking, the way a JavaScript regex engine does.

use std::sync::LazyLock;

use crate::text::js_regex::UnitClass;
use crate::text::utf16::code_point_at;

static PATTERN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::parse(include_str!("data/twemoji.txt")).expect("bundled twemoji table is well formed")
});

/// The emoji of `units` (UTF-16) as `[start, end)` unit ranges, in order, never overlapping.
pub fn find_all(units: &[u16]) -> Vec<(usize, usize)> {
    let pattern = &*PATTERN;
    let mut found = Vec::new();
    let mut pos = 0;
    while pos < units.len() {
        let (cp, width) = code_point_at(units, pos);
        let may_start = match u16::try_from(cp) {
            Ok(unit) => pattern.first_bmp.contains(unit),
            Err(_) => in_ranges(&pattern.first, cp),
        };
        if may_start && let Some(end) = pattern.match_at(units, pos) {
            found.push((pos, end));
            pos = end;
        } else {
            pos += width;
        }
    }
    found
}

enum Node {
    Class {
        ranges: Vec<(u32, u32)>,
        optional: bool,
    },
    Group(Vec<Alt>),
    NotFollowedBy(Vec<Alt>),
}

/// One alternative and the code points it can start with, so trying it at a code point it
/// cannot start with costs one binary search instead of a walk into its groups.
struct Alt {
    items: Vec<Node>,
    /// Sorted ranges of possible first code points.
    first: Vec<(u32, u32)>,
    /// Whether it can match without consuming anything (then any code point may follow).
    nullable: bool,
}

impl Alt {
    fn new(items: Vec<Node>) -> Self {
        let mut first = Vec::new();
        let nullable = first_of(&items, &mut first);
        Self {
            items,
            first: merged(first),
            nullable,
        }
    }

    /// Whether the alternative may match at a position holding `cp` (`None`: the text's end).
    fn may_start(&self, cp: Option<u32>) -> bool {
        self.nullable || cp.is_some_and(|cp| in_ranges(&self.first, cp))
    }
}

struct Pattern {
    alternatives: Vec<Alt>,
    /// Code points an alternative can start with, to skip most text without trying.
    first: Vec<(u32, u32)>,
    /// The same for the BMP as one bit per unit: most text is tested with one load.
    first_bmp: UnitClass,
}

impl Pattern {
    fn parse(table: &str) -> Result<Self, String> {
        let mut alternatives = Vec::new();
        for (n, line) in table.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let mut at = 0;
            let seq = parse_seq(&tokens, &mut at).map_err(|e| format!("line {}: {e}", n + 1))?;
            if at != tokens.len() {
                return Err(format!("line {}: unexpected {:?}", n + 1, tokens[at]));
            }
            alternatives.push(Alt::new(seq));
        }
        if alternatives.iter().any(|alt| alt.nullable) {
            return Err("an alternative matches the empty string".into());
        }
        let first = merged(
            alternatives
                .iter()
                .flat_map(|alt| alt.first.clone())
                .collect(),
        );
        let first_bmp = UnitClass::exact(|u| in_ranges(&first, u32::from(u)));
        Ok(Self {
            alternatives,
            first,
            first_bmp,
        })
    }

    fn match_at(&self, units: &[u16], pos: usize) -> Option<usize> {
        let mut end = None;
        let cp = Some(code_point_at(units, pos).0);
        for alt in self.alternatives.iter().filter(|alt| alt.may_start(cp)) {
            if seq(&alt.items, units, pos, &mut |p| {
                end = Some(p);
                true
            }) {
                return end;
            }
        }
        None
    }
}

fn parse_seq(tokens: &[&str], at: &mut usize) -> Result<Vec<Node>, String> {
    let mut items = Vec::new();
    while let Some(&token) = tokens.get(*at) {
        match token {
            "|" | ")" => break,
            "(" | "(?!" => {
                *at += 1;
                let mut alts = vec![Alt::new(parse_seq(tokens, at)?)];
                while tokens.get(*at) == Some(&"|") {
                    *at += 1;
                    alts.push(Alt::new(parse_seq(tokens, at)?));
                }
                if tokens.get(*at) != Some(&")") {
                    return Err("unclosed group".into());
                }
                *at += 1;
                items.push(if token == "(" {
                    Node::Group(alts)
                } else {
                    Node::NotFollowedBy(alts)
                });
            }
            _ => {
                *at += 1;
                items.push(parse_class(token, tokens, at)?);
            }
        }
    }
    Ok(items)
}

/// A class token: `[A B-C]` possibly spread over several whitespace-separated tokens.
fn parse_class(token: &str, tokens: &[&str], at: &mut usize) -> Result<Node, String> {
    let mut body = token
        .strip_prefix('[')
        .ok_or_else(|| format!("expected a class at {token:?}"))?
        .to_owned();
    while !body.ends_with(']') && !body.ends_with("]?") {
        let next = tokens.get(*at).ok_or("unclosed class")?;
        *at += 1;
        body.push(' ');
        body.push_str(next);
    }
    let optional = body.ends_with('?');
    let body = body.trim_end_matches('?').trim_end_matches(']');
    let mut ranges = Vec::new();
    for part in body.split_whitespace() {
        let (lo, hi) = part.split_once('-').unwrap_or((part, part));
        let lo = u32::from_str_radix(lo, 16).map_err(|e| format!("{part}: {e}"))?;
        let hi = u32::from_str_radix(hi, 16).map_err(|e| format!("{part}: {e}"))?;
        ranges.push((lo, hi));
    }
    Ok(Node::Class {
        ranges: merged(ranges),
        optional,
    })
}

/// Adds the code points `items` can start with to `out`; returns whether `items` can match
/// without consuming anything. A lookahead consumes nothing, so it is looked through.
fn first_of(items: &[Node], out: &mut Vec<(u32, u32)>) -> bool {
    for item in items {
        match item {
            Node::Class { ranges, optional } => {
                out.extend_from_slice(ranges);
                if !optional {
                    return false;
                }
            }
            Node::Group(alts) => {
                let mut nullable = false;
                for alt in alts {
                    out.extend_from_slice(&alt.first);
                    nullable |= alt.nullable;
                }
                if !nullable {
                    return false;
                }
            }
            Node::NotFollowedBy(_) => {}
        }
    }
    true
}

/// Sorted, non-overlapping ranges, so membership is one binary search.
fn merged(mut ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    ranges.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (lo, hi) in ranges {
        match out.last_mut() {
            Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(lo, _)| lo <= cp);
    i > 0 && ranges[i - 1].1 >= cp
}

/// Matches `items` at `pos`, then asks `then` whether the rest of the pattern matches from the
/// end position; backtracks through optional classes and group alternatives in regex order.
fn seq(items: &[Node], units: &[u16], pos: usize, then: &mut dyn FnMut(usize) -> bool) -> bool {
    let Some((item, rest)) = items.split_first() else {
        return then(pos);
    };
    match item {
        Node::Class { ranges, optional } => {
            if pos < units.len() {
                let (cp, width) = code_point_at(units, pos);
                if in_ranges(ranges, cp) && seq(rest, units, pos + width, then) {
                    return true;
                }
            }
            *optional && seq(rest, units, pos, then)
        }
        Node::Group(alts) => {
            let cp = (pos < units.len()).then(|| code_point_at(units, pos).0);
            alts.iter().filter(|alt| alt.may_start(cp)).any(|alt| {
                seq(&alt.items, units, pos, &mut |p| {
                    seq(rest, units, p, &mut *then)
                })
            })
        }
        Node::NotFollowedBy(alts) => {
            let cp = (pos < units.len()).then(|| code_point_at(units, pos).0);
            let ahead = alts
                .iter()
                .filter(|alt| alt.may_start(cp))
                .any(|alt| seq(&alt.items, units, pos, &mut |_| true));
            !ahead && seq(rest, units, pos, then)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::utf16::units;

    fn emoji(text: &str) -> Vec<String> {
        let u = units(text);
        find_all(&u)
            .into_iter()
            .map(|(a, b)| String::from_utf16_lossy(&u[a..b]))
            .collect()
    }

    #[test]
    fn sequences_twemoji_knows_are_one_emoji() {
        assert_eq!(emoji("👨‍👩‍👧‍👦"), vec!["👨‍👩‍👧‍👦"]);
        assert_eq!(emoji("👍🏽 ok"), vec!["👍🏽"]);
        assert_eq!(emoji("🇨🇳🇺🇸"), vec!["🇨🇳", "🇺🇸"]);
        assert_eq!(emoji("1️⃣#⃣"), vec!["1️⃣", "#⃣"]);
        assert_eq!(emoji("©️ ©"), vec!["©️"]);
        assert_eq!(emoji("👩🏻‍⚕️"), vec!["👩🏻‍⚕️"]);
    }

    #[test]
    fn text_presentation_selector_stops_a_text_default_emoji() {
        assert_eq!(emoji("☀\u{FE0E}"), Vec::<String>::new());
        assert_eq!(emoji("☀"), vec!["☀"]);
        assert_eq!(emoji("中文 abc"), Vec::<String>::new());
    }
}

//! Pinyin with tone marks: from CC-CEDICT's numbered syllables (`yin2 hang2` → `yínháng`)
//! or, for words CC-CEDICT lacks, character by character from the `pinyin` crate.
//!
//! Tone marks follow the standard rule: on `a` or `e` if present, on the `o` of `ou`,
//! otherwise on the last vowel; `u:`/`v` is `ü`; tone 5 (neutral) has no mark. Syllables of a
//! word are written together as pinyin orthography does, with an apostrophe before a syllable
//! starting with a vowel (`xi1 an1` → `xī'ān`). Non-syllables CC-CEDICT uses for Latin letters
//! and digits (`K`, `san1 Q`) pass through.

use pinyin::ToPinyin;

/// Numbered CC-CEDICT pinyin → tone-marked, written as one word.
pub fn marked_word(numbered: &str) -> String {
    let mut out = String::new();
    let mut previous_was_syllable = None;
    for syllable in numbered.split_whitespace() {
        let marked = mark_syllable(syllable);
        let syllable_now = is_syllable(syllable);
        match previous_was_syllable {
            None => {}
            Some(true)
                if syllable_now && marked.starts_with(|c: char| "aeoāáǎàēéěèōóǒò".contains(c)) =>
            {
                out.push('\'');
            }
            Some(true) if syllable_now => {}
            Some(_) => out.push(' '),
        }
        out.push_str(&marked);
        previous_was_syllable = Some(syllable_now);
    }
    out
}

fn is_syllable(s: &str) -> bool {
    s.ends_with(|c: char| ('1'..='5').contains(&c)) && s.len() > 1
}

/// One numbered syllable (`hang2`, `lu:4`, `Bei3`) → marked (`háng`, `lǜ`, `Běi`).
pub fn mark_syllable(syllable: &str) -> String {
    let Some(tone) = syllable
        .chars()
        .last()
        .and_then(|c| c.to_digit(10))
        .filter(|t| *t <= 5)
    else {
        return syllable.to_owned();
    };
    let base: String = syllable[..syllable.len() - 1]
        .replace("u:", "ü")
        .replace('v', "ü");
    let base = base.replace("U:", "Ü").replace('V', "Ü");
    if tone == 5 || tone == 0 {
        return base;
    }
    let lower = base.to_lowercase();
    let index = lower
        .find('a')
        .or_else(|| lower.find('e'))
        .or_else(|| lower.find("ou"))
        .or_else(|| lower.rfind(|c: char| "iouü".contains(c)));
    let Some(index) = index else {
        return base; // "m2", "ng2", "r5": no vowel to mark
    };
    let mut out = String::with_capacity(base.len() + 2);
    for (i, c) in base.char_indices() {
        if i == index {
            out.push(with_tone(c, tone))
        } else {
            out.push(c)
        }
    }
    out
}

fn with_tone(vowel: char, tone: u32) -> char {
    const TABLE: [(char, [char; 4]); 12] = [
        ('a', ['ā', 'á', 'ǎ', 'à']),
        ('e', ['ē', 'é', 'ě', 'è']),
        ('i', ['ī', 'í', 'ǐ', 'ì']),
        ('o', ['ō', 'ó', 'ǒ', 'ò']),
        ('u', ['ū', 'ú', 'ǔ', 'ù']),
        ('ü', ['ǖ', 'ǘ', 'ǚ', 'ǜ']),
        ('A', ['Ā', 'Á', 'Ǎ', 'À']),
        ('E', ['Ē', 'É', 'Ě', 'È']),
        ('I', ['Ī', 'Í', 'Ǐ', 'Ì']),
        ('O', ['Ō', 'Ó', 'Ǒ', 'Ò']),
        ('U', ['Ū', 'Ú', 'Ǔ', 'Ù']),
        ('Ü', ['Ǖ', 'Ǘ', 'Ǚ', 'Ǜ']),
    ];
    TABLE
        .iter()
        .find(|(plain, _)| *plain == vowel)
        .map_or(vowel, |(_, marked)| marked[(tone - 1) as usize])
}

/// Character-by-character pinyin from the `pinyin` crate, for words CC-CEDICT does not have.
/// Characters it does not know (Latin, punctuation) are kept as they are.
pub fn fallback_word(word: &str) -> String {
    let mut out = String::new();
    for (c, py) in word.chars().zip(word.to_pinyin()) {
        match py {
            Some(py) => {
                let marked = py.with_tone();
                if !out.is_empty() && marked.starts_with(|c: char| "aeoāáǎàēéěèōóǒò".contains(c))
                {
                    out.push('\'');
                }
                out.push_str(marked);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_tones_by_the_standard_rule() {
        assert_eq!(marked_word("yin2 hang2"), "yínháng");
        assert_eq!(marked_word("lu:4 se4"), "lǜsè");
        assert_eq!(marked_word("Xi1 an1"), "Xī'ān");
        assert_eq!(marked_word("gou3 liu2 le5"), "gǒuliúle");
        assert_eq!(marked_word("hui4"), "huì");
        assert_eq!(marked_word("san1 Q"), "sān Q");
        assert_eq!(marked_word("U P zhu3"), "U P zhǔ");
        assert_eq!(mark_syllable("m2"), "m");
        assert_eq!(fallback_word("打工人"), "dǎgōngrén");
    }
}

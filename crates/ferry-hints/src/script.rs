//! Which writing system a character belongs to, as far as telling languages apart needs.
//!
//! This is deliberately coarser than Unicode's Script property: kana and Han are kept apart
//! (so Japanese can be recognised), the prolonged sound mark `ー` counts as kana although
//! Unicode calls it Common, and every non-letter (digits, punctuation, spaces, full-width
//! punctuation) is `Common`, which joins whatever run surrounds it.

/// A character's writing system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Han,
    Kana,
    Hangul,
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Thai,
    Devanagari,
    /// A letter of some other script.
    OtherLetter,
    /// Not a letter: digits, punctuation, symbols, spaces.
    Common,
}

impl Script {
    /// The script of one character.
    pub fn of(c: char) -> Script {
        let cp = c as u32;
        match cp {
            0x3005 | 0x3007 | 0x303B => Script::Han, // 々 〇 〻
            0x2E80..=0x2FDF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
            0x20000..=0x3134F => Script::Han,
            0x3041..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            0x1B000..=0x1B16F => Script::Kana,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Script::Hangul,
            0xFFA0..=0xFFDC => Script::Hangul,
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
                Script::Cyrillic
            }
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF => Script::Arabic,
            0xFE70..=0xFEFF => Script::Arabic,
            0x0E00..=0x0E7F => Script::Thai,
            0x0900..=0x097F => Script::Devanagari,
            _ if !c.is_alphabetic() => Script::Common,
            // Basic and extended Latin, IPA, Latin Extended Additional, full-width Latin.
            0x0041..=0x024F | 0x0250..=0x02AF | 0x1E00..=0x1EFF | 0xFF21..=0xFF5A => Script::Latin,
            _ => Script::OtherLetter,
        }
    }

    /// Han and kana are written together in Japanese, so they form one run; the run's
    /// language is decided afterwards.
    pub fn group(self) -> Script {
        match self {
            Script::Kana => Script::Han,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_scripts_that_matter() {
        assert_eq!(Script::of('汉'), Script::Han);
        assert_eq!(Script::of('々'), Script::Han);
        assert_eq!(Script::of('ー'), Script::Kana);
        assert_eq!(Script::of('ｶ'), Script::Kana);
        assert_eq!(Script::of('한'), Script::Hangul);
        assert_eq!(Script::of('é'), Script::Latin);
        assert_eq!(Script::of('Ａ'), Script::Latin);
        assert_eq!(Script::of('ж'), Script::Cyrillic);
        assert_eq!(Script::of('，'), Script::Common);
        assert_eq!(Script::of('7'), Script::Common);
        assert_eq!(Script::of('😀'), Script::Common);
        assert_eq!(Script::of('𰻞'), Script::Han);
    }
}

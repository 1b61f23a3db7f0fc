//! Runs in Latin and the other alphabets: English and its neighbours by lingua, the long tail
//! by whatlang.
//!
//! lingua (restricted to English, French, German and Spanish, the Latin-script languages a
//! bilingual feed meets most) is far more accurate than whatlang on one or two words, which is
//! what a Latin run inside a Chinese post usually is. whatlang knows ~70 languages, so when it
//! is confident about one lingua was not given (Portuguese, Vietnamese, Indonesian…) its answer
//! wins, unless lingua is sure of one of its four. A run of one or two words neither names
//! clearly is English: in Ferry's posts a lone Latin word almost always is; from three words
//! on, lingua's likeliest language stands unless all four are near a tie. whatlang is asked
//! only about runs of three words or more: on one or two words
//! it is right 17–35% of the time on English (docs/BENCHMARKS.md), so its "reliable" answer
//! there is noise, and skipping it halves the cost of the short runs a mixed post is full of.
//! A run with two or more English-only function words ("the", "and", "with"…), one word in
//! twelve or more, is English without asking either: those are the long runs the detectors
//! spend most on. Answers are
//! memoised per run text (`memo`), so a keystroke re-detects only the run it changed.
//! The measurements behind these choices are in docs/BENCHMARKS.md ("Translation hints").

use std::sync::{LazyLock, OnceLock};

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

use crate::lang::Lang;
use crate::memo::Memo;
use crate::script::Script;

/// Runs remembered per generation (see `memo`): far more than one post has.
const RUN_MEMO_CAPACITY: usize = 1024;

/// The fewest words a run needs before whatlang's opinion counts.
const WHATLANG_MIN_WORDS: usize = 3;

/// The lingua languages Ferry uses for Latin runs.
const LINGUA_LATIN: [Language; 4] = [
    Language::English,
    Language::French,
    Language::German,
    Language::Spanish,
];

fn lingua_latin() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| LanguageDetectorBuilder::from_languages(&LINGUA_LATIN).build())
}

/// Latin runs already detected (see `memo`).
pub(super) static LATIN_MEMO: LazyLock<Memo<Lang>> = LazyLock::new(|| Memo::new(RUN_MEMO_CAPACITY));

/// The language of a Latin-script run.
pub fn latin_run_lang(text: &str) -> Lang {
    LATIN_MEMO.get_or_compute(text, detect_latin)
}

/// Whether a run is one word (characters between spaces, holding a letter): `TikTok`,
/// `mxa35x5rb：`, `iPhone 15`.
pub(super) fn is_one_word(text: &str) -> bool {
    let mut words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic));
    words.next().is_some() && words.next().is_none()
}

/// English function words that are not words of French, German, Spanish, Dutch or Italian
/// ("was", "will" are German; "is", "of", "we" Dutch; "in", "on", "a", "i", "to" several).
const ENGLISH_ONLY_WORDS: [&str; 19] = [
    "the", "and", "you", "with", "this", "that", "for", "are", "were", "have", "has", "what",
    "your", "it", "just", "from", "they", "our", "can",
];

/// The fewest English-only function words that make a run English without asking the
/// detectors: two ("to trying the new menu" has "the" and nothing else; "Thanks for the warm
/// welcome" has two). Such runs are where lingua and whatlang spend most, being the longest.
const ENGLISH_WORDS_FOR_ENGLISH: usize = 2;

/// …and they must be at least one word in this many: a French or German sentence quoting an
/// English title ("… (Tax Reform, Population Ageing and the Changing Labour Supply …)") has
/// two in thirty. On lingua's test sentences the shortcut then fires on 686 of 1,000 English
/// lines and on none of 3,000 French, German and Spanish ones (it fired on two before).
const WORDS_PER_ENGLISH_WORD: usize = 12;

/// The confidence (0–1, across the four lingua languages) a non-English guess needs on a run
/// of up to [`ENGLISH_PRIOR_MAX_WORDS`] words.
const OTHER_LATIN_CONFIDENCE: f64 = 0.75;

/// The longest run, in words, that leans English.
const ENGLISH_PRIOR_MAX_WORDS: usize = 2;

/// On a longer run the likeliest language needs only this confidence, so that a near tie
/// between all four ("Covers 29 to 54 MHz, 108 to 174 MHz…", German 36%, English 31%) still
/// goes to English.
const SENTENCE_CONFIDENCE: f64 = 0.4;

/// lingua sure of one of its four languages beyond this is not overruled by whatlang: its
/// four models know them better than whatlang's trigrams (a Spanish sentence naming the
/// "Universitat de les Valls" is Catalan to whatlang, 89% Spanish to lingua), while text in a
/// language lingua was not given spreads its confidence (Portuguese, Vietnamese and Italian
/// sentences: 32–67%).
const LINGUA_SURE: f64 = 0.85;

fn detect_latin(text: &str) -> Lang {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let english_words = words
        .iter()
        .filter(|w| ENGLISH_ONLY_WORDS.contains(&w.as_str()))
        .count();
    if english_words >= ENGLISH_WORDS_FOR_ENGLISH
        && english_words * WORDS_PER_ENGLISH_WORD >= words.len()
    {
        return Lang::English;
    }
    let other = (words.len() >= WHATLANG_MIN_WORDS)
        .then(|| whatlang::detect(text))
        .flatten()
        .filter(|info| {
            info.is_reliable()
                && info.script() == whatlang::Script::Latin
                && !matches!(
                    info.lang(),
                    whatlang::Lang::Eng
                        | whatlang::Lang::Fra
                        | whatlang::Lang::Deu
                        | whatlang::Lang::Spa
                )
        });
    let confidences = lingua_latin().compute_language_confidence_values(text);
    let Some(&(language, confidence)) = confidences.first() else {
        return Lang::English;
    };
    if let Some(info) = other
        && confidence < LINGUA_SURE
    {
        return from_whatlang(info.lang());
    }
    // Ferry's readers meet English far more than French, German or Spanish, so on one or two
    // words another language must win clearly: there lingua's preference is often weak
    // ("Hello" leans Spanish). A sentence gives lingua enough to go on, and the same prior
    // cost whole sentences ("El ferry sale esta noche a las nueve." is 63% Spanish to lingua,
    // and was called English).
    let needed = if words.len() <= ENGLISH_PRIOR_MAX_WORDS {
        OTHER_LATIN_CONFIDENCE
    } else {
        SENTENCE_CONFIDENCE
    };
    if confidence >= needed {
        from_lingua(language)
    } else {
        Lang::English
    }
}

/// The language of a run in another alphabet (Cyrillic, Arabic, Thai…): whatlang's guess, or
/// the script's main language when whatlang has none.
pub fn other_run_lang(text: &str, script: Script) -> Lang {
    if let Some(info) = whatlang::detect(text) {
        return from_whatlang(info.lang());
    }
    match script {
        Script::Cyrillic => Lang::Other("ru".into()),
        Script::Greek => Lang::Other("el".into()),
        Script::Arabic => Lang::Other("ar".into()),
        Script::Hebrew => Lang::Other("he".into()),
        Script::Thai => Lang::Other("th".into()),
        Script::Devanagari => Lang::Other("hi".into()),
        _ => Lang::Undetermined,
    }
}

/// lingua's language as a Ferry tag.
pub fn from_lingua(language: Language) -> Lang {
    match language {
        Language::English => Lang::English,
        Language::Chinese => Lang::ZhHans,
        Language::Japanese => Lang::Japanese,
        Language::Korean => Lang::Korean,
        other => Lang::Other(other.iso_code_639_1().to_string()),
    }
}

/// whatlang's language as a Ferry tag: ISO 639-1 where there is one (BCP 47 prefers it),
/// else whatlang's ISO 639-3 code, which BCP 47 accepts too.
pub fn from_whatlang(lang: whatlang::Lang) -> Lang {
    use whatlang::Lang as W;
    let tag = match lang {
        W::Eng => return Lang::English,
        W::Cmn => return Lang::ZhHans,
        W::Jpn => return Lang::Japanese,
        W::Kor => return Lang::Korean,
        W::Fra => "fr",
        W::Deu => "de",
        W::Spa => "es",
        W::Por => "pt",
        W::Ita => "it",
        W::Nld => "nl",
        W::Rus => "ru",
        W::Ukr => "uk",
        W::Pol => "pl",
        W::Tur => "tr",
        W::Vie => "vi",
        W::Ind => "id",
        W::Ara => "ar",
        W::Heb => "he",
        W::Tha => "th",
        W::Hin => "hi",
        W::Ell => "el",
        W::Swe => "sv",
        W::Dan => "da",
        W::Fin => "fi",
        W::Ces => "cs",
        W::Hun => "hu",
        W::Ron => "ro",
        W::Pes => "fa",
        W::Tgl => "tl",
        other => other.code(),
    };
    Lang::Other(tag.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_latin_runs_are_english_and_long_foreign_ones_are_named() {
        assert_eq!(latin_run_lang("Starbucks"), Lang::English);
        assert_eq!(latin_run_lang("the weather today"), Lang::English);
        assert_eq!(
            latin_run_lang("Je pense donc je suis, et nous allons au marché demain matin."),
            Lang::Other("fr".into())
        );
        assert_eq!(
            other_run_lang("Привет, как у тебя дела сегодня?", Script::Cyrillic),
            Lang::Other("ru".into())
        );
    }
}

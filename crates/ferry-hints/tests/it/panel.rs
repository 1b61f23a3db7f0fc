//! The hints panel API against the real dictionaries (`make assets` builds them; `make test`
//! runs it first, so these tests never skip).

use ferry_hints::Lang;
use ferry_hints::dict::{Dictionaries, Usage};
use ferry_hints::panel::{EnglishSource, HintOptions, WordSource, hints};

fn options(variant: Option<Lang>) -> HintOptions {
    HintOptions {
        variant,
        ..HintOptions::default()
    }
}

#[test]
fn dictionaries_are_built() {
    Dictionaries::shared()
        .load_all()
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn chinese_words_get_word_level_pinyin_and_glosses_with_utf16_offsets() {
    let text = "😀我在银行工作，很开心！";
    let found = hints(text, &options(Some(Lang::ZhHans)));
    assert!(found.warnings.is_empty(), "{:?}", found.warnings);
    let bank = found.words.iter().find(|w| w.text == "银行").unwrap();
    assert_eq!(bank.pinyin, "yínháng");
    assert_eq!(bank.source, WordSource::CcCedict);
    assert!(bank.readings[0].glosses.iter().any(|g| g == "bank"));
    // 😀 is two UTF-16 units and one scalar.
    assert_eq!((bank.span.char_start, bank.span.utf16_start), (3, 4));
    assert_eq!(found.lang, Lang::ZhHans);
    assert!(found.mismatch.is_none());
}

#[test]
fn traditional_words_and_slang_flags_come_through() {
    let found = hints("我們的軟體很給力", &options(None));
    assert_eq!(found.lang, Lang::ZhHant);
    let software = found
        .words
        .iter()
        .find(|w| w.text.contains("軟體"))
        .unwrap();
    assert_eq!(software.readings[0].traditional, "軟體");
    let slang = hints("这家店真的绝绝子", &options(None));
    let word = slang.words.iter().find(|w| w.text == "绝绝子").unwrap();
    assert!(word.usage.contains(&Usage::Slang), "{word:?}");
}

#[test]
fn english_words_and_phrases_get_chinese_glosses() {
    let found = hints(
        "I look forward to it, she giggled. Awesome!",
        &options(Some(Lang::English)),
    );
    let phrase = found
        .english
        .iter()
        .find(|e| e.text == "look forward to")
        .unwrap();
    assert!(
        phrase
            .chinese
            .iter()
            .any(|c| c.contains("期望") || c.contains("盼望"))
    );
    let banks = found.english.iter().find(|e| e.text == "giggled").unwrap();
    assert_eq!(banks.headword, "giggle");
    assert_eq!(banks.source, EnglishSource::Ecdict);
    assert!(found.english.iter().all(|e| e.text != "the"));
}

#[test]
fn hashtags_slang_and_mismatch_are_reported() {
    let text =
        "Just joined RedNote, the food here is amazing and everyone is so kind #TikTokRefugee yyds";
    let found = hints(text, &options(Some(Lang::ZhHans)));
    assert_eq!(found.hashtags[0].equivalents[0], "#tiktok难民");
    let mismatch = found.mismatch.unwrap();
    assert_eq!(
        (mismatch.code.as_str(), mismatch.found),
        ("mismatch.language", Lang::English)
    );
    let script = hints("我們今天去台北看電影", &options(Some(Lang::ZhHans)))
        .mismatch
        .unwrap();
    assert_eq!(script.code, "mismatch.script");
    let notes = hints("这家店yyds", &options(None)).notes;
    assert_eq!(notes[0].term, "yyds");
}

#[test]
fn sentences_are_labelled_one_by_one() {
    let found = hints(
        "今天天气很好。I went hiking with friends. 明天见！",
        &options(None),
    );
    let langs: Vec<&str> = found.sentences.iter().map(|s| s.lang.tag()).collect();
    assert_eq!(langs, ["zh-Hans", "en", "zh-Hans"]);
}

#[test]
fn missing_dictionaries_degrade_to_pinyin_with_a_warning() {
    static EMPTY: std::sync::OnceLock<Dictionaries> = std::sync::OnceLock::new();
    let dicts = EMPTY.get_or_init(|| Dictionaries::open("/nonexistent/ferry-dict"));
    let found = hints(
        "你好",
        &HintOptions {
            dictionaries: Some(dicts),
            ..HintOptions::default()
        },
    );
    assert_eq!(found.words[0].pinyin, "nǐhǎo");
    assert_eq!(found.words[0].source, WordSource::PinyinOnly);
    assert_eq!(found.warnings[0].code, "dict.missing");
    assert!(found.warnings[0].message.contains("make assets"));
}

#[test]
fn a_keystroke_during_warm_up_is_answered_at_once_without_the_dictionaries() {
    // Dictionaries nobody has loaded yet: with skip_unloaded the call does not load them.
    static FRESH: std::sync::OnceLock<Dictionaries> = std::sync::OnceLock::new();
    let dicts = FRESH.get_or_init(|| Dictionaries::open(ferry_hints::dict::default_dir()));
    let options = HintOptions {
        dictionaries: Some(dicts),
        skip_unloaded: true,
        ..HintOptions::default()
    };
    let found = hints("我在银行工作 #TikTokRefugee yyds", &options);
    assert_eq!(found.warnings[0].code, "dict.loading");
    assert!(!dicts.ready(), "skipping never starts a load");
    // Pinyin character by character, hashtags and slang are there already.
    let pinyin: Vec<&str> = found.words.iter().map(|w| w.pinyin.as_str()).collect();
    assert_eq!(pinyin[..3], ["wǒ", "zài", "yín"]);
    assert!(!found.hashtags[0].equivalents.is_empty());
    assert_eq!(found.notes[0].term, "yyds");

    dicts.load_all().unwrap_or_else(|e| panic!("{e}"));
    let found = hints("我在银行工作", &options);
    assert!(found.warnings.is_empty(), "{:?}", found.warnings);
    assert!(found.words.iter().any(|w| w.text == "银行"));
}

//! The hints panel's commands against the dictionaries `make assets` builds (FERRY_DICT_DIR,
//! which the Makefile exports): what a keystroke gets before and after the warm-up, and
//! Simplified ↔ Traditional conversion with regional phrasing.

use ferry_app::commands::hints::{convert_chinese, convert_now, hints, hints_now};
use ferry_hints::dict::Dictionaries;

fn warning_codes(found: &ferry_hints::panel::Hints) -> Vec<&str> {
    found.warnings.iter().map(|w| w.code.as_str()).collect()
}

#[tokio::test]
async fn a_keystroke_never_waits_and_gets_glosses_after_the_warm_up() {
    // Before the warm-up: an answer at once, pinyin character by character, and a notice.
    let early = hints("你好，世界！#TikTokRefugee".into(), Some("zh-Hans".into()))
        .await
        .unwrap();
    assert!(
        warning_codes(&early).contains(&"dict.loading"),
        "{:?}",
        early.warnings
    );
    let ni = early.words.iter().find(|w| w.text == "你").unwrap();
    assert_eq!(ni.pinyin, "nǐ");
    assert_eq!(early.hashtags[0].tag, "#TikTokRefugee");

    Dictionaries::shared().warm_up();
    let text = "姐妹们，你好！I love this café 👩‍👩‍👧 #TikTokRefugee";
    let found = hints_now(text, Some("zh-Hans"));
    assert!(
        found.warnings.is_empty(),
        "the dictionaries must be built (make assets): {:?}",
        found.warnings
    );
    let nihao = found.words.iter().find(|w| w.text == "你好").unwrap();
    // Pinyin orthography writes a word's syllables together.
    assert_eq!(nihao.pinyin, "nǐhǎo");
    assert!(
        nihao.readings[0]
            .glosses
            .iter()
            .any(|g| g.contains("hello"))
    );
    // UTF-16 offsets are what the UI slices with: "姐妹们，" is four units.
    assert_eq!((nihao.span.utf16_start, nihao.span.utf16_end), (4, 6));
    assert_eq!(&text[nihao.span.byte_start..nihao.span.byte_end], "你好");
    let love = found.english.iter().find(|e| e.text == "love").unwrap();
    assert!(!love.chinese.is_empty());
    assert!(!found.hashtags[0].equivalents.is_empty());
    let langs: Vec<&str> = found.sentences.iter().map(|s| s.lang.tag()).collect();
    assert_eq!(langs.first(), Some(&"zh-Hans"));
}

#[tokio::test]
async fn a_variant_in_the_wrong_language_is_flagged() {
    let found = hints_now(
        "This is clearly an English sentence about ferries.",
        Some("zh-Hans"),
    );
    let mismatch = found.mismatch.expect("an English text filed as zh-Hans");
    assert_eq!(mismatch.code, "mismatch.language");
    assert!(hints_now("渡口见。", Some("zh-Hans")).mismatch.is_none());
    // No variant, no check.
    assert!(hints_now("This is English.", None).mismatch.is_none());
}

#[tokio::test]
async fn converts_between_simplified_and_traditional_with_regional_phrasing() {
    let taiwan = convert_chinese("鼠标和软件，👩‍👩‍👧！".into(), "zh-TW".into())
        .await
        .unwrap();
    assert_eq!(taiwan, "滑鼠和軟體，👩‍👩‍👧！");
    assert_eq!(convert_now("头发", "zh-HK").unwrap(), "頭髮");
    assert_eq!(convert_now(&taiwan, "zh-Hans").unwrap(), "鼠标和软件，👩‍👩‍👧！");

    let err = convert_now("你好", "klingon").unwrap_err();
    assert_eq!(err.code(), "convert.unknown_target");
    assert!(err.to_string().contains("klingon"), "{err}");
}

/// Set in the child process [`without_dictionaries_the_answer_says_so_calmly`] starts.
const CHILD: &str = "FERRY_HINTS_TEST_CHILD";

#[test]
fn without_dictionaries_the_answer_says_so_calmly() {
    // The dictionaries' folder is read once per process, so the case runs in a child process
    // of this test binary pointed at an empty folder.
    if std::env::var_os(CHILD).is_none() {
        let empty = tempfile::tempdir().unwrap();
        // The full path: with `--exact` a bare function name matches no test in the one test
        // binary, and a child that ran nothing would exit 0.
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "hints_commands::without_dictionaries_the_answer_says_so_calmly",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .env("FERRY_DICT_DIR", empty.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "the child test failed or did not run: {}\n{stdout}",
            out.status
        );
        return;
    }
    Dictionaries::shared().warm_up();
    let found = hints_now("你好，世界！", Some("zh-Hans"));
    let missing = found
        .warnings
        .iter()
        .find(|w| w.code == "dict.missing")
        .unwrap_or_else(|| panic!("no dict.missing warning: {:?}", found.warnings));
    assert!(
        missing.message.contains("make assets"),
        "{}",
        missing.message
    );
    // Still an answer: words with pinyin, no meanings.
    let ni_hao: String = found.words.iter().map(|w| w.pinyin.as_str()).collect();
    assert!(ni_hao.contains("nǐ") && ni_hao.contains("hǎo"), "{ni_hao}");
    assert!(found.words.iter().all(|w| w.readings.is_empty()));
}

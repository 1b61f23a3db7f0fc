//! Language detection accuracy on lingua's own test data (1,000 single words, word pairs and
//! sentences per language), for plain whatlang, plain lingua (Ferry's seven languages) and
//! Ferry's detector. Run: `cargo run --release -p ferry-hints --example accuracy`.
//! The lingua model crates ship `testdata/`; cargo unpacks them under
//! `$CARGO_HOME/registry/src/*/lingua-<language>-language-model-*`.

use std::path::PathBuf;

use ferry_hints::Lang;
use ferry_hints::detect::{detect, from_lingua, from_whatlang};
use lingua::{Language, LanguageDetectorBuilder};

fn testdata(language: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"));
    let prefix = format!("lingua-{language}-language-model-");
    for index in std::fs::read_dir(home.join("registry/src")).expect("no cargo registry") {
        let index = index.unwrap().path();
        for krate in std::fs::read_dir(&index).unwrap().flatten() {
            if krate.file_name().to_string_lossy().starts_with(&prefix) {
                return krate.path().join("testdata");
            }
        }
    }
    panic!("{prefix}* not found: run `cargo build -p ferry-hints` first");
}

fn same(found: &Lang, expected: &Lang) -> bool {
    found == expected || (found.is_chinese() && expected.is_chinese())
}

fn main() {
    let lingua = LanguageDetectorBuilder::from_languages(&[
        Language::English,
        Language::Chinese,
        Language::Japanese,
        Language::Korean,
        Language::French,
        Language::German,
        Language::Spanish,
    ])
    .build();
    println!("| language | test set | whatlang | lingua | Ferry |");
    println!("|---|---|---:|---:|---:|");
    for (name, expected) in [
        ("english", Lang::English),
        ("chinese", Lang::ZhHans),
        ("japanese", Lang::Japanese),
        ("french", Lang::Other("fr".into())),
        ("german", Lang::Other("de".into())),
        ("spanish", Lang::Other("es".into())),
    ] {
        for set in ["single-words", "word-pairs", "sentences"] {
            let text = std::fs::read_to_string(testdata(name).join(format!("{set}.txt"))).unwrap();
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            report(&lingua, name, set, &lines, &expected);
            if expected == Lang::Japanese {
                // The hard case: Japanese written without any kana.
                let kanji_only: Vec<&str> = lines
                    .iter()
                    .copied()
                    .filter(|l| !l.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)))
                    .collect();
                report(
                    &lingua,
                    name,
                    &format!("{set}, kanji only"),
                    &kanji_only,
                    &expected,
                );
            }
        }
    }
}

fn report(
    lingua: &lingua::LanguageDetector,
    name: &str,
    set: &str,
    lines: &[&str],
    expected: &Lang,
) {
    {
        {
            let mut hits = [0usize; 3];
            if lines.is_empty() {
                return;
            }
            for line in lines {
                let by_whatlang =
                    whatlang::detect(line).map_or(Lang::Undetermined, |i| from_whatlang(i.lang()));
                let by_lingua = lingua
                    .detect_language_of(*line)
                    .map_or(Lang::Undetermined, from_lingua);
                let by_ferry = detect(line).lang;
                for (hit, found) in hits.iter_mut().zip([by_whatlang, by_lingua, by_ferry]) {
                    *hit += usize::from(same(&found, expected));
                }
            }
            let pct = |h: usize| format!("{:.1}%", 100.0 * h as f64 / lines.len() as f64);
            println!(
                "| {name} | {set} ({}) | {} | {} | {} |",
                lines.len(),
                pct(hits[0]),
                pct(hits[1]),
                pct(hits[2])
            );
        }
    }
}

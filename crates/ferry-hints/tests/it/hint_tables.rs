//! Every hint table file is valid: parseable, required fields present, no duplicates — and
//! there are enough entries to be useful.

use ferry_hints::Lang;
use ferry_hints::tables::{BUILTIN, HintKind, HintTables};

#[test]
fn every_builtin_table_parses_and_validates() {
    let tables = HintTables::parse(&BUILTIN).unwrap_or_else(|e| panic!("{e}"));
    let count = |kind| tables.entries().iter().filter(|e| e.kind == kind).count();
    assert!(
        tables.entries().len() >= 200,
        "only {} entries",
        tables.entries().len()
    );
    assert!(count(HintKind::Hashtag) >= 40);
    assert!(count(HintKind::Slang) >= 80);
    assert!(count(HintKind::Tone) >= 25);
    assert!(count(HintKind::Convention) >= 20);
}

#[test]
fn the_files_in_assets_are_the_ones_compiled_in() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/hints");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let mut built_in: Vec<&str> = BUILTIN.iter().map(|(name, _)| *name).collect();
    built_in.sort();
    assert_eq!(on_disk, built_in, "add new table files to tables::BUILTIN");
}

#[test]
fn invalid_files_are_rejected_with_the_file_and_entry_named() {
    let missing = "[[entry]]\nterm = \"x\"\nlang = \"en\"\nmeaning = \"\"\nregister = \"r\"\n";
    let err = HintTables::parse(&[("slang.toml", missing)]).unwrap_err();
    assert_eq!(err.code(), "hints.table_invalid");
    assert!(err.to_string().contains("slang.toml") && err.to_string().contains("meaning"));

    let unknown =
        "[[entry]]\nterm = \"x\"\nlang = \"en\"\nmeaning = \"m\"\nregister = \"r\"\nfoo = 1\n";
    assert!(HintTables::parse(&[("slang.toml", unknown)]).is_err());

    let entry =
        "[[entry]]\nterm = \"YYDS\"\nlang = \"zh-Hans\"\nmeaning = \"m\"\nregister = \"r\"\n";
    let twice = format!("{entry}\n{}", entry.replace("YYDS", "yyds"));
    let err = HintTables::parse(&[("slang.toml", &twice)]).unwrap_err();
    assert!(err.to_string().contains("duplicate"), "{err}");

    let untagged = "[[entry]]\nterm = \"OOTD\"\nlang = \"en\"\nmeaning = \"m\"\nregister = \"r\"\n";
    assert!(HintTables::parse(&[("hashtags.toml", untagged)]).is_err());
    assert!(HintTables::parse(&[("slang.toml", "not toml [")]).is_err());
}

#[test]
fn finds_slang_and_hashtag_equivalents_both_ways() {
    let tables = HintTables::builtin().unwrap();
    let terms: Vec<&str> = tables
        .notes_in("姐妹们这家店yyds！666 打卡了")
        .iter()
        .map(|m| m.entry.term.as_str())
        .collect();
    assert_eq!(terms, ["yyds", "666", "打卡"]);
    // Latin-letter Chinese slang needs Chinese around it; numbers must stand alone.
    assert!(tables.notes_in("gg wp, 16660 points").is_empty());
    assert!(
        tables
            .hashtag_equivalents("#tiktok难民[话题]#")
            .contains(&"#TikTokRefugee")
    );
    assert!(tables.hashtag_equivalents("#ootd").contains(&"#今日穿搭"));
    assert!(!tables.conventions("rednote").is_empty());
    assert!(
        tables
            .entries()
            .iter()
            .all(|e| e.lang != Lang::Undetermined)
    );
}

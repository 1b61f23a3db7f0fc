//! Cold-load time and resident memory of everything the hints load lazily: the dictionary
//! tables, jieba's dictionary, lingua's models, OpenCC's tables and the hint tables.
//! Run: `cargo run --release -p ferry-hints --example memory` (after `make assets`).

use std::time::Instant;

use ferry_hints::dict::Dictionaries;
use ferry_hints::panel::{HintOptions, hints};

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let before = rss_kib();
    let dicts = Dictionaries::shared();
    let start = Instant::now();
    dicts.cedict().expect("dictionaries: run `make assets`");
    dicts.ecdict().expect("dictionaries: run `make assets`");
    dicts.reverse().expect("dictionaries: run `make assets`");
    let tables = start.elapsed();
    let after_tables = rss_kib();
    let start = Instant::now();
    dicts.segmenter().expect("jieba.txt: run `make assets`");
    let jieba = start.elapsed();
    let after_jieba = rss_kib();
    let start = Instant::now();
    let _ = hints(
        "今天去了 Starbucks，拿铁很好喝！Bonjour tout le monde. 東京タワー #OOTD yyds",
        &HintOptions::default(),
    );
    let rest = start.elapsed();
    let after = rss_kib();
    println!(
        "dictionary tables: {:.1} ms, +{:.1} MiB RSS ({:.1} MiB heap)",
        tables.as_secs_f64() * 1e3,
        (after_tables - before) as f64 / 1024.0,
        dicts.heap_bytes() as f64 / 1048576.0
    );
    println!(
        "jieba: {:.1} ms, +{:.1} MiB RSS; lingua + OpenCC + hint tables on first call: {:.1} ms",
        jieba.as_secs_f64() * 1e3,
        (after_jieba - after_tables) as f64 / 1024.0,
        rest.as_secs_f64() * 1e3
    );
    println!("total: +{:.1} MiB RSS", (after - before) as f64 / 1024.0);
}

//! Cold-load time and resident memory of everything the hints load lazily: the dictionary
//! tables, jieba's dictionary, lingua's models, OpenCC's tables and the hint tables.
//! Then the per-keystroke cost in the same build (useful for debug builds, which the E2E runs).
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
    keystrokes();
}

/// The per-keystroke cost in this build (the E2E runs a debug one): hints for a 1,000-char
/// mixed post after each of 40 one-character edits. The criterion bench has release figures.
fn keystrokes() {
    let paragraph = "姐妹们！今天去了 Starbucks，拿铁真的绝绝子😍 I look forward to trying the new \
                     menu. 我們下週在台北見面吧～ #TikTokRefugee yyds 666 ";
    let post: Vec<char> = paragraph.chars().cycle().take(1000).collect();
    let mut times: Vec<f64> = (0..40)
        .map(|i| {
            let mut edited = post.clone();
            edited.insert((i * 97) % post.len(), if i % 2 == 0 { '好' } else { 'e' });
            let text: String = edited.into_iter().collect();
            let start = Instant::now();
            let _ = hints(&text, &HintOptions::default());
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "hints for a 1,000-char post after one keystroke: median {:.1} ms, max {:.1} ms (40 edits)",
        times[times.len() / 2],
        times[times.len() - 1]
    );
}

//! What an hour of typing costs on disk: a 100 KB bilingual draft autosaved every 500 ms for
//! an hour of simulated time (7,200 saves, each one character more), with the history
//! thinned as it goes. Prints the database's size against the anchor — every snapshot kept,
//! as before thinning — and checks that every revision kept still restores to the text it
//! was saved with.
//!
//!     cargo run --release -p ferry-core --example history_size [minutes]
//!
//! The engine's clock is moved 500 ms ahead after each save (`advance_clock_for_simulation`),
//! so the hour takes a minute or so; figures and machine are in docs/BENCHMARKS.md.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Instant;

use ferry_core::{
    DraftEdit, LangTag, Network, NewDraft, Store, Target, Variant, advance_clock_for_simulation,
};

const TARGET_BYTES: usize = 100 * 1024;
const SAVE_EVERY_MS: i64 = 500;

fn variant(lang: &str, text: String) -> Variant {
    Variant {
        lang: LangTag::parse(lang).expect("language tag"),
        text,
    }
}

/// ~50 KB of Chinese and ~50 KB of English: 100 KB of UTF-8 between them.
fn starting_texts() -> (String, String) {
    let zh_line = "渡口的灯还亮着，最后一班船在雾里慢慢靠岸。👩‍👩‍👧 我们明天见！\n";
    let en_line = "The ferry light is still on; the last boat eases in through the fog. ";
    let mut zh = String::new();
    while zh.len() < TARGET_BYTES / 2 {
        zh.push_str(zh_line);
    }
    let mut en = String::new();
    while en.len() < TARGET_BYTES / 2 {
        en.push_str(en_line);
    }
    (zh, en)
}

fn fingerprint(zh: &str, en: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    (zh, en).hash(&mut hasher);
    hasher.finish()
}

fn folder_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("data folder")
        .filter_map(Result::ok)
        .filter_map(|entry| entry.metadata().ok())
        .filter(|meta| meta.is_file())
        .map(|meta| meta.len())
        .sum()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let minutes: i64 = std::env::args()
        .nth(1)
        .map(|m| m.parse().expect("minutes of typing"))
        .unwrap_or(60);
    let saves = minutes * 60 * 1000 / SAVE_EVERY_MS;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).await.expect("store");
    let (mut zh, en) = starting_texts();
    let draft = store
        .create_draft(NewDraft {
            variants: vec![variant("zh-Hans", zh.clone()), variant("en", en.clone())],
            targets: vec![Target::network(Network::Mastodon)],
            ..Default::default()
        })
        .await
        .expect("draft");
    let mut saved: HashMap<u32, u64> = HashMap::from([(draft.revision, fingerprint(&zh, &en))]);
    let mut revision = draft.revision;
    let mut snapshot_bytes: u64 = (zh.len() + en.len()) as u64;
    let started = Instant::now();
    for i in 0..saves {
        // A character typed in the middle of the Chinese text (so no two saves are alike).
        let at = zh
            .char_indices()
            .nth(usize::try_from(i).unwrap_or_default() % 5_000 + 100)
            .map(|(at, _)| at)
            .unwrap_or(zh.len());
        zh.insert(at, if i % 2 == 0 { '渡' } else { 'a' });
        let edit = DraftEdit {
            id: draft.id.clone(),
            base_revision: revision,
            variants: vec![variant("zh-Hans", zh.clone()), variant("en", en.clone())],
            overrides: Default::default(),
            targets: draft.content.targets.clone(),
            topics: Vec::new(),
            attachments: Vec::new(),
        };
        let outcome = store.save_draft(edit).await.expect("save");
        revision = outcome.draft.revision;
        saved.insert(revision, fingerprint(&zh, &en));
        snapshot_bytes += (zh.len() + en.len()) as u64;
        advance_clock_for_simulation(chrono::Duration::milliseconds(SAVE_EVERY_MS));
    }
    let elapsed = started.elapsed();

    let kept = store.history(&draft.id).await.expect("history");
    for summary in &kept {
        let back = store
            .get_revision(&draft.id, summary.number)
            .await
            .expect("a kept revision reads back");
        let texts: Vec<&str> = back
            .content
            .variants
            .iter()
            .map(|v| v.text.as_str())
            .collect();
        assert_eq!(
            Some(&fingerprint(texts[0], texts[1])),
            saved.get(&summary.number),
            "revision {} restores to the text it was saved with",
            summary.number
        );
    }
    store.close().await;
    let on_disk = folder_bytes(dir.path());
    let mib = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    println!(
        "draft: {:.0} KB of UTF-8 (zh + en)",
        (zh.len() + en.len()) as f64 / 1024.0
    );
    println!(
        "{saves} saves over {minutes} simulated minutes in {:.1} s ({:.2} ms a save)",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / saves as f64
    );
    println!(
        "revisions kept: {} of {} (each one restored and checked)",
        kept.len(),
        saves + 1
    );
    println!("data folder after close: {:.1} MiB", mib(on_disk));
    println!(
        "anchor, every snapshot kept: {:.1} MiB of text alone",
        mib(snapshot_bytes)
    );
    assert!(on_disk < 50 * 1024 * 1024, "over the 50 MB budget");
}

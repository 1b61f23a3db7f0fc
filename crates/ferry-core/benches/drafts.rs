//! Drafts store speed: autosave into a long history, and listing/searching many drafts.
//!
//! `cargo bench -p ferry-core --bench drafts`. Criterion reports means with confidence
//! intervals; every benchmark here also records each iteration's own time and prints the
//! p50/p99/max, because the targets (docs/BENCHMARKS.md) are about tail latency:
//! autosave p99 < 5 ms with 1,000 revisions; list and search of 10,000 drafts < 20 ms.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_core::{DraftEdit, LangTag, ListQuery, NewDraft, Store, Variant};
use tokio::runtime::Runtime;

/// Per-iteration times, so percentiles can be computed beside Criterion's means.
#[derive(Default)]
struct Samples(RefCell<Vec<Duration>>);

impl Samples {
    fn timed<T>(&self, f: impl FnOnce() -> T) -> Duration {
        let start = Instant::now();
        let out = f();
        let took = start.elapsed();
        std::hint::black_box(out);
        self.0.borrow_mut().push(took);
        took
    }

    fn report(&self, name: &str) {
        let mut all = self.0.borrow_mut();
        all.sort_unstable();
        if all.is_empty() {
            return;
        }
        let pick = |q: f64| all[((all.len() as f64 * q).ceil() as usize).clamp(1, all.len()) - 1];
        println!(
            "{name}: n={} p50={:.3} ms p99={:.3} ms max={:.3} ms",
            all.len(),
            ms(pick(0.50)),
            ms(pick(0.99)),
            ms(*all.last().unwrap())
        );
        all.clear();
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn lang(tag: &str) -> LangTag {
    LangTag::parse(tag).unwrap()
}

/// Deterministic mixed Chinese/English text of `chars` characters.
fn text(seed: u64, chars: usize) -> String {
    const WORDS: &[&str] = &[
        "渡口", "ferry", "日落", "sunset", "咖啡", "coffee", "新书", "release", "臺北", "harbour",
        "朋友", "friends", "周末", "weekend", "市场", "market", "😀", "，", "。", " ",
    ];
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut out = String::new();
    while out.chars().count() < chars {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(WORDS[(state >> 33) as usize % WORDS.len()]);
    }
    out.chars().take(chars).collect()
}

fn edit(id: &str, base: u32, text: String) -> DraftEdit {
    DraftEdit {
        id: id.to_owned(),
        base_revision: base,
        variants: vec![Variant {
            lang: lang("zh-Hans"),
            text,
        }],
        overrides: vec![],
        targets: vec![],
        topics: vec![],
        attachments: vec![],
    }
}

fn autosave(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = rt.block_on(Store::open(dir.path())).unwrap();
    let base_text = text(7, 10_000);
    let draft = rt
        .block_on(store.create_draft(NewDraft {
            variants: vec![Variant {
                lang: lang("zh-Hans"),
                text: base_text.clone(),
            }],
            ..Default::default()
        }))
        .unwrap();
    // Typing: each save changes the text a little, so each one writes a revision.
    let mut revision = draft.revision;
    let mut typed = 0u64;
    let mut next_save = || {
        typed += 1;
        let mut t = base_text.clone();
        t.push_str(&typed.to_string());
        let saved = rt
            .block_on(store.save_draft(edit(&draft.id, revision, t)))
            .unwrap();
        revision = saved.draft.revision;
        revision
    };
    while next_save() < 1_000 {}

    // Back to back: the background upkeep (indexing, checkpoints) competes with the saves.
    let samples = Samples::default();
    c.bench_function("autosave 10k-char draft, 1,000+ revisions", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| samples.timed(&mut next_save)).sum())
    });
    samples.report("autosave 10k-char draft, 1,000+ revisions");

    // Paced more like typing (the composer saves at most every 500 ms): a pause between
    // saves, outside the measured time, lets the background upkeep run where it would.
    let samples = Samples::default();
    let mut group = c.benchmark_group("paced");
    // The pauses don't count as measured time: keep Criterion's budget small.
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(1));
    group.bench_function(
        "autosave 10k-char draft, 1,000+ revisions, 10 ms apart",
        |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        std::thread::sleep(Duration::from_millis(10));
                        samples.timed(&mut next_save)
                    })
                    .sum()
            })
        },
    );
    group.finish();
    samples.report("autosave 10k-char draft, 1,000+ revisions, 10 ms apart");
}

fn list_and_search(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = rt.block_on(Store::open(dir.path())).unwrap();
    rt.block_on(async {
        for i in 0..10_000u64 {
            let new = NewDraft {
                variants: vec![
                    Variant {
                        lang: lang("zh-Hans"),
                        text: text(i, 120),
                    },
                    Variant {
                        lang: lang("en"),
                        text: text(i + 1_000_000, 160),
                    },
                ],
                ..Default::default()
            };
            store.create_draft(new).await.unwrap();
        }
    });

    let queries: [(&str, Option<&str>); 7] = [
        ("list newest 50", None),
        ("search 'sunset' (common)", Some("sunset")),
        ("search '渡口' (2 chars, common)", Some("渡口")),
        ("search 'ferry 日落' (two words)", Some("ferry 日落")),
        ("search '咖啡朋友' (rare)", Some("咖啡朋友")),
        (
            "search 'nothing-like-this' (no match)",
            Some("nothing-like-this"),
        ),
        ("search '雪山' (2 chars, no match)", Some("雪山")),
    ];
    let mut group = c.benchmark_group("10,000 drafts");
    for (name, search) in queries {
        let query = ListQuery {
            search: search.map(str::to_owned),
            ..Default::default()
        };
        let samples = Samples::default();
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| samples.timed(|| rt.block_on(store.list_drafts(&query)).unwrap()))
                    .sum()
            })
        });
        samples.report(&format!("10,000 drafts / {name}"));
    }

    // Opening checks the whole file (quick_check) before use: what the app pays at start.
    let samples = Samples::default();
    group.sample_size(10);
    group.bench_function("open (checks + migrations) and close", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    samples.timed(|| {
                        rt.block_on(async {
                            let s = Store::open(dir.path()).await.unwrap();
                            s.close().await;
                        })
                    })
                })
                .sum()
        })
    });
    samples.report("10,000 drafts / open and close");
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = autosave, list_and_search
}
criterion_main!(benches);

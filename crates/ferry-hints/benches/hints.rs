//! Hints for a 1,000-character mixed post (the hints panel's per-keystroke cost, after
//! warm-up), language detection alone, and a cold load of the dictionary tables.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_hints::detect::detect;
use ferry_hints::dict::{Dictionaries, default_dir};
use ferry_hints::panel::{HintOptions, hints};

/// A RedNote-style bilingual post, repeated to exactly 1,000 characters.
fn mixed_post() -> String {
    let piece = "姐妹们！今天去了 Starbucks，拿铁真的绝绝子😍 I look forward to trying the new menu. \
                 我們下週在台北見面吧～ #TikTokRefugee #今日穿搭 yyds 666 https://example.com/a ";
    piece.chars().cycle().take(1000).collect()
}

fn benches(c: &mut Criterion) {
    let post = mixed_post();
    let options = HintOptions {
        variant: Some(ferry_hints::Lang::ZhHans),
        ..Default::default()
    };
    Dictionaries::shared()
        .load_all()
        .expect("run `make assets` first");
    black_box(hints(&post, &options)); // warm-up: jieba, lingua, OpenCC, tables
    c.bench_function("hints/1000-char mixed post", |b| {
        b.iter(|| hints(black_box(&post), &options))
    });
    c.bench_function("detect/1000-char mixed post", |b| {
        b.iter(|| detect(black_box(&post)))
    });
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("dictionary tables, cold", |b| {
        b.iter(|| Dictionaries::open(default_dir()).load_all().unwrap())
    });
    group.finish();
}

criterion_group!(hints_benches, benches);
criterion_main!(hints_benches);

//! `measure` for all networks on a 5,000-character mixed Chinese/English/emoji post, as the
//! composer calls it on every keystroke. Criterion gives the mean; the `p99` pass below times
//! 2,000 single calls and prints the 99th percentile, which is what typing feels.
//!
//! `cargo bench -p ferry-networks --bench measure`; the same input for npm twitter-text is timed
//! by `node tests/oracles/bench.mjs` (see docs/BENCHMARKS.md).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_networks::rules::{Network, Post, Settings, measure, measure_all};
use ferry_networks::x::weights::parse_tweet;

/// The benchmark post: this paragraph repeated and cut at 5,000 characters (code points).
/// tests/oracles/bench.mjs builds the identical string.
const PARAGRAPH: &str = "今天天气很好，我们去公园散步。The weather is lovely today, let's walk in the park! \
🌳👨‍👩‍👧 https://example.com/park?day=sat #周末 @alice 看看这个：example.org/路径 \n";

fn post_text() -> String {
    PARAGRAPH.chars().cycle().take(5000).collect()
}

fn p99(mut f: impl FnMut()) -> Duration {
    let mut samples: Vec<Duration> = (0..2000)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort_unstable();
    samples[samples.len() * 99 / 100]
}

fn bench(c: &mut Criterion) {
    let text = post_text();
    let post = Post::text(&text);
    let settings = Settings::default();
    c.bench_function("measure_all_networks_5000_chars", |b| {
        b.iter(|| measure_all(black_box(&Network::ALL), black_box(&post), &settings))
    });
    c.bench_function("x_parse_tweet_5000_chars", |b| {
        b.iter(|| parse_tweet(black_box(&text)))
    });
    for network in Network::ALL {
        c.bench_function(&format!("measure_{network}_5000_chars"), |b| {
            b.iter(|| measure(network, black_box(&post), &settings))
        });
    }
    let all = p99(|| {
        black_box(measure_all(&Network::ALL, &post, &settings));
    });
    let x = p99(|| {
        black_box(parse_tweet(&text));
    });
    println!("p99 over 2000 calls: measure_all (8 networks) {all:?}; x parse_tweet {x:?}");
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! `measure` for all networks on a 5,000-character mixed Chinese/English/emoji post, as the
//! composer calls it on every keystroke. Criterion gives the mean; the `p99` pass below times
//! 2,000 single calls and prints the 99th percentile, which is what typing feels — both as
//! wall-clock time and as this thread's CPU time. On a machine shared with other builds a call
//! that loses its core waits a whole scheduler slice (milliseconds), so the wall-clock p99 there
//! says how loaded the machine is; the CPU-time p99 says what the call itself costs.
//!
//! `cargo bench -p ferry-networks --bench measure`; the same input for npm twitter-text is timed
//! by `node tests/oracles/bench.mjs` (see docs/BENCHMARKS.md).

use std::hint::black_box;
use std::time::{Duration, Instant};

use cpu_time::ThreadTime;
use criterion::{Criterion, criterion_group, criterion_main};
use ferry_networks::rules::{Network, Post, Settings, measure, measure_all};
use ferry_networks::x::weights::parse_tweet;

/// The benchmark post: this paragraph repeated and cut at 5,000 characters (code points).
/// tests/oracles/bench.mjs builds the identical string.
const PARAGRAPH: &str = "今天天气很好，我们去公园散步。The weather is lovely today, let's walk in the park! \
🌳👨‍👩‍👧 https://example.com/park?day=sat #周末 @alice 看看这个：example.org/路径 \n";

const CALLS: usize = 2000;

fn post_text() -> String {
    PARAGRAPH.chars().cycle().take(5000).collect()
}

/// Mean and p99 of `CALLS` single calls, wall-clock and on-CPU.
struct Percentiles {
    wall_mean: Duration,
    wall_p99: Duration,
    cpu_mean: Duration,
    cpu_p99: Duration,
}

fn percentiles(mut f: impl FnMut()) -> Percentiles {
    let (mut wall, mut cpu): (Vec<Duration>, Vec<Duration>) = (0..CALLS)
        .map(|_| {
            let (start, start_cpu) = (Instant::now(), ThreadTime::now());
            f();
            (start.elapsed(), start_cpu.elapsed())
        })
        .unzip();
    let stats = |samples: &mut Vec<Duration>| {
        samples.sort_unstable();
        let mean = samples.iter().sum::<Duration>() / u32::try_from(CALLS).unwrap_or(u32::MAX);
        (mean, samples[samples.len() * 99 / 100])
    };
    let ((wall_mean, wall_p99), (cpu_mean, cpu_p99)) = (stats(&mut wall), stats(&mut cpu));
    Percentiles {
        wall_mean,
        wall_p99,
        cpu_mean,
        cpu_p99,
    }
}

fn report(name: &str, p: &Percentiles) {
    println!(
        "{name}: {CALLS} single calls: wall mean {:?} p99 {:?}; on-CPU mean {:?} p99 {:?}",
        p.wall_mean, p.wall_p99, p.cpu_mean, p.cpu_p99
    );
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
    let all = percentiles(|| {
        black_box(measure_all(&Network::ALL, black_box(&post), &settings));
    });
    report("measure_all (8 networks)", &all);
    let x = percentiles(|| {
        black_box(parse_tweet(black_box(&text)));
    });
    report("x parse_tweet", &x);
}

criterion_group!(benches, bench);
criterion_main!(benches);

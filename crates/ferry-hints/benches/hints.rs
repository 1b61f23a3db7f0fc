//! The hints panel's cost for a 1,000-character mixed post — per keystroke (one character
//! changed), the same post again, and a post never seen before (nothing memoised) — language
//! detection alone, and the cold load of every dictionary the hints use, one by one.
//!
//! Run: `cargo bench -p ferry-hints --bench hints` (after `make assets`). Besides criterion's
//! means, the per-call groups print the p50/p99/max of every single call they timed, since
//! the budget is on the p99 of a keystroke.

use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use ferry_hints::detect::{detect, forget_memoised};
use ferry_hints::dict::{Dictionaries, SortedTable, default_dir};
use ferry_hints::panel::{HintOptions, hints};
use ferry_hints::segment::Segmenter;
use ferry_hints::tables::{BUILTIN, HintTables};

/// RedNote-style bilingual paragraphs, none repeating another's runs (a repeated run would be
/// detected once and then found in the memo, flattering the "never seen" figure).
const PARAGRAPHS: [&str; 16] = [
    "姐妹们！今天去了 Starbucks，拿铁真的绝绝子😍 I look forward to trying the new menu. ",
    "我們下週在台北見面吧～ #TikTokRefugee #今日穿搭 yyds 666 https://example.com/a ",
    "第一次用小红书，这里的 vibe 和 TikTok 完全不一样，评论区好热情 👩‍👩‍👧 Thanks for the warm welcome! ",
    "分享一下我的早餐：燕麦、蓝莓和一杯美式 ☕️ Simple breakfast, big energy. @ferry.bsky.social ",
    "有没有人知道 how to say “it's giving main character” in Chinese? 求翻译！ ",
    "週末去了陽明山，天氣超好，拍了很多照片 📸 The view from the top was absolutely stunning. ",
    "打工人的周一又开始了 😮‍💨 Monday again, coffee first, emails later. #打工人 #MondayMood ",
    "这家火锅店排队两小时，但是真的值得！Spicy broth, fresh beef, ten out of ten. 🇨🇳🇺🇸 ",
    "謝謝大家的關注，我會繼續分享生活 ❤️ See you all in the next post, 下次见！ ",
    "学中文第三个月，终于能看懂菜单了 🥟 Dumplings, noodles and bubble tea are my teachers. ",
    "有人问我为什么从 TikTok 搬过来，其实就是想认识更多朋友 🤝 Curious people everywhere. ",
    "今晚直播聊聊跨文化沟通，欢迎提问 🎙️ Bring your funniest misunderstanding stories. ",
    "这件外套是在二手店淘的，只要三十块 🧥 Thrifted jacket, zero regrets, fits perfectly. ",
    "香港的夜景真係好靚，下次一定要再來 🌃 Hong Kong at night feels like a movie set. ",
    "我的猫今天把花瓶打翻了 🐈 My cat chose violence this morning, send help. 😂 ",
    "晚安 good night ",
];

/// A 1,000-character post made of the paragraphs above.
fn mixed_post() -> String {
    let post: String = PARAGRAPHS.concat().chars().take(1000).collect();
    assert_eq!(post.chars().count(), 1000);
    post
}

/// The post as it reads after each of `n` keystrokes spread over it: one character typed at
/// a different place each time, alternately a Han character and a Latin letter.
fn keystrokes(post: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = post.chars().collect();
    (0..n)
        .map(|i| {
            let at = (i * 37) % chars.len();
            let typed = if i % 2 == 0 { '好' } else { 'e' };
            let mut edited: String = chars[..at].iter().collect();
            edited.push(typed);
            edited.extend(&chars[at..]);
            edited
        })
        .collect()
}

/// Every single call's (wall-clock, on-CPU) time of one benchmark, for percentiles.
static CALLS: Mutex<Vec<(Duration, Duration)>> = Mutex::new(Vec::new());

/// This thread's CPU time so far. On a machine shared with other builds the wall-clock p99 is
/// mostly time spent waiting for a core; this leaves that out.
fn on_cpu() -> Duration {
    cpu_time::ThreadTime::now().as_duration()
}

/// Times each call separately, so percentiles can be taken over calls, not sample means.
fn timed<T>(iters: u64, mut call: impl FnMut() -> T) -> Duration {
    let mut total = Duration::ZERO;
    let mut calls = CALLS.lock().unwrap();
    for _ in 0..iters {
        let cpu = on_cpu();
        let start = Instant::now();
        black_box(call());
        let took = start.elapsed();
        let cpu = on_cpu().saturating_sub(cpu);
        total += took;
        calls.push((took, cpu));
    }
    total
}

fn report_percentiles(name: &str) {
    let calls = std::mem::take(&mut *CALLS.lock().unwrap());
    if calls.is_empty() {
        return;
    }
    let percentiles = |mut times: Vec<Duration>| {
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        format!(
            "p50 {:.2?}, p99 {:.2?}, max {:.2?}",
            at(0.50),
            at(0.99),
            times[times.len() - 1]
        )
    };
    println!(
        "{name}: {} calls; wall clock {}; on CPU {}",
        calls.len(),
        percentiles(calls.iter().map(|c| c.0).collect()),
        percentiles(calls.iter().map(|c| c.1).collect()),
    );
}

fn per_keystroke(c: &mut Criterion) {
    let post = mixed_post();
    let options = HintOptions {
        variant: Some(ferry_hints::Lang::ZhHans),
        ..Default::default()
    };
    let dicts = Dictionaries::shared();
    dicts.load_all().expect("run `make assets` first");
    dicts.warm_up();
    black_box(hints(&post, &options));

    let edits = keystrokes(&post, 211);
    let mut next = edits.iter().cycle();
    c.bench_function("hints/1000-char post, one keystroke later", |b| {
        b.iter_custom(|iters| timed(iters, || hints(next.next().unwrap(), &options)))
    });
    report_percentiles("hints/1000-char post, one keystroke later");

    c.bench_function("hints/1000-char post, same again", |b| {
        b.iter_custom(|iters| timed(iters, || hints(&post, &options)))
    });
    report_percentiles("hints/1000-char post, same again");

    c.bench_function("hints/1000-char post, never seen (nothing memoised)", |b| {
        b.iter_custom(|iters| {
            timed(iters, || {
                forget_memoised();
                hints(&post, &options)
            })
        })
    });
    report_percentiles("hints/1000-char post, never seen (nothing memoised)");
    c.bench_function(
        "detect/1000-char post, never seen (nothing memoised)",
        |b| b.iter_batched(forget_memoised, |()| detect(&post), BatchSize::PerIteration),
    );
}

fn cold_loads(c: &mut Criterion) {
    let dir = default_dir();
    let table = |name: &str| {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).expect("run `make assets` first");
        SortedTable::new(text, &path).unwrap()
    };
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("cedict.tsv (read + index)", |b| {
        b.iter(|| table("cedict.tsv"))
    });
    group.bench_function("ecdict.tsv + ecdict-forms.tsv", |b| {
        b.iter(|| (table("ecdict.tsv"), table("ecdict-forms.tsv")))
    });
    group.bench_function("cedict-en.tsv", |b| b.iter(|| table("cedict-en.tsv")));
    group.bench_function("jieba, jieba.txt from make assets", |b| {
        b.iter(|| Segmenter::from_file(&dir.join("jieba.txt")).unwrap())
    });
    group.bench_function(
        "jieba, complete embedded dictionary (for comparison)",
        |b| b.iter(jieba_rs::Jieba::new),
    );
    group.bench_function("OpenCC, all five converters", |b| {
        b.iter(|| {
            [
                BuiltinConfig::Tw2sp,
                BuiltinConfig::S2twp,
                BuiltinConfig::S2hk,
                BuiltinConfig::S2tw,
                BuiltinConfig::T2s,
            ]
            .map(|config| OpenCC::from_config(config).unwrap())
        })
    });
    group.bench_function("hint tables (assets/hints)", |b| {
        b.iter(|| HintTables::parse(&BUILTIN).unwrap())
    });
    group.finish();
}

criterion_group!(hints_benches, per_keystroke, cold_loads);
criterion_main!(hints_benches);

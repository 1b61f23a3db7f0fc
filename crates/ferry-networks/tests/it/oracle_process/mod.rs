//! Support for the differential tests: a long-running Node oracle process
//! (`tests/oracles/oracle.mjs`, answering one JSON line per request) and a seeded generator of
//! test strings that mix everything the networks disagree about.
//!
//! The oracle's npm packages are installed by `make oracles-deps` (`npm ci` in `tests/oracles`);
//! without them these tests fail with that instruction rather than skip.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;

/// The workspace root, found from this crate's manifest directory.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Sends every request to one oracle process and returns its answers, in order.
pub fn ask_oracle(requests: &[Value]) -> Vec<Value> {
    let dir = workspace_root().join("tests/oracles");
    assert!(
        dir.join("node_modules/twitter-text").is_dir()
            && dir.join("node_modules/@atproto/api").is_dir(),
        "the oracle packages are not installed in {}: run `make oracles-deps` (npm ci in tests/oracles)",
        dir.display()
    );
    let mut child = Command::new("node")
        .arg("oracle.mjs")
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("cannot start `node tests/oracles/oracle.mjs`: is Node installed?");
    let mut stdin = child.stdin.take().expect("piped stdin");
    let lines: Vec<String> = requests.iter().map(|r| r.to_string()).collect();
    // Write from another thread: the oracle answers while we are still sending.
    let writer = std::thread::spawn(move || {
        for line in lines {
            writeln!(stdin, "{line}").expect("oracle stdin closed early");
        }
    });
    let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let answers: Vec<Value> = stdout
        .lines()
        .map(|line| {
            serde_json::from_str(&line.expect("oracle output")).expect("oracle answers JSON")
        })
        .collect();
    writer.join().expect("writer thread");
    let status = child.wait().expect("oracle exit status");
    assert!(status.success(), "oracle exited with {status}");
    assert_eq!(
        answers.len(),
        requests.len(),
        "the oracle answered {} of {} requests",
        answers.len(),
        requests.len()
    );
    answers
}

/// Asks the oracle about `count` generated strings (from `seed`, or `FERRY_ORACLE_SEED` /
/// `FERRY_ORACLE_COUNT` when set, to explore further) and panics listing the first
/// disagreements between its answer and `ours`.
pub fn assert_agrees(
    kind: &str,
    library: &str,
    seed: u64,
    count: usize,
    ours: impl Fn(&str) -> Value,
) {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let seed = env("FERRY_ORACLE_SEED").unwrap_or(seed);
    let count = env("FERRY_ORACLE_COUNT").map_or(count, |c| c as usize);
    let texts = corpus(seed, count);
    let requests: Vec<Value> = texts
        .iter()
        .map(|t| serde_json::json!({"kind": kind, "text": t}))
        .collect();
    let answers = ask_oracle(&requests);
    let disagreements: Vec<String> = texts
        .iter()
        .zip(&answers)
        .filter_map(|(text, theirs)| {
            let ours = ours(text);
            (&ours != theirs)
                .then(|| format!("text {text:?}\n  {library}: {theirs}\n  ferry: {ours}"))
        })
        .collect();
    assert!(
        disagreements.is_empty(),
        "{} of {count} strings (seed {seed:#x}) disagree with {library}; first ones:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A small deterministic generator (SplitMix64), so every run tests the same strings.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const CJK: &[&str] = &[
    "你好",
    "世界",
    "中文",
    "测试一下",
    "微博",
    "小红书",
    "話題",
    "漢字",
    "一",
    "的",
];
const KANA_HANGUL: &[&str] = &[
    "こんにちは",
    "カタカナ",
    "ひらがな",
    "안녕하세요",
    "한국어",
    "ｶﾀｶﾅ",
];
const EMOJI: &[&str] = &[
    "😀",
    "👍",
    "👍🏽",
    "👍🏿",
    "👨‍👩‍👧‍👦",
    "👨‍👩‍👧",
    "👩🏻‍⚕️",
    "👨‍🌾",
    "🏳️‍🌈",
    "🏴‍☠️",
    "🇨🇳",
    "🇺🇸",
    "🇦🇦",
    "❤️",
    "❤",
    "☀",
    "☀\u{FE0E}",
    "1️⃣",
    "#️⃣",
    "*⃣",
    "©️",
    "©",
    "®",
    "™️",
    "🧑‍💻",
    "🫠",
    "👁‍🗨",
    "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "🏽",
    "🏃‍♀️",
    "🏃🏽‍♂️",
    "⛹️‍♀️",
    "🤷",
    "✌️",
    "✌🏻",
    "\u{FE0F}",
    "👩‍❤️‍💋‍👨",
    "🧔",
    "🥰",
    "⭐",
    "🀄",
];
const URLS: &[&str] = &[
    "https://example.com",
    "http://example.com/path/to/page.html",
    "https://t.co/abc123",
    "http://t.co/AbC",
    "https://t.co/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "https://t.co/abc/def?x=1",
    "example.com",
    "www.example.co.uk/path?q=1&r=2",
    "sub.example.org/a_(b)",
    "https://en.wikipedia.org/wiki/Rust_(programming_language)",
    "https://example.com/a_(b_(c))_d",
    "https://例子.中国/路径",
    "xn--fiqs8s.com",
    "xn--fiqs8s",
    "münchen.de",
    "EXAMPLE.COM",
    "Example.Com/Path",
    "example.com.",
    "example.com/foo.",
    "example.com/foo?",
    "(example.com)",
    "example.c",
    "foo.bar",
    "a.co",
    "http://example.com:8080/x",
    "example.com:443",
    "example.com/@user/",
    "bsky.app/profile/alice.bsky.social",
    "https://example.com/?q=中文",
    "example.com?x=1",
    "t.co/abc",
    "gemini://example.org/",
    "test.中国",
    "example.рф",
    "пример.рф",
    "ftp://example.com",
    "192.168.0.1",
    "mailto:a@b.com",
    "a@example.com",
    "localhost:3000",
    "HTTPS://EXAMPLE.COM/ABC",
    "Http://example.com",
    "example.xyz",
    "example.museum",
    "example.co.jp/ページ",
    "https://example.com/path#frag",
    "example.com/😀",
    "https://example.com/path,",
    "https://example.com/path!",
    "example.com/a-b_c~d",
    "x.com",
    "httpbin.org",
    "a.b.c.d.e.com",
    "example.com/–dash",
    "ex-ample.com",
    "-example.com",
    "ex_ample.com",
    "sub_domain.example.com",
    "example.comedy",
    "example.com@foo",
    "https://user@example.com",
    "www.例子.com",
    "a.bc",
    "example.co/ab",
    "www.google.com/search?q=rust+lang",
    "https://example.com/ᲀ",
    "example.co\u{FF0E}uk",
    "https://xn--mnchen-3ya.de/",
];
const MENTIONS: &[&str] = &[
    "@alice",
    "@alice.bsky.social",
    "@bob.test",
    "@user@mastodon.social",
    "@_x",
    "(@carol.com)",
    "＠全角",
    "@a.b",
    "@alice.bsky.social.",
    "@alice-bob.com",
    "@alice_bob.com",
    "@123.com",
    "@ALICE.COM",
    "@alice.bsky.socialx",
    "@x",
];
const TAGS: &[&str] = &[
    "#tag",
    "#中文标签",
    "＃全角",
    "#123",
    "#tag!",
    "#tag...",
    "#️⃣",
    "#a_b",
    "#café",
    "#日本語のタグ",
    "#tag#tag",
    "#😀",
    "#aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "#1a",
    "#a1",
    "#_",
    "#-",
    "#tag\u{200B}x",
    "#",
    "＃",
    "$AAPL",
    "$aapl",
    "$TOOLONG",
    "$A1",
    "($BTC)",
    "$1",
    "#טבע",
    "#\u{FE0F}x",
];
const PUNCT: &[&str] = &[
    "。", "，", "！", "？", "…", "、", "「", "」", "（", "）", "：", "；", ".", ",", "!", "?", "(",
    ")", ":", ";", "-", "_", "/", "'", "\"", "“", "”", "’", "$", "@", "#", "&", "*", "~", "|", "[",
    "]", "<", ">", "=", "+", "%",
];
const RTL: &[&str] = &[
    "مرحبا",
    "שלום עולם",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "\u{061C}",
    "عربي",
];
const SPACES: &[&str] = &[
    " ", " ", " ", "\n", "\u{3000}", "\t", "\u{A0}", "\u{200B}", "\r\n", "\u{2028}", "\u{85}",
];
const LATIN: &[&str] = &[
    "hello", "world", "Rust", "café", "naïve", "e\u{301}", "Ǆ", "ſ", "\u{212A}", "ß", "Straße",
    "over", "the", "a", "I", "ok",
];
const SPECIAL: &[&str] = &[
    "\u{FEFF}",
    "\u{FFFE}",
    "\u{301}",
    "\u{958}",
    "\u{212B}",
    "\u{1E9B}\u{323}",
    "\u{AD}",
    "\u{2060}",
    "\u{1C80}",
    "\u{2C65}",
    "Ａ",
    "０",
    "\u{10000}",
    "𠀀",
    "\u{E000}",
    "\u{0}",
];

/// One generated string: 1–`max_parts` fragments from every family above, joined by spaces or
/// glued together.
pub fn generate(rng: &mut Rng, max_parts: usize) -> String {
    let families: [&[&str]; 11] = [
        CJK,
        KANA_HANGUL,
        EMOJI,
        URLS,
        MENTIONS,
        TAGS,
        PUNCT,
        RTL,
        SPACES,
        LATIN,
        SPECIAL,
    ];
    let weights = [6, 3, 5, 6, 3, 4, 5, 2, 6, 6, 1];
    let total: usize = weights.iter().sum();
    let parts = 1 + rng.below(max_parts);
    let mut out = String::new();
    for _ in 0..parts {
        let mut roll = rng.below(total);
        let family = weights.iter().position(|&w| {
            if roll < w {
                return true;
            }
            roll -= w;
            false
        });
        out.push_str(rng.pick(families[family.unwrap_or(0)]));
        match rng.below(3) {
            0 => out.push(' '),
            1 if rng.below(4) == 0 => out.push_str(rng.pick(SPACES)),
            _ => {}
        }
    }
    out
}

/// `count` strings from `seed`: mostly short, one in ten long enough to cross the limits.
pub fn corpus(seed: u64, count: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|i| {
            let max_parts = if i % 10 == 9 { 160 } else { 24 };
            generate(&mut rng, max_parts)
        })
        .collect()
}

//! What makes RedNote show a note to fewer people: sending readers elsewhere (引流). RedNote's
//! community rules limit notes that carry links (which notes don't make clickable anyway),
//! other apps' names, accounts and contact handles (微信号, "vx", `@lin@mastodon.social`), and
//! QR codes in the images. Ferry warns before the hand-off and leaves the choice to the writer.
//!
//! ```
//! use ferry_networks::rednote::reach::{elsewhere, links};
//! use ferry_networks::rules::Scan;
//! assert_eq!(links(&Scan::new("详情见 ferrytoday.com/jp 哦")), ["ferrytoday.com/jp"]);
//! assert_eq!(elsewhere("加我ＶＸ：lin2025，抖音同名"), ["ＶＸ", "抖音"]);
//! assert!(elsewhere("ins风的房间，慢慢布置").is_empty());
//! ```
//!
//! QR codes are found in ferry-core when an image is attached (the image is decoded there);
//! the composer's check puts the three together as [`Reach`].

use serde::Serialize;
use ts_rs::TS;

use crate::rules::Scan;
use crate::x::urls;

/// Why a RedNote note may reach fewer people; every list empty when nothing was found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reach {
    /// Links as written (with or without a scheme), each once.
    pub links: Vec<String>,
    /// Other apps' names and handles as written, each once.
    pub elsewhere: Vec<String>,
    /// The ids of the attached images with a QR code in them.
    pub qr_code_images: Vec<String>,
}

impl Reach {
    pub fn is_empty(&self) -> bool {
        self.links.is_empty() && self.elsewhere.is_empty() && self.qr_code_images.is_empty()
    }
}

/// The links in the text: what X's and Mastodon's counters take for a URL, with or without
/// `https://` (`ferry.example`, `www.example.com/a`), so a bare domain is caught too.
pub fn links(scan: &Scan<'_>) -> Vec<String> {
    let found = urls::extract_with(scan.units(), scan.domain_runs());
    let mut out: Vec<String> = Vec::new();
    for url in found {
        let text = String::from_utf16_lossy(&url.url);
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// Names RedNote reads as pointing readers to another app. Chinese names match anywhere;
/// Latin ones only as a whole word (not inside a longer Latin word), case-insensitively
/// unless marked: short ones that are ordinary words in another case (`IG`, `TG`, `FB`,
/// `QQ`) match only in capitals. "ins" (as in ins风, a style) and "X" are left out: too common
/// to mean the app.
const NAMES: [(&str, bool); 41] = [
    ("微信号", false),
    ("微信", false),
    ("公众号", false),
    ("视频号", false),
    ("抖音号", false),
    ("抖音", false),
    ("快手", false),
    ("微博", false),
    ("B站", false),
    ("哔哩哔哩", false),
    ("油管", false),
    ("推特", false),
    ("脸书", false),
    ("电报", false),
    ("淘宝", false),
    ("拼多多", false),
    ("闲鱼", false),
    ("V信", false),
    ("QQ号", false),
    ("QQ群", false),
    ("wechat", false),
    ("weixin", false),
    ("vx", false),
    ("wx", false),
    ("tiktok", false),
    ("douyin", false),
    ("weibo", false),
    ("bilibili", false),
    ("youtube", false),
    ("instagram", false),
    ("facebook", false),
    ("twitter", false),
    ("telegram", false),
    ("whatsapp", false),
    ("bluesky", false),
    ("mastodon", false),
    ("taobao", false),
    ("IG", true),
    ("TG", true),
    ("FB", true),
    ("QQ", true),
];

/// Full-width Latin letters and digits (`ＶＸ`, common where a filter is dodged) as ASCII,
/// one character for one, so positions still point into the text.
fn fold(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

fn latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Other apps' names and handles in `text`, as written, each once, in the order found:
/// the names above, and handles of other networks — `@name@server` (Mastodon and the
/// fediverse) and `@name.domain` (Bluesky); a plain `@name` is a RedNote mention.
pub fn elsewhere(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    for (name, exact) in NAMES {
        let wanted: Vec<char> = name.chars().collect();
        let whole_word = wanted.iter().all(|c| c.is_ascii());
        let mut at = 0;
        while at + wanted.len() <= folded.len() {
            let window = &folded[at..at + wanted.len()];
            let same = if exact {
                window == wanted.as_slice()
            } else {
                window
                    .iter()
                    .zip(&wanted)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
            };
            let bounded = !whole_word
                || ((at == 0 || !latin(folded[at - 1]))
                    && folded.get(at + wanted.len()).is_none_or(|&c| !latin(c)));
            if same && bounded && !found.iter().any(|(start, _)| *start == at) {
                found.push((at, chars[at..at + wanted.len()].iter().collect()));
                at += wanted.len();
            } else {
                at += 1;
            }
        }
    }
    found.extend(handles(&chars));
    found.sort_by_key(|(start, _)| *start);
    let mut out: Vec<String> = Vec::new();
    for (_, text) in found {
        // Each once; a name already reported inside a longer one (微信 after 微信号) too.
        if !out.iter().any(|o| o.contains(&text)) {
            out.push(text);
        }
    }
    out
}

fn handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// `@name@server.tld` and `@name.domain.tld` handles, by start position.
fn handles(chars: &[char]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '@' || (i > 0 && handle_char(chars[i - 1])) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && (handle_char(chars[end]) || chars[end] == '@') {
            end += 1;
        }
        // A sentence's full stop is not part of the handle.
        while end > i + 1 && chars[end - 1] == '.' {
            end -= 1;
        }
        let handle: String = chars[i + 1..end].iter().collect();
        let domain = handle.rsplit('@').next().unwrap_or("");
        let has_tld = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        });
        if has_tld && !handle.starts_with('@') && !handle.starts_with('.') {
            out.push((i, chars[i..end].iter().collect()));
        }
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_with_and_without_a_scheme_are_found_once() {
        let text = "新店开业！https://shop.cn/p?id=1 或者 www.example.com，再贴一次 https://shop.cn/p?id=1";
        assert_eq!(
            links(&Scan::new(text)),
            ["https://shop.cn/p?id=1", "www.example.com"]
        );
        assert!(
            links(&Scan::new(
                "今晚九点的夜班渡轮照常开船。The ferry runs at nine."
            ))
            .is_empty()
        );
    }

    #[test]
    fn other_apps_are_found_in_chinese_latin_and_full_width_text() {
        assert_eq!(
            elsewhere("关注我的微信公众号，或者 YouTube 频道；TikTok同名"),
            ["微信", "公众号", "YouTube", "TikTok"]
        );
        assert_eq!(elsewhere("私信我微信号"), ["微信号"]);
        assert_eq!(elsewhere("加ｖｘ了解"), ["ｖｘ"]);
        assert_eq!(elsewhere("IG and TG links in bio"), ["IG", "TG"]);
    }

    #[test]
    fn words_that_only_contain_a_name_are_not_flagged() {
        // "vx" inside a word, "ig" in lower case, "ins风" (a style), a RedNote mention.
        assert!(elsewhere("vortex big ins风的客厅 @小林 带你看").is_empty());
        assert!(elsewhere("The weibotrend of wxyz").is_empty());
    }

    #[test]
    fn fediverse_and_bluesky_handles_are_found_and_mentions_are_not() {
        assert_eq!(
            elsewhere("也在 @lin@mastodon.social 和 @lin.bsky.social。找我 @小林 或 @lin"),
            ["@lin@mastodon.social", "@lin.bsky.social"]
        );
        assert!(
            elsewhere("邮箱 lin@example.com").is_empty(),
            "an e-mail address is not a handle"
        );
    }
}

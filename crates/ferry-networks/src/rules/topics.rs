//! A draft's topics written the way each network links them:
//!
//! | network  | written                   | example for `["machine learning", "旅行"]`      |
//! |----------|---------------------------|--------------------------------------------------|
//! | X        | `#tag`, space-separated   | `#machinelearning #旅行`                          |
//! | Bluesky  | `#tag`, space-separated   | `#machinelearning #旅行`                          |
//! | Mastodon | `#CamelCase` for words    | `#MachineLearning #旅行` (screen readers read it) |
//! | Nostr    | `#tag` + lowercase `t` tags | `#machinelearning #旅行`, t: `machinelearning`, `旅行` |
//! | RedNote  | `#话题[话题]#`            | `#machinelearning[话题]# #旅行[话题]#`           |
//! | Weibo    | `#话题#` (spaces allowed) | `#machine learning# #旅行#`                       |
//! | Threads  | one topic tag per post    | `#machinelearning`                               |
//! | Telegram | `#tag`, space-separated   | `#machinelearning #旅行`                          |
//!
//! A topic's leading `#`/`＃` is ignored; empty topics are dropped; punctuation that would end a
//! hashtag early (anything but `_`) is removed where the network links by hashtag.

use serde::Serialize;
use ts_rs::TS;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::network::Network;
use crate::nostr;

/// Topics in one network's convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Topics {
    /// What goes into the post text, e.g. `#Rust #旅行`.
    pub text: String,
    /// Nostr `t` tags (lowercase); empty for other networks.
    pub t_tags: Vec<String>,
}

/// `topics` written for `network`.
pub fn topics(network: Network, topics: &[&str]) -> Topics {
    let cleaned: Vec<&str> = topics
        .iter()
        .map(|t| t.trim().trim_start_matches(['#', '＃']).trim())
        .filter(|t| !t.is_empty())
        .collect();
    let tags: Vec<String> = match network {
        Network::Weibo => cleaned.iter().map(|t| format!("#{t}#")).collect(),
        Network::Rednote => cleaned
            .iter()
            .map(|t| format!("#{}[话题]#", hashtag_body(t, false)))
            .collect(),
        Network::Mastodon => cleaned
            .iter()
            .map(|t| format!("#{}", hashtag_body(t, true)))
            .collect(),
        Network::Threads => cleaned
            .first()
            .map(|t| format!("#{}", hashtag_body(t, false)))
            .into_iter()
            .collect(),
        _ => cleaned
            .iter()
            .map(|t| format!("#{}", hashtag_body(t, false)))
            .collect(),
    };
    let tags: Vec<String> = tags.into_iter().filter(|t| t.chars().count() > 1).collect();
    let t_tags = if network == Network::Nostr {
        nostr::t_tags(&tags, "")
    } else {
        Vec::new()
    };
    Topics {
        text: tags.join(" "),
        t_tags,
    }
}

/// The topic as one hashtag word: words joined (capitalized first letters if `camel`),
/// punctuation other than `_` dropped.
fn hashtag_body(topic: &str, camel: bool) -> String {
    let mut out = String::new();
    for word in topic.split_whitespace() {
        let mut chars = word.chars().filter(|&c| {
            c == '_' || c.general_category_group() != GeneralCategoryGroup::Punctuation
        });
        if camel && let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
        }
        out.extend(chars);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_network_writes_its_own_way() {
        let t = ["machine learning", "#旅行", " ", "rust-lang"];
        assert_eq!(
            topics(Network::Bluesky, &t).text,
            "#machinelearning #旅行 #rustlang"
        );
        assert_eq!(
            topics(Network::Mastodon, &t).text,
            "#MachineLearning #旅行 #Rustlang"
        );
        assert_eq!(
            topics(Network::Rednote, &t).text,
            "#machinelearning[话题]# #旅行[话题]# #rustlang[话题]#"
        );
        assert_eq!(
            topics(Network::Weibo, &t).text,
            "#machine learning# #旅行# #rust-lang#"
        );
        assert_eq!(
            topics(Network::X, &t).text,
            "#machinelearning #旅行 #rustlang"
        );
        assert_eq!(topics(Network::Threads, &t).text, "#machinelearning");
        let nostr = topics(Network::Nostr, &["Rust", "旅行"]);
        assert_eq!(nostr.text, "#Rust #旅行");
        assert_eq!(nostr.t_tags, vec!["rust", "旅行"]);
    }
}

//! Han-script runs: Chinese or Japanese, and if Chinese, Simplified or Traditional.
//!
//! Both lingua and whatlang call every Han-only text Chinese. Ferry does better where the text
//! allows: kana anywhere in the run (or elsewhere in the post) means Japanese, and so do
//! Japanese-only character forms — shinjitai such as 駅 売 広 (Chinese writes 驿/驛, 卖/賣,
//! 广/廣) and kokuji such as 働 込 峠. The list below was written by hand and checked against
//! CC-CEDICT: each character is either absent from it or listed there only as a variant.
//! A kanji-only phrase made of characters both languages share (東京大学) stays Chinese:
//! nothing in the text says otherwise.
//!
//! Simplified vs Traditional is read from the characters: OpenCC's character tables say which
//! characters both Simplified→Taiwan and Simplified→Hong Kong would change (simplified forms) and which
//! Traditional→Simplified would change (traditional forms); the majority wins, and text made
//! only of shared characters (中文, 我) counts as Simplified, the more common script.

use std::sync::LazyLock;

use crate::convert::char_converters;
use crate::lang::Lang;
use crate::memo::Memo;

/// Japanese-only character forms: shinjitai, kokuji and the iteration mark 々.
const JAPANESE_ONLY: &str = "亜悪圧囲栄営駅円塩応桜穏仮価絵拡覚楽巻陥関歓気帰戯犠拠暁駆恵掲渓経\
蛍軽継鶏剣険圏検県験顕厳広効黒砕斎剤済雑賛歯児実釈収従渋獣縦粛処奨焼証乗浄剰畳縄壌嬢譲醸図粋酔\
瀬斉摂専戦銭繊荘捜挿巣総騒増蔵臓続対帯滝択沢単団弾遅鋳庁聴逓鉄転伝闘徳読悩脳廃売発髪抜晩払仏辺\
変歩豊毎満黙訳薬揺様謡頼覧竜両猟緑涙塁霊齢労働畑峠込枠匂凪躾榊栃鰯辻雫勧懐壊隠拝郷々〆糸";

/// Whether `c` is written this way only in Japanese.
pub fn is_japanese_only(c: char) -> bool {
    JAPANESE_ONLY.contains(c)
}

/// The language of a Han/kana run. `kana` is the run's kana count; `post_has_kana` says
/// whether any other part of the post has kana.
pub fn han_run_lang(run: &str, kana: usize, post_has_kana: bool) -> Lang {
    if kana > 0 || post_has_kana || run.chars().any(is_japanese_only) {
        return Lang::Japanese;
    }
    chinese_script(run)
}

/// Han runs whose script is already known (see `memo`).
pub(super) static SCRIPT_MEMO: LazyLock<Memo<Lang>> = LazyLock::new(|| Memo::new(1024));

/// `ZhHans` or `ZhHant`, by which script's characters are in the majority. Memoised per run
/// text (see `memo`): the three OpenCC passes are the costliest part of a Han run.
pub fn chinese_script(text: &str) -> Lang {
    SCRIPT_MEMO.get_or_compute(text, |text| {
        let (simplified, traditional) = script_evidence(text);
        if traditional > simplified {
            Lang::ZhHant
        } else {
            Lang::ZhHans
        }
    })
}

/// (characters only Simplified uses, characters only Traditional uses).
pub fn script_evidence(text: &str) -> (usize, usize) {
    let Ok([to_taiwan, to_hong_kong, to_simplified]) = char_converters() else {
        return (0, 0);
    };
    let chars: Vec<char> = text.chars().collect();
    let changed = |converter: &ferrous_opencc::OpenCC| -> Vec<bool> {
        let converted: Vec<char> = converter.convert(text).chars().collect();
        if converted.len() == chars.len() {
            chars.iter().zip(&converted).map(|(a, b)| a != b).collect()
        } else {
            // A one-to-many mapping shifted the alignment; compare character by character.
            let mut one = [0u8; 4];
            chars
                .iter()
                .map(|c| {
                    let c = c.encode_utf8(&mut one);
                    converter.convert(c) != *c
                })
                .collect()
        }
    };
    let (taiwan, hong_kong) = (changed(to_taiwan), changed(to_hong_kong));
    let simplified = taiwan
        .iter()
        .zip(&hong_kong)
        .filter(|(tw, hk)| **tw && **hk)
        .count();
    let traditional = changed(to_simplified).into_iter().filter(|c| *c).count();
    (simplified, traditional)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_japanese_and_both_chinese_scripts_apart() {
        assert_eq!(han_run_lang("駅前の広場", 1, false), Lang::Japanese);
        assert_eq!(han_run_lang("駅前広場", 0, false), Lang::Japanese);
        assert_eq!(han_run_lang("東京大学", 0, true), Lang::Japanese);
        assert_eq!(han_run_lang("我们的软件", 0, false), Lang::ZhHans);
        assert_eq!(han_run_lang("我們的軟體", 0, false), Lang::ZhHant);
        assert_eq!(han_run_lang("中文", 0, false), Lang::ZhHans);
    }
}

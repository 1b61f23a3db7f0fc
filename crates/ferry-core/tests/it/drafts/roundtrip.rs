//! What goes in comes out byte for byte: every script, long texts, overrides and targets.

use ferry_core::{Network, NetworkOverride, NewDraft, StoreError, Target};

use super::support::{TempStore, edit_text, lang, new_draft, variant};

/// Texts that break naive handling: CJK with full-width punctuation, emoji ZWJ sequences and
/// flags, combining marks (decomposed, must not be normalised), RTL with bidi controls, NUL-free
/// control characters and a lone astral character.
const TRICKY: &[(&str, &str)] = &[
    ("zh-Hans", "渡口见！《新书》发布——「限时」优惠，１２３。"),
    ("zh-Hant", "臺灣繁體：「你好」，這是測試…\u{3000}全形空格"),
    (
        "en",
        "Family: 👩\u{200d}👩\u{200d}👧\u{200d}👦 flag 🇹🇼 skin 👍🏽 keycap 1\u{fe0f}\u{20e3}",
    ),
    ("ar", "مرحبا \u{202b}بالعالم\u{202c} עברית \u{200f}mixed"),
    (
        "vi",
        "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t e\u{301} (decomposed, kept as is)",
    ),
    ("ja", "日本語\r\nwindows line\ttab 𠮷野家"),
];

#[tokio::test]
async fn tricky_text_round_trips_byte_exact() {
    let store = TempStore::new().await;
    let draft = store.create_draft(new_draft(TRICKY)).await.unwrap();
    let loaded = store.get_draft(&draft.id).await.unwrap();
    assert_eq!(loaded, draft);
    for ((tag, text), v) in TRICKY.iter().zip(&loaded.content.variants) {
        assert_eq!(v.lang.as_str(), *tag);
        assert_eq!(v.text.as_bytes(), text.as_bytes(), "{tag} changed");
    }

    // And through a save and a fresh store on the same folder.
    let reversed: Vec<(&str, &str)> = TRICKY.iter().rev().copied().collect();
    store
        .save_draft(edit_text(&loaded, &reversed))
        .await
        .unwrap();
    store.close().await;
    let reopened = ferry_core::Store::open(store.path()).await.unwrap();
    let again = reopened.get_draft(&draft.id).await.unwrap();
    let texts: Vec<(&str, &str)> = again
        .content
        .variants
        .iter()
        .map(|v| (v.lang.as_str(), v.text.as_str()))
        .collect();
    assert_eq!(texts, reversed);
}

#[tokio::test]
async fn hundred_thousand_characters_save_and_reload_intact() {
    let store = TempStore::new().await;
    // Mixed widths so byte and character counts differ: 1, 3 and 4-byte characters.
    let unit = "a渡😀";
    let long: String = unit.repeat(100_000 / 3 + 1).chars().take(100_000).collect();
    assert_eq!(long.chars().count(), 100_000);
    let draft = store
        .create_draft(new_draft(&[("zh-Hans", &long)]))
        .await
        .unwrap();
    let mut longer = long.clone();
    longer.push('渡');
    let saved = store
        .save_draft(edit_text(&draft, &[("zh-Hans", &longer)]))
        .await
        .unwrap();
    assert_eq!(saved.draft.revision, 2);
    let loaded = store.get_draft(&draft.id).await.unwrap();
    assert_eq!(loaded.content.variants[0].text, longer);
    let first = store.get_revision(&draft.id, 1).await.unwrap();
    assert_eq!(first.content.variants[0].text, long);
}

#[tokio::test]
async fn overrides_targets_topics_round_trip() {
    let store = TempStore::new().await;
    let new = NewDraft {
        variants: vec![
            variant("en", "Long English text"),
            variant("zh-Hans", "中文"),
        ],
        overrides: vec![NetworkOverride {
            lang: lang("en"),
            network: Network::X,
            text: "Short for X".into(),
        }],
        targets: vec![
            Target::network(Network::Bluesky),
            Target {
                network: Network::Mastodon,
                account_id: Some("acct-1".into()),
            },
            Target::network(Network::Rednote),
        ],
        topics: vec!["#ferry".into(), "渡口".into()],
    };
    let draft = store.create_draft(new.clone()).await.unwrap();
    let loaded = store.get_draft(&draft.id).await.unwrap();
    assert_eq!(loaded.content.overrides, new.overrides);
    assert_eq!(loaded.content.targets, new.targets);
    assert_eq!(loaded.content.topics, new.topics);
    assert_eq!(loaded.revision, 1);
    assert!(loaded.created_at <= loaded.updated_at);
}

#[tokio::test]
async fn invalid_content_is_refused_with_what_and_where() {
    let store = TempStore::new().await;
    let twice = store
        .create_draft(new_draft(&[("en", "a"), ("EN", "b")]))
        .await
        .unwrap_err();
    assert_eq!(twice.code(), "draft.invalid");
    assert!(twice.to_string().contains("two en variants"), "{twice}");

    let orphan = NewDraft {
        variants: vec![variant("en", "a")],
        overrides: vec![NetworkOverride {
            lang: lang("ja"),
            network: Network::X,
            text: "x".into(),
        }],
        ..Default::default()
    };
    let err = store.create_draft(orphan).await.unwrap_err();
    assert_eq!(err.code(), "draft.invalid");
    assert!(err.to_string().contains("ja"), "{err}");

    let huge = "字".repeat(ferry_core::MAX_TEXT_CHARS + 1);
    let err = store
        .create_draft(new_draft(&[("zh-Hans", &huge)]))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
    assert_eq!(err.code(), "draft.too_large");
}

#[tokio::test]
async fn unknown_draft_is_reported() {
    let store = TempStore::new().await;
    let err = store.get_draft("nope").await.unwrap_err();
    assert_eq!(err.code(), "draft.not_found");
    assert!(err.to_string().contains("nope"));
    assert_eq!(
        store.delete_draft("nope").await.unwrap_err().code(),
        "draft.not_found"
    );
}

#[tokio::test]
async fn delete_removes_draft_and_history() {
    let store = TempStore::new().await;
    let draft = store
        .create_draft(new_draft(&[("en", "bye")]))
        .await
        .unwrap();
    store.delete_draft(&draft.id).await.unwrap();
    assert_eq!(
        store.get_draft(&draft.id).await.unwrap_err().code(),
        "draft.not_found"
    );
    assert_eq!(
        store.history(&draft.id).await.unwrap_err().code(),
        "draft.not_found"
    );
    let listed = store.list_drafts(&Default::default()).await.unwrap();
    assert!(listed.is_empty());
    let searched = store
        .list_drafts(&ferry_core::ListQuery {
            search: Some("bye".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(searched.is_empty(), "the search index forgot the draft");
}

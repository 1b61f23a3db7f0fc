//! Listing and searching drafts in Chinese and English, newest first, with snippets.

use ferry_core::{DraftSummary, ListQuery, Network, NetworkOverride, NewDraft};

use super::support::{TempStore, edit_text, lang, marked, new_draft, variant};

async fn search(store: &TempStore, q: &str) -> Vec<DraftSummary> {
    store
        .list_drafts(&ListQuery {
            search: Some(q.to_owned()),
            ..Default::default()
        })
        .await
        .unwrap()
}

async fn seeded() -> (TempStore, Vec<String>) {
    let store = TempStore::new().await;
    let mut ids = Vec::new();
    for variants in [
        vec![
            ("zh-Hans", "今天去渡口看日落"),
            ("en", "Sunset at the ferry pier"),
        ],
        vec![("zh-Hant", "臺北的咖啡館推薦"), ("en", "Coffee in Taipei")],
        vec![("en", "Release notes: 100% faster_sync")],
        vec![("zh-Hans", "新书发布会 👩\u{200d}👩\u{200d}👧 欢迎")],
    ] {
        let d = store.create_draft(new_draft(&variants)).await.unwrap();
        ids.push(d.id);
    }
    (store, ids)
}

#[tokio::test]
async fn finds_english_case_insensitively_with_snippet() {
    let (store, ids) = seeded().await;
    // The index keeps trigrams without positions: ask for one trigram of each word.
    let hits = search(&store, "FERRY").await;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, ids[0]);
    assert_eq!(
        marked(&hits[0]),
        "今天去渡口看日落 Sunset at the [ferry] pier"
    );
}

#[tokio::test]
async fn finds_chinese_of_every_length() {
    let (store, ids) = seeded().await;
    // One and two characters: too short for trigrams, found by the fallback scan.
    assert_eq!(search(&store, "渡").await[0].id, ids[0]);
    let two = search(&store, "渡口").await;
    assert_eq!(two.len(), 1);
    assert_eq!(
        marked(&two[0]),
        "今天去[渡口]看日落 Sunset at the ferry pier"
    );
    // Three or more: the trigram index.
    assert_eq!(search(&store, "咖啡館").await[0].id, ids[1]);
    assert_eq!(search(&store, "新书发布会").await[0].id, ids[3]);
    // Traditional and Simplified are different text (conversion is the hints' job).
    assert!(search(&store, "咖啡馆").await.is_empty());
}

#[tokio::test]
async fn every_word_must_match() {
    let (store, ids) = seeded().await;
    // The index keeps trigrams without positions: ask for one trigram of each word.
    let hits = search(&store, "渡口　sunset").await; // ideographic space between words
    assert_eq!(hits.iter().map(|h| &h.id).collect::<Vec<_>>(), [&ids[0]]);
    assert!(search(&store, "渡口 coffee").await.is_empty());
    let mixed = search(&store, "臺北 coffee").await;
    assert_eq!(mixed.len(), 1);
    assert_eq!(mixed[0].id, ids[1]);
}

#[tokio::test]
async fn query_syntax_is_plain_text() {
    let (store, ids) = seeded().await;
    assert_eq!(search(&store, "100%").await[0].id, ids[2]);
    assert_eq!(search(&store, "e_").await.len(), 0, "_ is not a wildcard");
    assert_eq!(search(&store, "faster_sync").await[0].id, ids[2]);
    for weird in ["\"", "AND", "NEAR(", "*", "'; DROP TABLE drafts; --", "( )"] {
        // No syntax errors, whatever the words.
        let _ = search(&store, weird).await;
    }
    assert_eq!(
        store.list_drafts(&Default::default()).await.unwrap().len(),
        4
    );
}

#[tokio::test]
async fn emoji_sequences_are_found_and_highlighted_whole() {
    let (store, ids) = seeded().await;
    let family = "👩\u{200d}👩\u{200d}👧";
    // The index keeps trigrams without positions: ask for one trigram of each word.
    let hits = search(&store, family).await;
    assert_eq!(hits[0].id, ids[3]);
    assert_eq!(marked(&hits[0]), format!("新书发布会 [{family}] 欢迎"));
}

#[tokio::test]
async fn searches_overrides_and_topics_too() {
    let store = TempStore::new().await;
    let d = store
        .create_draft(NewDraft {
            variants: vec![variant("en", "Main text")],
            overrides: vec![NetworkOverride {
                lang: lang("en"),
                network: Network::X,
                text: "Shorter version for X".into(),
            }],
            topics: vec!["小红书穿搭".into()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(search(&store, "shorter").await[0].id, d.id);
    assert_eq!(search(&store, "穿搭").await[0].id, d.id);
}

#[tokio::test]
async fn results_follow_last_update_and_page() {
    let (store, ids) = seeded().await;
    // Touch the first draft so it becomes the newest.
    let first = store.get_draft(&ids[0]).await.unwrap();
    store
        .save_draft(edit_text(
            &first,
            &[("zh-Hans", "渡口 again"), ("en", "again")],
        ))
        .await
        .unwrap();
    let all = store.list_drafts(&Default::default()).await.unwrap();
    let order: Vec<&String> = all.iter().map(|s| &s.id).collect();
    assert_eq!(order, [&ids[0], &ids[3], &ids[2], &ids[1]]);
    assert!(all.iter().all(|s| s.snippet.is_none()));
    assert_eq!(all[0].languages, [lang("zh-Hans"), lang("en")]);

    let page = store
        .list_drafts(&ListQuery {
            search: None,
            limit: 2,
            offset: 1,
        })
        .await
        .unwrap();
    assert_eq!(
        page.iter().map(|s| &s.id).collect::<Vec<_>>(),
        [&ids[3], &ids[2]]
    );

    // The search index follows edits: the old sunset text is gone.
    assert!(search(&store, "日落").await.is_empty());
    assert_eq!(search(&store, "again").await[0].id, ids[0]);
}

/// With a tiny scan budget, searches that don't fill a page among the newest drafts go
/// through the trigram index; both plans must give the same answers.
#[tokio::test]
async fn index_plan_agrees_with_the_scan_plan() {
    let dir = tempfile::tempdir().unwrap();
    let narrow = ferry_core::Store::open_with(
        dir.path(),
        ferry_core::StoreOptions {
            search_scan_budget: 2,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let wide = ferry_core::Store::open(dir.path()).await.unwrap();
    let texts = [
        "渡口 old ferry notes",
        "Coffee 咖啡館 review",
        "渡口 sunset FERRY again",
        "unrelated, ends with 雪山",
        "more unrelated, Zé",
    ];
    for t in texts {
        narrow.create_draft(new_draft(&[("en", t)])).await.unwrap();
    }
    for q in [
        "ferry",
        "渡口",
        "渡口 ferry",
        "咖啡館",
        "e",
        "nothing here",
        "FERRY notes",
    ] {
        let query = ListQuery {
            search: Some(q.into()),
            limit: 2,
            offset: 0,
        };
        let a = narrow.list_drafts(&query).await.unwrap();
        let b = wide.list_drafts(&query).await.unwrap();
        assert_eq!(a, b, "{q}");
    }
    let ferry = narrow
        .list_drafts(&ListQuery {
            search: Some("ferry".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let previews: Vec<&str> = ferry.iter().map(|s| s.preview.as_str()).collect();
    assert_eq!(
        previews,
        ["渡口 sunset FERRY again", "渡口 old ferry notes"]
    );
}

#[tokio::test]
async fn deleted_and_edited_text_leaves_the_index() {
    let store = TempStore::new().await;
    let d = store
        .create_draft(new_draft(&[("en", "zebra crossing")]))
        .await
        .unwrap();
    store
        .save_draft(edit_text(&d, &[("en", "giraffe crossing")]))
        .await
        .unwrap();
    assert!(store.index_pending().await.unwrap() >= 1);
    let mut conn = super::support::raw_connection(store.db_path()).await;
    // The index keeps trigrams without positions: ask for one trigram of each word.
    let hits = |q: &'static str| {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM draft_search WHERE draft_search MATCH ?")
            .bind(q)
    };
    assert_eq!(hits("zeb").fetch_one(&mut conn).await.unwrap(), 0);
    assert_eq!(hits("gir").fetch_one(&mut conn).await.unwrap(), 1);
    store.delete_draft(&d.id).await.unwrap();
    assert_eq!(hits("gir").fetch_one(&mut conn).await.unwrap(), 0);
}

//! Merged feed reading speed with a large cache: the first page, a Chinese and an English
//! search, and a filter change, over 100,000 cached items from 20 sources, 2,000 of them the
//! user's own cross-posts (so the fold that shows a cross-post once has work to do), with 100
//! linked people whose zh/en twins fold into one card.
//!
//! `cargo bench -p ferry-core --bench feed`. Targets (issue 10): first page < 10 ms, a search
//! < 50 ms, a filter change < 20 ms. The anchor in the same run is the same first page with a
//! plain `SELECT … ORDER BY published_at DESC LIMIT 50` on the same table, i.e. what reading
//! costs without the filters, the fold and the language column.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_core::Store;
use ferry_core::feed::{Feeds, ItemQuery};
use sqlx::sqlite::SqliteConnectOptions;
use tokio::runtime::Runtime;

const ITEMS: usize = 100_000;
const SOURCES: usize = 20;
const OWN_JOBS: usize = 1_000;
/// Distinct authors (an item's author is its number modulo this).
const AUTHORS: usize = 500;
/// Linked people (see `fill`).
const PEOPLE: usize = 100;

const WORDS: &[&str] = &[
    "渡口", "ferry", "日落", "sunset", "咖啡", "coffee", "新书", "release", "臺北", "harbour",
    "朋友", "friends", "周末", "weekend", "市场", "market", "晚班", "pier", "，", "。",
];

fn text(seed: usize) -> String {
    let mut out = String::new();
    let mut x = seed as u64 * 2_654_435_761 + 1;
    for _ in 0..30 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push_str(WORDS[(x % WORDS.len() as u64) as usize]);
        out.push(' ');
    }
    out
}

async fn fill(dir: &std::path::Path) {
    drop(Store::open(dir).await.unwrap());
    let options = SqliteConnectOptions::new().filename(dir.join("ferry.db"));
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    for s in 0..SOURCES {
        sqlx::query(
            "INSERT INTO feed_sources (id, kind, url, next_fetch_at, created_at, updated_at) \
             VALUES (?, 'rss', ?, '2026-12-05T00:00:00Z', '2026-12-05T00:00:00Z', \
             '2026-12-05T00:00:00Z')",
        )
        .bind(format!("s{s}"))
        .bind(format!("https://feeds.example/{s}.xml"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    for n in 0..ITEMS {
        let network = ["rss", "mastodon", "nostr"][n % 3];
        let lang = if n % 2 == 0 { "zh-Hans" } else { "en" };
        let at = chrono::DateTime::from_timestamp(1_764_000_000 + n as i64 * 30, 0).unwrap();
        sqlx::query(
            "INSERT INTO feed_items (network, source_id, remote_id, author_name, author_id, \
             text, lang, published_at, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(network)
        .bind(format!("s{}", n % SOURCES))
        .bind(format!("r{n}"))
        .bind(format!("作者{}", n % 500))
        .bind((network != "rss").then(|| format!("a{}", n % AUTHORS)))
        .bind(text(n))
        .bind(lang)
        .bind(at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string())
        .bind("2026-12-05T00:00:00.000000Z")
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    // Linked people: person p is author a{p} on Mastodon and a{p+1} on Nostr (whose posts
    // come 30 s apart, in the other language: twins the listing folds), and the first 20 are
    // also an RSS source.
    for p in 0..PEOPLE {
        sqlx::query(
            "INSERT INTO feed_people (id, name, created_at) VALUES (?, ?, '2026-12-05T00:00:00Z')",
        )
        .bind(format!("p{p}"))
        .bind(format!("人{p}"))
        .execute(&mut *tx)
        .await
        .unwrap();
        let mut authors = vec![
            ("mastodon", format!("a{p}")),
            ("nostr", format!("a{}", p + 1)),
        ];
        if p < SOURCES {
            authors.push(("rss", format!("source:s{p}")));
        }
        for (network, key) in authors {
            sqlx::query(
                "INSERT INTO feed_person_authors (network, author_key, person_id) VALUES (?, ?, ?)",
            )
            .bind(network)
            .bind(key)
            .bind(format!("p{p}"))
            .execute(&mut *tx)
            .await
            .unwrap();
        }
    }
    // The user's own cross-posts: each job posted to Mastodon and Nostr, both cached.
    for j in 0..OWN_JOBS {
        sqlx::query(
            "INSERT INTO publish_jobs (id, draft_id, draft_revision, created_at, updated_at) \
             VALUES (?, 'd', 1, '2026-12-05T00:00:00Z', '2026-12-05T00:00:00Z')",
        )
        .bind(format!("j{j}"))
        .execute(&mut *tx)
        .await
        .unwrap();
        // Items n and n+1 are a Mastodon and a Nostr item (n % 3 == 1 and 2).
        let n = j * 99 + 1;
        for (pos, (network, item)) in [("mastodon", n), ("nostr", n + 1)].into_iter().enumerate() {
            sqlx::query(
                "INSERT INTO outbox_targets (id, job_id, position, account_id, network, lang, \
                 state, remote_id, updated_at) VALUES (?, ?, ?, 'a', ?, 'en', 'posted', ?, \
                 '2026-12-05T00:00:00Z')",
            )
            .bind(format!("t{j}-{pos}"))
            .bind(format!("j{j}"))
            .bind(pos as i64)
            .bind(network)
            .bind(format!("r{item}"))
            .execute(&mut *tx)
            .await
            .unwrap();
        }
    }
    tx.commit().await.unwrap();
    sqlx::query("ANALYZE").execute(&pool).await.unwrap();
    pool.close().await;
}

fn feed(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    rt.block_on(fill(dir.path()));
    let store = rt.block_on(Store::open(dir.path())).unwrap();
    let feeds = Feeds::new(store).unwrap();
    let anchor_pool = rt
        .block_on(sqlx::SqlitePool::connect_with(
            SqliteConnectOptions::new().filename(dir.path().join("ferry.db")),
        ))
        .unwrap();
    let page = ItemQuery {
        limit: 50,
        ..ItemQuery::default()
    };
    // The fold must have worked: a page of the newest items holds no cross-post twice.
    let first = rt.block_on(feeds.items(&page)).unwrap();
    assert_eq!(first.len(), 50);

    let mut group = c.benchmark_group("feed 100k items");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("anchor: plain newest 50", |b| {
        b.iter(|| {
            rt.block_on(
                sqlx::query(
                    "SELECT * FROM feed_items ORDER BY published_at DESC, id DESC LIMIT 50",
                )
                .fetch_all(&anchor_pool),
            )
            .unwrap()
        })
    });
    let cases = [
        ("first page", page.clone()),
        (
            "search 日落 (2 chars)",
            ItemQuery {
                search: Some("日落".into()),
                ..page.clone()
            },
        ),
        (
            "search 渡 (1 char)",
            ItemQuery {
                search: Some("渡".into()),
                ..page.clone()
            },
        ),
        (
            "search harbour",
            ItemQuery {
                search: Some("harbour".into()),
                ..page.clone()
            },
        ),
        (
            "filter lang zh",
            ItemQuery {
                lang: Some("zh".into()),
                ..page.clone()
            },
        ),
        (
            "filter network nostr",
            ItemQuery {
                network: Some("nostr".into()),
                ..page.clone()
            },
        ),
        (
            "page 20 (offset 1000)",
            ItemQuery {
                offset: 1000,
                ..page.clone()
            },
        ),
    ];
    for (name, query) in cases {
        group.bench_function(name, |b| {
            b.iter(|| rt.block_on(feeds.items(&query)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, feed);
criterion_main!(benches);

//! Ingesting a feed of 1,000 items the way a refresh does: fetched over HTTP from a local
//! server, parsed (feed-rs), sanitized (ammonia), language-detected, indexed for search and
//! stored — `Feeds::refresh` on a fresh source each time, so every item is new.
//!
//! `cargo bench -p ferry-core --bench feed_ingest`. Target (issue 10): under 1 s. The anchor in
//! the same run is `parse_feed` alone on the same bytes (parsing and sanitizing, no network,
//! no language detection, no database), i.e. the part no cache design can avoid.

use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ferry_core::Store;
use ferry_core::feed::Feeds;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::runtime::Runtime;

const ITEMS: usize = 1_000;

fn rss() -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
         <title>渡口 bench</title><link>https://bench.example/</link><description>x</description>",
    );
    for n in 0..ITEMS {
        let body = if n % 2 == 0 {
            format!(
                "<p>今天的<strong>渡轮</strong>第{n}班，晚上七点开。<a href=\"https://bench.example/{n}\">详情</a></p><script>x()</script>"
            )
        } else {
            format!(
                "<p>The <em>night ferry</em> number {n} leaves at seven. <a href=\"/p/{n}\" onclick=\"x()\">More</a></p>"
            )
        };
        out.push_str(&format!(
            "<item><title>Item {n} 渡口</title><link>https://bench.example/p/{n}</link>\
             <guid>bench-{n}</guid><pubDate>Fri, 04 Dec 2026 12:00:00 GMT</pubDate>\
             <description><![CDATA[{body}]]></description></item>"
        ));
    }
    out.push_str("</channel></rss>");
    out
}

/// A tiny HTTP server answering every request with the feed.
async fn serve(body: Arc<String>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let body = body.clone();
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(body.as_bytes()).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    address
}

fn ingest(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let body = Arc::new(rss());
    let server = rt.block_on(serve(body.clone()));
    let dir = tempfile::tempdir().unwrap();
    let store = rt.block_on(Store::open(dir.path())).unwrap();
    let feeds = Feeds::new(store).unwrap();
    let mut group = c.benchmark_group("feed_ingest");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    let url = url::Url::parse(&format!("{server}/feed.xml")).unwrap();
    group.bench_function("parse_feed only (anchor)", |b| {
        b.iter(|| ferry_networks::rss::parse_feed(body.as_bytes(), &url).unwrap())
    });
    let mut n = 0;
    group.bench_function("refresh a new 1,000-item feed", |b| {
        b.iter_batched(
            || {
                n += 1;
                // A new source each time, so all 1,000 items are new to the cache.
                rt.block_on(feeds.add_source(&format!("{server}/feed.xml?run={n}")))
                    .unwrap()
            },
            |source| {
                let report = rt.block_on(feeds.refresh(&source.id)).unwrap();
                assert_eq!(report.new_items as usize, ITEMS, "{report:?}");
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);

//! What one keystroke costs the composer's counters and previews: `check_variant` on a
//! draft sent to all eight networks (measure, spans, the over-limit cut and, on networks with
//! threads, the split), without the IPC round trip. The UI keeps one request in flight, so
//! this is how far behind the counters can fall while someone types.
//!
//! `cargo bench -p ferry-core --bench check_variant`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_core::checks::{VariantCheckRequest, check_variant};
use ferry_core::{DraftContent, LangTag, Network, Target, Variant};

const PARAGRAPH: &str = "今天天气很好，我们去公园散步。The weather is lovely today, let's walk in the park! \
🌳👨‍👩‍👧 https://example.com/park?day=sat #周末 @alice 看看这个：example.org/路径 \n";

fn request(chars: usize) -> VariantCheckRequest {
    let text: String = PARAGRAPH.chars().cycle().take(chars).collect();
    let content = DraftContent {
        variants: vec![Variant {
            lang: LangTag::parse("zh-Hans").unwrap(),
            text,
        }],
        targets: Network::ALL.map(Target::network).to_vec(),
        topics: vec!["旅行".into(), "weekend walks".into()],
        ..DraftContent::default()
    };
    VariantCheckRequest::new(content, LangTag::parse("zh-Hans").unwrap())
}

fn bench(c: &mut Criterion) {
    for chars in [250, 1000, 5000] {
        let mut request = request(chars);
        c.bench_function(&format!("check_variant/8 previews/{chars} chars"), |b| {
            b.iter(|| check_variant(black_box(&request)).unwrap())
        });
        // What the composer asks while typing: every counter, one preview tab (X, threaded).
        request.preview = Some(vec![Network::X]);
        c.bench_function(&format!("check_variant/1 preview/{chars} chars"), |b| {
            b.iter(|| check_variant(black_box(&request)).unwrap())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! `prepare_image` on a phone-sized photo (4032×3024 JPEG, ~3–4 MB) for Bluesky's 2,000,000
//! bytes (decode, orient, recompress, shrink if needed) and for Nostr (no limit: decode and
//! re-encode only, which is what stripping EXIF costs).
//!
//! `cargo bench -p ferry-networks --bench media_prepare`; figures in docs/BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ferry_networks::media::{MediaLimits, prepare_image};
use image::{Rgb, RgbImage};

/// A smooth gradient with light noise: compresses like a photo, not like flat color or static.
fn photo() -> Vec<u8> {
    let mut seed = 0x9E37_79B9_u32;
    let img = RgbImage::from_fn(4032, 3024, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let n = (seed % 24) as u8;
        Rgb([
            (x / 16) as u8 ^ n,
            (y / 12) as u8 ^ n,
            ((x + y) / 28) as u8 ^ n,
        ])
    });
    let mut out = Vec::new();
    img.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
        &mut out, 92,
    ))
    .unwrap();
    out
}

fn bench(c: &mut Criterion) {
    let bytes = photo();
    eprintln!("input: {} bytes", bytes.len());
    let mut group = c.benchmark_group("prepare_image 4032x3024");
    group.sample_size(10);
    group.bench_function("bluesky", |b| {
        b.iter(|| prepare_image(black_box(&bytes), "alt", &MediaLimits::bluesky()).unwrap())
    });
    group.bench_function("nostr", |b| {
        b.iter(|| prepare_image(black_box(&bytes), "alt", &MediaLimits::nostr()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! A server that transforms what it's given (`x` is not `ox`), and one that processes
//! uploads slowly (NIP-96 "Delayed Processing": 202, then polls of `processing_url`).

use super::*;

#[tokio::test]
async fn nip96_transforming_server_serves_other_bytes_under_the_original_hash() {
    let nip96 = FakeNip96::start().await;
    nip96.transform_uploads(true);
    let auth = Nip98::upload(&nip96, PICTURE).header(&Keys::generate());
    // Asked not to, it transforms anyway: the client has to compare `x` with `ox`.
    let (status, answer) = json(post(&nip96, &auth, PICTURE, true).await).await;
    assert_eq!(status, 201);
    let transformed = [PICTURE, b"FAKE-TRANSFORMED"].concat();
    assert_eq!(tag(&answer, "ox"), Some(&*sha256_hex(PICTURE)));
    assert_eq!(tag(&answer, "x"), Some(&*sha256_hex(&transformed)));
    assert_eq!(tag(&answer, "size"), Some(&*transformed.len().to_string()));
    let served = reqwest::get(tag(&answer, "url").unwrap()).await.unwrap();
    assert_eq!(served.bytes().await.unwrap(), transformed);
    let file = &nip96.files()[0];
    assert!(file.no_transform);
    assert_ne!(file.x, file.ox);
}

#[tokio::test]
async fn nip96_delayed_upload_is_202_then_processing_then_201() {
    let nip96 = FakeNip96::start().await;
    nip96.transform_uploads(true);
    nip96.delay_next(2);
    let auth = Nip98::upload(&nip96, PICTURE).header(&Keys::generate());
    let (status, accepted) = json(post(&nip96, &auth, PICTURE, false).await).await;
    assert_eq!(status, 202);
    let ox = sha256_hex(PICTURE);
    let processing_url = format!("{}/processing/{ox}", nip96.base);
    assert_eq!(accepted["processing_url"], processing_url);
    assert_eq!(tag(&accepted, "ox"), Some(&*ox));
    assert_eq!((tag(&accepted, "x"), tag(&accepted, "size")), (None, None));
    // Until processing is done, the original is served.
    let url = tag(&accepted, "url").unwrap().to_owned();
    assert_eq!(
        reqwest::get(&url).await.unwrap().bytes().await.unwrap(),
        PICTURE
    );

    let mut percentages = Vec::new();
    for _ in 0..2 {
        let (status, poll) = json(reqwest::get(&processing_url).await.unwrap()).await;
        assert_eq!(
            (status, poll["status"].as_str()),
            (200, Some("processing")),
            "{poll}"
        );
        percentages.push(poll["percentage"].as_u64().unwrap());
    }
    assert!(
        percentages[0] < percentages[1] && percentages[1] < 100,
        "{percentages:?}"
    );
    let (status, done) = json(reqwest::get(&processing_url).await.unwrap()).await;
    assert_eq!(status, 201);
    assert!(done.get("processing_url").is_none(), "{done}");
    let transformed = [PICTURE, b"FAKE-TRANSFORMED"].concat();
    assert_eq!(tag(&done, "x"), Some(&*sha256_hex(&transformed)));
    assert_eq!(tag(&done, "url"), Some(&*url));
    assert_eq!(
        reqwest::get(&url).await.unwrap().bytes().await.unwrap(),
        transformed
    );
    // Only the next upload was delayed.
    let auth = Nip98::upload(&nip96, b"another").header(&Keys::generate());
    assert_eq!(post(&nip96, &auth, b"another", false).await.status(), 201);
}

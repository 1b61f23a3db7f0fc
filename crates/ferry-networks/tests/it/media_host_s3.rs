//! The S3 media host against a real S3-compatible server (moto in server mode, started by
//! tests/peers/with-peers): objects written by content hash, read back byte for byte from the
//! public address; a missing bucket and a wrong public address named. (moto accepts any
//! signature, so the SigV4 signing itself is rusty-s3's, tested by its authors against MinIO.)

use std::time::Duration;

use ferry_networks::http::Secret;
use ferry_networks::media_host::{S3Config, S3Host};
use ferry_test_support::peers;

fn s3_host(endpoint: &str, bucket: &str, public: &str) -> S3Host {
    S3Host::new(
        &S3Config {
            endpoint: endpoint.into(),
            bucket: bucket.into(),
            region: "us-east-1".into(),
            public_url: public.into(),
        },
        &Secret::new("AKIAFERRYTEST"),
        &Secret::new("ferry-test-secret"),
        Duration::from_secs(10),
    )
    .unwrap()
}

#[tokio::test]
async fn uploads_are_named_by_content_and_read_back_byte_for_byte() {
    let Some(s3) = peers::s3() else {
        return;
    };
    let public = format!("{s3}/{}", peers::S3_BUCKET);
    let host = s3_host(&s3, peers::S3_BUCKET, &public);
    let picture: Vec<u8> = (0..50_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let first = host.put(picture.clone(), "image/jpeg").await.unwrap();
    assert!(first.key.ends_with(".jpg") && first.key.starts_with(&first.sha256));
    assert_eq!(first.url, format!("{public}/{}", first.key));
    host.read_back(&first.url, &picture).await.unwrap();
    let fetched = reqwest::get(&first.url)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(fetched.as_ref(), picture.as_slice());
    // The same bytes again: the same object (an upload retried after a lost answer).
    let again = host.put(picture.clone(), "image/jpeg").await.unwrap();
    assert_eq!(again, first);

    let nowhere = s3_host(&s3, "no-such-bucket", &public);
    let err = nowhere.put(vec![1, 2, 3], "image/png").await.unwrap_err();
    assert!(
        err.to_string().contains("no bucket no-such-bucket"),
        "{err}"
    );
    let wrong_public = s3_host(&s3, peers::S3_BUCKET, &format!("{s3}/elsewhere"));
    let put = wrong_public.put(vec![4, 5, 6], "image/png").await.unwrap();
    let err = wrong_public
        .read_back(&put.url, &[4, 5, 6])
        .await
        .unwrap_err();
    assert!(err.to_string().contains("publicly"), "{err}");
}

/// Keys that may not write: moto has no permissions, so the answer S3 gives is replayed in
/// front of it — AWS's documented error response for a denied PutObject ("Error responses",
/// Amazon S3 API Reference: 403 with an XML `<Error>` whose `Code` is `AccessDenied`).
#[tokio::test]
async fn keys_that_may_not_write_are_named_with_the_permission_to_add() {
    use ferry_test_support::{Fault, FaultProxy};
    let Some(s3) = peers::s3() else {
        return;
    };
    let proxy = FaultProxy::start(&s3).await.unwrap();
    proxy.push(Fault::Respond {
        status: 403,
        headers: vec![("Content-Type".into(), "application/xml".into())],
        body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>\
               <Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId>\
               </Error>"
            .into(),
    });
    let public = format!("{s3}/{}", peers::S3_BUCKET);
    let host = s3_host(&proxy.http_url(), peers::S3_BUCKET, &public);
    let err = host.put(vec![7, 8, 9], "image/png").await.unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("s3:PutObject") && text.contains(peers::S3_BUCKET),
        "{text}"
    );
    assert!(!text.contains("ferry-test-secret"), "{text}");
    assert_eq!(err.class(), ferry_networks::http::ErrorClass::Permanent);
}

//! Each way an upload is refused: the status, the `X-Reason` naming what failed, and
//! nothing stored.

use super::*;

/// Uploads [`PICTURE`] with `auth`, expects `status` and `reason`, and that nothing is stored.
async fn refused(blossom: &FakeBlossom, auth: Option<String>, status: u16, reason_is: &str) {
    let response = put(blossom, auth, PICTURE, "image/jpeg").await;
    assert_eq!(response.status(), status, "{reason_is}");
    assert_eq!(reason(&response), reason_is);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["message"], reason_is);
    assert!(blossom.blobs().is_empty(), "{reason_is}: stored");
    assert_eq!(blossom.uploads(), 0, "{reason_is}: counted");
}

#[tokio::test]
async fn blossom_wrong_x_tag_is_refused_naming_it() {
    let blossom = FakeBlossom::start().await;
    let mut permission = Permission::for_blob(PICTURE);
    permission.x = sha256_hex(b"some other picture");
    let auth = permission.header(&Keys::generate());
    refused(
        &blossom,
        Some(auth),
        401,
        "x tag does not match the blob's sha256",
    )
    .await;
}

#[tokio::test]
async fn blossom_expired_event_is_refused() {
    let blossom = FakeBlossom::start().await;
    let mut permission = Permission::for_blob(PICTURE);
    permission.created_at = now() - 600;
    permission.expiration = Some(now() - 10);
    let auth = permission.header(&Keys::generate());
    refused(&blossom, Some(auth), 401, "auth event expired").await;
}

#[tokio::test]
async fn blossom_event_of_another_kind_is_refused() {
    let blossom = FakeBlossom::start().await;
    let mut permission = Permission::for_blob(PICTURE);
    // NIP-98's HTTP auth kind, which NIP-96 servers take and Blossom servers don't.
    permission.kind = Kind::Custom(27_235);
    let auth = permission.header(&Keys::generate());
    refused(&blossom, Some(auth), 401, "auth event is not kind 24242").await;
}

#[tokio::test]
async fn blossom_every_other_auth_check_says_which_failed() {
    let blossom = FakeBlossom::start().await;
    let keys = Keys::generate();
    refused(&blossom, None, 401, "missing Authorization").await;

    let bearer = Some("Bearer abc".to_owned());
    refused(
        &blossom,
        bearer,
        401,
        "Authorization's scheme is \"Bearer\", not Nostr",
    )
    .await;

    let mut event = serde_json::to_value(Permission::for_blob(PICTURE).sign(&keys)).unwrap();
    event["content"] = "Upload something else".into();
    let tampered = encoded(&serde_json::to_vec(&event).unwrap());
    refused(
        &blossom,
        Some(tampered),
        401,
        "auth event's id or signature is invalid",
    )
    .await;

    let mut future = Permission::for_blob(PICTURE);
    future.created_at = now() + 600;
    let future = future.header(&keys);
    refused(
        &blossom,
        Some(future),
        401,
        "auth event's created_at is in the future",
    )
    .await;

    let mut forever = Permission::for_blob(PICTURE);
    forever.expiration = None;
    let forever = forever.header(&keys);
    refused(
        &blossom,
        Some(forever),
        401,
        "auth event has no expiration tag",
    )
    .await;

    let mut delete = Permission::for_blob(PICTURE);
    delete.verb = "delete";
    let delete = delete.header(&keys);
    refused(
        &blossom,
        Some(delete),
        401,
        "auth event's t tag is not upload",
    )
    .await;

    let mut elsewhere = Permission::for_blob(PICTURE);
    elsewhere.servers = vec!["cdn.example.com"];
    let elsewhere = elsewhere.header(&keys);
    let reason = "auth event's server tags don't name 127.0.0.1";
    refused(&blossom, Some(elsewhere), 401, reason).await;

    // A clock a little fast, and a server tag naming this one, are fine.
    let mut fine = Permission::for_blob(PICTURE);
    fine.created_at = now() + 30;
    fine.servers = vec!["cdn.example.com", "127.0.0.1"];
    let fine = put(&blossom, Some(fine.header(&keys)), PICTURE, "image/jpeg").await;
    assert_eq!(fine.status(), 200);
}

#[tokio::test]
async fn blossom_refuse_next_answers_that_status_once_and_stores_nothing() {
    let blossom = FakeBlossom::start().await;
    let keys = Keys::generate();
    blossom.refuse_next(402, "payment required: 21 sats");
    let auth = Permission::for_blob(PICTURE).header(&keys);
    refused(
        &blossom,
        Some(auth.clone()),
        402,
        "payment required: 21 sats",
    )
    .await;
    let again = put(&blossom, Some(auth), PICTURE, "image/jpeg").await;
    assert_eq!(again.status(), 200);
    assert_eq!(blossom.blobs().len(), 1);
}

#[tokio::test]
async fn blossom_larger_than_the_limit_is_413() {
    let blossom = FakeBlossom::start().await;
    let keys = Keys::generate();
    blossom.set_max_bytes(10);
    let auth = Permission::for_blob(PICTURE).header(&keys);
    refused(&blossom, Some(auth), 413, "file too large (max 10 bytes)").await;
    // At the limit exactly is fine.
    let small = b"ten bytes!";
    let auth = Permission::for_blob(small).header(&keys);
    let response = put(&blossom, Some(auth), small, "image/png").await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn blossom_allow_only_refuses_other_keys() {
    let blossom = FakeBlossom::start().await;
    let (member, stranger) = (Keys::generate(), Keys::generate());
    blossom.allow_only(&member.public_key().to_hex());
    let auth = Permission::for_blob(PICTURE).header(&stranger);
    refused(&blossom, Some(auth), 401, "pubkey not allowed").await;
    let auth = Permission::for_blob(PICTURE).header(&member);
    let response = put(&blossom, Some(auth), PICTURE, "image/jpeg").await;
    assert_eq!(response.status(), 200);
    assert_eq!(blossom.blobs()[0].uploader, member.public_key().to_hex());
}

#[tokio::test]
async fn blossom_x_sha256_header_unlike_the_body_is_409() {
    let blossom = FakeBlossom::start().await;
    let auth = Permission::for_blob(PICTURE).header(&Keys::generate());
    let response = reqwest::Client::new()
        .put(format!("{}/upload", blossom.base))
        .header("Authorization", auth)
        .header("X-SHA-256", sha256_hex(b"what it meant to send"))
        .body(PICTURE.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
    assert_eq!(
        reason(&response),
        "X-SHA-256 does not match the body's sha256"
    );
    assert!(blossom.blobs().is_empty());
}

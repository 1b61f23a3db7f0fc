//! Each way an upload is refused: the status, NIP-96's error body naming what failed, and
//! nothing stored.

use super::*;

#[tokio::test]
async fn nip96_each_nip98_check_is_401_naming_it() {
    let nip96 = FakeNip96::start().await;
    let keys = Keys::generate();
    let missing = reqwest::Client::new()
        .post(nip96.api_url())
        .send()
        .await
        .unwrap();
    refused(&nip96, missing, 401, "missing Authorization").await;

    let mut elsewhere = Nip98::upload(&nip96, PICTURE);
    elsewhere.u = format!("{}?page=1", nip96.api_url());
    let response = post(&nip96, &elsewhere.header(&keys), PICTURE, false).await;
    let message = format!(
        "auth event's u tag is {:?}, not {:?}",
        elsewhere.u,
        nip96.api_url()
    );
    refused(&nip96, response, 401, &message).await;

    let mut put = Nip98::upload(&nip96, PICTURE);
    put.method = "PUT";
    let response = post(&nip96, &put.header(&keys), PICTURE, false).await;
    refused(
        &nip96,
        response,
        401,
        "auth event's method tag is \"PUT\", not \"POST\"",
    )
    .await;

    let message = "auth event's created_at is more than 60 s from now";
    for off in [-90, 90] {
        let mut stale = Nip98::upload(&nip96, PICTURE);
        stale.created_at = stale.created_at.checked_add_signed(off).unwrap();
        let response = post(&nip96, &stale.header(&keys), PICTURE, false).await;
        refused(&nip96, response, 401, message).await;
    }

    // A clock a little off either way is fine.
    let mut fine = Nip98::upload(&nip96, PICTURE);
    fine.created_at -= 30;
    let response = post(&nip96, &fine.header(&keys), PICTURE, false).await;
    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn nip96_payload_tag_of_other_bytes_is_403() {
    let nip96 = FakeNip96::start().await;
    let mut other = Nip98::upload(&nip96, PICTURE);
    other.payload = Some(sha256_hex(b"what it meant to send"));
    let response = post(&nip96, &other.header(&Keys::generate()), PICTURE, false).await;
    let message = "payload tag does not match the file's sha256";
    refused(&nip96, response, 403, message).await;
    // Without a payload tag (NIP-98: "SHOULD"), the upload is taken.
    other.payload = None;
    let response = post(&nip96, &other.header(&Keys::generate()), PICTURE, false).await;
    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn nip96_allow_only_refuses_other_keys_with_403() {
    let nip96 = FakeNip96::start().await;
    let (member, stranger) = (Keys::generate(), Keys::generate());
    nip96.allow_only(&member.public_key().to_hex());
    let auth = Nip98::upload(&nip96, PICTURE).header(&stranger);
    let response = post(&nip96, &auth, PICTURE, false).await;
    refused(&nip96, response, 403, "pubkey not allowed to upload").await;
    let auth = Nip98::upload(&nip96, PICTURE).header(&member);
    assert_eq!(post(&nip96, &auth, PICTURE, false).await.status(), 201);
}

#[tokio::test]
async fn nip96_larger_than_the_limit_is_413() {
    let nip96 = FakeNip96::start().await;
    let keys = Keys::generate();
    nip96.set_max_bytes(10);
    let auth = Nip98::upload(&nip96, PICTURE).header(&keys);
    let response = post(&nip96, &auth, PICTURE, false).await;
    refused(
        &nip96,
        response,
        413,
        "File size exceeds the limit of 10 bytes",
    )
    .await;
    // At the limit exactly is fine.
    let small = b"ten bytes!";
    let auth = Nip98::upload(&nip96, small).header(&keys);
    assert_eq!(post(&nip96, &auth, small, false).await.status(), 201);
}

#[tokio::test]
async fn nip96_refuse_next_402_carries_a_payment_request_once() {
    let nip96 = FakeNip96::start().await;
    nip96.refuse_next(402, "Pay 21 sats first");
    let auth = Nip98::upload(&nip96, PICTURE).header(&Keys::generate());
    let response = post(&nip96, &auth, PICTURE, false).await;
    let (status, body) = json(response).await;
    assert_eq!(
        (status, &body["message"]),
        (402, &"Pay 21 sats first".into())
    );
    assert!(
        body["payment_request"]
            .as_str()
            .unwrap()
            .starts_with("lnbc1"),
        "{body}"
    );
    assert!(body.get("nip94_event").is_none());
    assert!(nip96.files().is_empty());
    assert_eq!(post(&nip96, &auth, PICTURE, false).await.status(), 201);
}

#[tokio::test]
async fn nip96_bad_form_data_is_400() {
    let nip96 = FakeNip96::start().await;
    let keys = Keys::generate();
    let send = |form: Form| {
        let auth = Nip98::upload(&nip96, PICTURE).header(&keys);
        let request = reqwest::Client::new()
            .post(nip96.api_url())
            .header("Authorization", auth);
        request.multipart(form).send()
    };
    let no_file = send(Form::new().text("caption", "A cat")).await.unwrap();
    refused(&nip96, no_file, 400, "missing file field").await;
    let video = Form::new()
        .part("file", Part::bytes(PICTURE))
        .text("content_type", "video/mp4");
    let video = send(video).await.unwrap();
    refused(
        &nip96,
        video,
        400,
        "content type video/mp4 is not supported",
    )
    .await;
}

//! The Bluesky client against the reference PDS (@atproto/dev-env, started by
//! tests/peers/with-peers): posts read back with `getRecord`, thread refs, tokens, and every
//! failure through the fault proxy.

use std::time::Duration;

use ferry_networks::bluesky::client::{
    BlueskyClient, NewPost, PostImage, ReplyRef, StrongRef, Tid,
};
use ferry_networks::bluesky::facets::{FacetKind, detect};
use ferry_networks::http::{ErrorClass, Secret};
use ferry_networks::media::{MediaLimits, prepare_image};
use ferry_test_support::{Fault, FaultProxy, peers};
use serde_json::{Value, json};

async fn login(pds: &str, (handle, password): (&str, &str)) -> BlueskyClient {
    BlueskyClient::login(pds, handle, &Secret::new(password))
        .await
        .unwrap()
}

fn jpeg(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x as u8).wrapping_mul(seed),
            (y as u8).wrapping_add(seed),
            seed,
        ])
    });
    let mut out = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut out),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    out
}

#[tokio::test]
async fn rich_post_reads_back_byte_for_byte() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let alice = login(&pds, peers::BSKY_ALICE).await;
    let text =
        "你好，世界！Hello 👩‍👩‍👧 see https://example.com/路径?q=1 #渡口 cc @bob.test 🇨🇳".to_owned();
    let facets = detect(&text);
    let kinds: Vec<FacetKind> = facets.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [FacetKind::Link, FacetKind::Tag, FacetKind::Mention],
        "{facets:?}"
    );

    let mut images = Vec::new();
    let mut uploaded = Vec::new();
    for (i, (w, h)) in [(64, 48), (30, 90)].into_iter().enumerate() {
        let ready = prepare_image(
            &jpeg(w, h, 7 + i as u8),
            &format!("图 {i}: alt text"),
            &MediaLimits::bluesky(),
        )
        .unwrap();
        let blob = alice
            .upload_blob(ready.bytes.clone(), ready.mime)
            .await
            .unwrap();
        assert_eq!(blob.mime_type(), Some("image/jpeg"));
        uploaded.push(ready.bytes.clone());
        images.push(PostImage {
            blob,
            alt: ready.alt,
            width: ready.width,
            height: ready.height,
        });
    }

    let rkey = Tid::now();
    let post = NewPost {
        text: text.clone(),
        facets: facets.clone(),
        langs: vec!["zh-Hans".into(), "en".into()],
        images: images.clone(),
        ..Default::default()
    };
    let posted = alice.publish_post(&post, &rkey).await.unwrap();
    assert!(
        posted.uri.ends_with(&format!("/app.bsky.feed.post/{rkey}")),
        "{}",
        posted.uri
    );
    assert!(posted.unresolved_mentions.is_empty());

    let record = alice
        .get_post(&rkey)
        .await
        .unwrap()
        .expect("the post exists");
    assert_eq!(record.cid.as_deref(), Some(posted.cid.as_str()));
    let value = &record.value;
    assert_eq!(value["text"], text);
    assert_eq!(value["langs"], json!(["zh-Hans", "en"]));

    // Facets exactly as sent: byte offsets, and the mention resolved to bob's DID.
    let bob_did = alice.resolve_handle("bob.test").await.unwrap();
    let expected: Vec<Value> = facets
        .iter()
        .map(|f| {
            let feature = match f.kind {
                FacetKind::Link => json!({"$type": "app.bsky.richtext.facet#link", "uri": f.value}),
                FacetKind::Tag => json!({"$type": "app.bsky.richtext.facet#tag", "tag": f.value}),
                FacetKind::Mention => json!({"$type": "app.bsky.richtext.facet#mention", "did": bob_did}),
            };
            json!({"index": {"byteStart": f.byte_start, "byteEnd": f.byte_end}, "features": [feature]})
        })
        .collect();
    assert_eq!(value["facets"], Value::Array(expected));
    // And the offsets cut the text where a person sees the link, tag and mention.
    let cut = |i: usize| {
        let index = &value["facets"][i]["index"];
        let (s, e) = (
            index["byteStart"].as_u64().unwrap() as usize,
            index["byteEnd"].as_u64().unwrap() as usize,
        );
        &text.as_bytes()[s..e]
    };
    assert_eq!(cut(0), "https://example.com/路径?q=1".as_bytes());
    assert_eq!(cut(1), "#渡口".as_bytes());
    assert_eq!(cut(2), "@bob.test".as_bytes());

    // Images: alt text, aspect ratio, and the very bytes uploaded.
    let embedded = value["embed"]["images"].as_array().unwrap();
    assert_eq!(value["embed"]["$type"], "app.bsky.embed.images");
    for (i, img) in embedded.iter().enumerate() {
        assert_eq!(img["alt"], format!("图 {i}: alt text"));
        assert_eq!(
            img["aspectRatio"],
            json!({"width": images[i].width, "height": images[i].height})
        );
        let cid = img["image"]["ref"]["$link"].as_str().unwrap();
        assert_eq!(Some(cid), images[i].blob.cid());
        assert_eq!(alice.get_blob(cid).await.unwrap(), uploaded[i]);
    }
}

#[tokio::test]
async fn thread_replies_point_at_root_and_parent() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let alice = login(&pds, peers::BSKY_ALICE).await;
    let part = |text: &str, reply: Option<ReplyRef>| NewPost {
        text: text.into(),
        reply,
        ..Default::default()
    };
    let first = alice
        .publish_post(&part("1/3 一", None), &Tid::now())
        .await
        .unwrap();
    let root = StrongRef {
        uri: first.uri.clone(),
        cid: first.cid.clone(),
    };
    let second = alice
        .publish_post(
            &part(
                "2/3 二",
                Some(ReplyRef {
                    root: root.clone(),
                    parent: root.clone(),
                }),
            ),
            &Tid::now(),
        )
        .await
        .unwrap();
    let parent = StrongRef {
        uri: second.uri.clone(),
        cid: second.cid.clone(),
    };
    let third_key = Tid::now();
    alice
        .publish_post(
            &part(
                "3/3 三",
                Some(ReplyRef {
                    root: root.clone(),
                    parent: parent.clone(),
                }),
            ),
            &third_key,
        )
        .await
        .unwrap();
    let third = alice.get_post(&third_key).await.unwrap().unwrap();
    assert_eq!(third.value["reply"]["root"], json!(root));
    assert_eq!(third.value["reply"]["parent"], json!(parent));
}

#[tokio::test]
async fn dropped_create_record_is_found_by_its_key_and_never_doubled() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let alice = login(&pds, peers::BSKY_ALICE).await;
    let proxy = FaultProxy::start(&pds).await.unwrap();
    let through = BlueskyClient::resume(&proxy.http_url(), alice.session().await).unwrap();
    proxy.push(Fault::DropAfterForward);
    let rkey = Tid::now();
    let post = NewPost {
        text: "lost answer 丢失的回答".into(),
        ..Default::default()
    };
    let err = through.publish_post(&post, &rkey).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");
    assert_eq!(proxy.forwarded(), 1);

    // The check finds what the dropped request created…
    let found = alice
        .get_post(&rkey)
        .await
        .unwrap()
        .expect("createRecord reached the PDS");
    assert_eq!(found.value["text"], "lost answer 丢失的回答");
    // …and sending again with the same key reports that record instead of a second post.
    let again = alice.publish_post(&post, &rkey).await.unwrap();
    assert_eq!(Some(again.cid), found.cid);
}

#[tokio::test]
async fn server_errors_rate_limits_and_stalls_are_classified() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let alice = login(&pds, peers::BSKY_ALICE).await;
    let proxy = FaultProxy::start(&pds).await.unwrap();
    let through = BlueskyClient::resume(&proxy.http_url(), alice.session().await).unwrap();
    // After a 5xx the client asks whether the key already exists (Forward lets that through).
    proxy.push(Fault::status(500));
    proxy.push(Fault::Forward);
    proxy.push(Fault::ForwardThenStatus(503));
    proxy.push(Fault::Forward);
    proxy.push(Fault::too_many("30", &[("RateLimit-Remaining", "0")]));
    let post = NewPost {
        text: "faults".into(),
        ..Default::default()
    };
    let rkey = Tid::now();
    // A 500 may follow a write that took effect: unknown, for the outbox to check (the
    // client's own check found nothing, but the write may still land). So may a 503: here
    // the PDS took the record, and the client's check finds it instead of sending it again.
    let err = through.publish_post(&post, &rkey).await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");
    let forwarded = proxy.forwarded();
    let landed = Tid::now();
    assert_ne!(landed, rkey);
    let found = through.publish_post(&post, &landed).await.unwrap();
    assert_eq!(found.rkey, landed);
    assert_eq!(
        proxy.forwarded() - forwarded,
        2,
        "the write and the check, no resend"
    );
    let err = through.publish_post(&post, &rkey).await.unwrap_err();
    assert_eq!(err.code(), "net.rate_limited");
    let wait = err.retry_at().unwrap() - chrono::Utc::now();
    assert!((20..=30).contains(&wait.num_seconds()), "{wait}");
    assert!(
        alice.get_post(&rkey).await.unwrap().is_none(),
        "nothing reached the PDS"
    );
    through.publish_post(&post, &rkey).await.unwrap();
}

#[tokio::test]
async fn expired_access_token_is_refreshed_once_and_the_call_repeated() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let alice = login(&pds, peers::BSKY_ALICE).await;
    let proxy = FaultProxy::start(&pds).await.unwrap();
    let before = alice.session().await;
    let through = BlueskyClient::resume(&proxy.http_url(), before.clone()).unwrap();
    // What the PDS answers for an expired access token.
    proxy.push(Fault::json(
        400,
        r#"{"error":"ExpiredToken","message":"Token has expired"}"#,
    ));
    let rkey = Tid::now();
    through
        .publish_post(
            &NewPost {
                text: "after refresh".into(),
                ..Default::default()
            },
            &rkey,
        )
        .await
        .unwrap();
    let after = through.session().await;
    // The faulted call, refreshSession, the call again. (Access tokens made within the same
    // second can be byte-identical, so the rotated refresh token is what shows the refresh.)
    assert_eq!(proxy.requests(), 3);
    assert_ne!(
        after.refresh_jwt, before.refresh_jwt,
        "refreshSession rotates the refresh token"
    );
    assert!(alice.get_post(&rkey).await.unwrap().is_some());
}

#[tokio::test]
async fn wrong_password_unknown_handle_and_revoked_session() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let err = BlueskyClient::login(&pds, "alice.test", &Secret::new("not-her-password"))
        .await
        .unwrap_err();
    assert_eq!(err.class(), ErrorClass::Auth, "{err}");
    assert!(!err.to_string().contains("not-her-password"));
    let err = BlueskyClient::login(&pds, "nobody.test", &Secret::new("x"))
        .await
        .unwrap_err();
    assert_eq!(err.class(), ErrorClass::Auth, "{err}");

    // The email works as the identifier too.
    let by_email =
        BlueskyClient::login(&pds, "alice@example.com", &Secret::new(peers::BSKY_ALICE.1))
            .await
            .unwrap();
    assert_eq!(by_email.session().await.handle, "alice.test");

    let alice = login(&pds, peers::BSKY_ALICE).await;
    let err = alice.resolve_handle("nobody.test").await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::Permanent);
    assert!(err.to_string().contains("@nobody.test"), "{err}");
    let text = "hi @nobody.test".to_owned();
    let post = NewPost {
        facets: detect(&text),
        text,
        ..Default::default()
    };
    let posted = alice.publish_post(&post, &Tid::now()).await.unwrap();
    assert_eq!(
        posted.unresolved_mentions,
        ["nobody.test"],
        "unknown handles stay plain text"
    );

    // Too long for Bluesky (301 graphemes, each e + U+0301): the PDS's own words come through.
    let long = NewPost {
        text: "e\u{301}".repeat(301),
        ..Default::default()
    };
    let err = alice.publish_post(&long, &Tid::now()).await.unwrap_err();
    assert_eq!(
        (err.class(), err.code()),
        (ErrorClass::Permanent, "net.rejected"),
        "{err}"
    );
    assert!(err.to_string().contains("maximum 300, got 301"), "{err}");

    // Sign out: the refresh token is revoked, so refreshing is an Auth error.
    let session = BlueskyClient::resume(&pds, alice.session().await).unwrap();
    session.logout().await.unwrap();
    let err = session.refresh().await.unwrap_err();
    assert_eq!(err.class(), ErrorClass::Auth, "{err}");
    let shown = format!("{err} {:?}", session.session().await);
    assert!(!shown.contains(alice.session().await.refresh_jwt.expose()));
}

#[tokio::test]
async fn tls_unreachable_and_html_answers() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let https = pds.replace("http://", "https://");
    let err = BlueskyClient::login(&https, "alice.test", &Secret::new("alice-pass"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.class()),
        ("net.tls", ErrorClass::Permanent),
        "{err}"
    );
    let err = BlueskyClient::login("http://127.0.0.1:9", "alice.test", &Secret::new("x"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.class()),
        ("net.unreachable", ErrorClass::Retryable),
        "{err}"
    );

    let proxy = FaultProxy::start(&pds).await.unwrap();
    proxy.push(Fault::html(200, "<html><body>Parked domain</body></html>"));
    let err = BlueskyClient::login(&proxy.http_url(), "alice.test", &Secret::new("alice-pass"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "net.invalid_response", "{err}");
    assert!(err.to_string().contains("HTML"), "{err}");

    let alice = login(&pds, peers::BSKY_ALICE).await;
    let slow = FaultProxy::start(&pds).await.unwrap();
    slow.push(Fault::ForwardThenStall(Duration::from_secs(6)));
    let through = BlueskyClient::resume(&slow.http_url(), alice.session().await)
        .unwrap()
        .with_timeout(Duration::from_secs(2))
        .unwrap();
    let rkey = Tid::now();
    let err = through
        .publish_post(
            &NewPost {
                text: "stalled".into(),
                ..Default::default()
            },
            &rkey,
        )
        .await
        .unwrap_err();
    assert_eq!(err.class(), ErrorClass::UnknownOutcome, "{err}");
    assert!(
        alice.get_post(&rkey).await.unwrap().is_some(),
        "the stalled request did create the post"
    );
}

/// A 307 repeats the body — for `createSession`, the app password — so a redirect to another
/// origin is refused before anything reaches it; one within the PDS's own origin is followed.
#[tokio::test]
async fn a_redirect_to_another_server_never_carries_the_password() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let elsewhere = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let elsewhere_url = format!("http://{}", elsewhere.local_addr().unwrap());
    let reached = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = reached.clone();
    tokio::spawn(async move {
        while elsewhere.accept().await.is_ok() {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    let proxy = FaultProxy::start(&pds).await.unwrap();
    let redirect = |to: String| Fault::Respond {
        status: 307,
        headers: vec![("Location".into(), to)],
        body: String::new(),
    };
    proxy.push(redirect(format!(
        "{elsewhere_url}/xrpc/com.atproto.server.createSession"
    )));
    let (handle, password) = peers::BSKY_ALICE;
    let err = BlueskyClient::login(&proxy.http_url(), handle, &Secret::new(password))
        .await
        .unwrap_err();
    assert_eq!(err.class(), ErrorClass::Permanent, "{err}");
    assert!(err.to_string().contains("another server"), "{err}");
    assert!(!err.to_string().contains(password), "{err}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        reached.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "nothing went elsewhere"
    );

    // Within the same origin (the proxy itself), the redirect is followed.
    proxy.push(redirect(format!(
        "{}/xrpc/com.atproto.server.createSession",
        proxy.http_url()
    )));
    BlueskyClient::login(&proxy.http_url(), handle, &Secret::new(password))
        .await
        .unwrap();
}

//! Pictures on Nostr, through the S3 media host (moto, started by tests/peers/with-peers) and
//! a real relay: setting the host up checks it by writing and reading back; a note links each
//! picture (NIP-92 `imeta` with url, m, x, dim, alt) and its URL serves the very bytes the
//! hash names; without a host the target fails saying what to set up, on that target only.

use crate::publish_support::*;
use ferry_core::outbox::{Publisher, TargetState};
use ferry_test_support::peers;
use sha2::{Digest, Sha256};

#[tokio::test]
async fn a_note_links_its_pictures_from_the_media_host() {
    let (Some(relay), Some(s3)) = (peers::nostr_relay(), peers::s3()) else {
        return;
    };
    let Some(env) = env("nostr_images").await else {
        return;
    };
    let nostr = add_nostr(&env.accounts, &relay, &[]).await;
    let store = env.accounts.store();
    let tag = marker("pics");
    let draft = env
        .draft(&[("zh-Hans", &format!("渡口 {tag}"))], &[&nostr])
        .await;
    let dir = tempfile::tempdir().unwrap();
    for (i, colour) in [[200u8, 40, 40], [40, 40, 200]].iter().enumerate() {
        let path = dir.path().join(format!("p{i}.png"));
        image::RgbImage::from_pixel(640, 480, image::Rgb(*colour))
            .save(&path)
            .unwrap();
        let alt = [(
            ferry_core::LangTag::parse("zh-Hans").unwrap(),
            format!("图{i}"),
        )]
        .into();
        store.attach_media(&draft.id, &path, alt).await.unwrap();
    }
    let publisher = Publisher::new(env.accounts.clone(), fast_config());

    // No media host yet: refused on this target, saying what to set up.
    let job = publisher
        .publish(request(&draft.id, true))
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    let target = &job.targets[0];
    assert_eq!(target.state, TargetState::Failed);
    let error = target.error.as_ref().unwrap();
    assert_eq!(error.code, "outbox.media_unsupported");
    assert!(
        error.message.contains("ferry media-host add s3"),
        "{}",
        error.message
    );

    // A public address that doesn't serve the bucket is caught when setting it up.
    let wrong = env
        .accounts
        .add_s3_media_host(s3_media_host(&s3, &format!("{s3}/elsewhere"), false))
        .await
        .unwrap_err()
        .to_string();
    assert!(wrong.contains("publicly"), "{wrong}");
    assert!(store.media_host().await.unwrap().is_none());
    let public = format!("{s3}/{}", peers::S3_BUCKET);
    let host = env
        .accounts
        .add_s3_media_host(s3_media_host(&s3, &public, false))
        .await
        .unwrap();
    assert_eq!(host.public_url, public);
    let db = std::fs::read(env.dir.path().join("ferry.db")).unwrap();
    assert!(!String::from_utf8_lossy(&db).contains("ferry-test-secret-key"));

    let job = publisher
        .retry_draft(&draft.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(job.all_posted(), "{job:#?}");
    let notes = nostr_notes(&relay, &nostr.remote_id).await;
    let note = notes
        .iter()
        .find(|e| e.content.contains(&tag))
        .expect("the note");
    let imeta: Vec<Vec<String>> = note
        .tags
        .iter()
        .map(|t| t.as_slice().to_vec())
        .filter(|t| t.first().map(String::as_str) == Some("imeta"))
        .collect();
    assert_eq!(imeta.len(), 2, "{:?}", note.tags);
    for (i, tag) in imeta.iter().enumerate() {
        let field = |name: &str| {
            tag.iter()
                .find_map(|f| f.strip_prefix(&format!("{name} ")).map(str::to_owned))
                .unwrap_or_default()
        };
        let url = field("url");
        assert!(
            url.starts_with(&public) && note.content.contains(&url),
            "{url}"
        );
        assert_eq!(field("m"), "image/png");
        assert_eq!(field("dim"), "640x480");
        assert_eq!(field("alt"), format!("图{i}"));
        let bytes = reqwest::get(&url).await.unwrap().bytes().await.unwrap();
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(field("x"), hash, "the URL serves what the hash names");
        assert!(image::load_from_memory(&bytes).is_ok());
    }
    assert_eq!(
        notes.iter().filter(|e| e.content.contains(&tag)).count(),
        1,
        "posted once"
    );
    assert!(env.accounts.remove_media_host().await.unwrap());
    assert!(store.media_host().await.unwrap().is_none());
    env.cleanup().await;
}

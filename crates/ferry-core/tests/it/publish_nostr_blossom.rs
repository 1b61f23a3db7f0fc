//! Pictures on Nostr through the account's own Blossom server — a FAKE written from BUD-01/02
//! (`ferry_test_support::blossom`; no Blossom server installs from a registry here) — and a
//! real relay: choosing the server checks it with an upload signed by the account's key; a
//! note links each picture where the server serves it, the `x` tag the hash of those bytes;
//! a server that refuses the file fails that target only, saying what to do.

use std::collections::BTreeMap;

use crate::publish_support::*;
use ferry_core::accounts::{MediaServerProtocol, NostrMediaServer};
use ferry_core::outbox::{Publisher, TargetState};
use ferry_test_support::blossom::FakeBlossom;
use ferry_test_support::peers;
use sha2::{Digest, Sha256};

#[tokio::test]
async fn a_note_links_its_pictures_from_the_account_s_blossom_server() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let Some(env) = env("nostr_blossom").await else {
        return;
    };
    let blossom = FakeBlossom::start().await;
    let nostr = add_nostr(&env.accounts, &relay, &[]).await;
    let other = add_nostr(&env.accounts, &relay, &[]).await;
    blossom.allow_only(&nostr.remote_id);

    // The check upload is signed with the account's key: another key is refused.
    let refused = env
        .accounts
        .set_nostr_media_server(&other.id, Some(blossom.base.clone()))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("pubkey not allowed") && refused.contains("another Blossom server"),
        "{refused}"
    );
    let set = env
        .accounts
        .set_nostr_media_server(&nostr.id, Some(format!("{}/", blossom.base)))
        .await
        .unwrap();
    assert_eq!(
        set.media_server,
        Some(NostrMediaServer {
            protocol: MediaServerProtocol::Blossom,
            url: blossom.base.clone()
        })
    );
    assert_eq!(blossom.blobs().len(), 1, "the one-pixel check");

    let tag = marker("blossom");
    let draft = env
        .draft(&[("zh-Hans", &format!("渡口的照片 {tag}"))], &[&nostr])
        .await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.png");
    image::RgbImage::from_pixel(640, 480, image::Rgb([200, 40, 40]))
        .save(&path)
        .unwrap();
    let alt = BTreeMap::from([(langs(&["zh-Hans"]).remove(0), "红色的渡船".to_owned())]);
    env.accounts
        .store()
        .attach_media(&draft.id, &path, alt)
        .await
        .unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());

    // The server refuses the file: that target fails, saying what to do; nothing is posted.
    blossom.refuse_next(413, "file too large (max 100 bytes)");
    let job = post_with(&publisher, &draft.id).await;
    let target = &job.targets[0];
    assert_eq!(target.state, TargetState::Failed);
    let error = target.error.as_ref().unwrap();
    assert!(
        error.message.starts_with("nostr: ")
            && error.message.contains("file too large")
            && error.message.contains("make it smaller"),
        "{}",
        error.message
    );
    assert!(
        !nostr_notes(&relay, &nostr.remote_id)
            .await
            .iter()
            .any(|e| e.content.contains(&tag))
    );

    let job = publisher
        .retry_draft(&draft.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(job.all_posted(), "{job:#?}");
    let notes = nostr_notes(&relay, &nostr.remote_id).await;
    let note = notes.iter().find(|e| e.content.contains(&tag)).unwrap();
    let imeta: Vec<String> = note
        .tags
        .iter()
        .map(|t| t.as_slice().to_vec())
        .find(|t| t.first().map(String::as_str) == Some("imeta"))
        .expect("an imeta tag");
    let field = |name: &str| {
        imeta
            .iter()
            .find_map(|f| f.strip_prefix(&format!("{name} ")).map(str::to_owned))
            .unwrap_or_default()
    };
    let url = field("url");
    assert!(
        url.starts_with(&blossom.base) && note.content.contains(&url),
        "{url}"
    );
    assert_eq!(field("alt"), "红色的渡船");
    let bytes = reqwest::get(&url).await.unwrap().bytes().await.unwrap();
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(field("x"), hash, "the URL serves what the hash names");
    let stored = blossom.blobs();
    assert_eq!(stored.len(), 2);
    assert_eq!(
        stored[1].uploader, nostr.remote_id,
        "signed with the account's key"
    );

    // Back to the media host: none is set up, so pictures are refused saying so.
    let cleared = env
        .accounts
        .set_nostr_media_server(&nostr.id, None)
        .await
        .unwrap();
    assert_eq!(cleared.media_server, None);
    env.cleanup().await;
}

//! Pictures on Nostr through the account's own NIP-96 media server — a FAKE written from
//! NIP-96 and NIP-98 (`ferry_test_support::nip96`; no NIP-96 server installs from a registry
//! here) — and a real relay: the address alone is enough (the server's NIP-96 document says
//! what it is, also through a relay that delegates to it); uploads are signed with the
//! account's key and ask the file be kept as sent; a server that changes it anyway is believed
//! about what it serves; a refusal fails that target only, saying what to do.

use std::collections::BTreeMap;

use crate::publish_support::*;
use ferry_core::accounts::{Account, MediaServerProtocol, NostrMediaServer};
use ferry_core::outbox::{Publisher, TargetState};
use ferry_test_support::nip96::FakeNip96;
use ferry_test_support::peers;
use sha2::{Digest, Sha256};

/// The note carrying `tag`, and its first `imeta` tag as name → value.
async fn note_pictures(relay: &str, account: &Account, tag: &str) -> BTreeMap<String, String> {
    let notes = nostr_notes(relay, &account.remote_id).await;
    let note = notes
        .iter()
        .find(|e| e.content.contains(tag))
        .expect("the note");
    let imeta = note
        .tags
        .iter()
        .map(|t| t.as_slice().to_vec())
        .find(|t| t.first().map(String::as_str) == Some("imeta"))
        .expect("an imeta tag");
    let fields: BTreeMap<String, String> = imeta[1..]
        .iter()
        .filter_map(|f| f.split_once(' '))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    assert!(note.content.contains(&fields["url"]), "the text links it");
    fields
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn a_note_links_its_pictures_from_the_account_s_nip96_server() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let Some(env) = env("nostr_nip96").await else {
        return;
    };
    let server = FakeNip96::start().await;
    let relay_site = FakeNip96::start_delegating(&server.base).await;
    let nostr = add_nostr(&env.accounts, &relay, &[]).await;
    let other = add_nostr(&env.accounts, &relay, &[]).await;
    server.allow_only(&nostr.remote_id);

    // Another key is refused at once, by the check upload, saying what to do.
    let refused = env
        .accounts
        .set_nostr_media_server(&other.id, Some(server.base.clone()))
        .await
        .unwrap_err()
        .to_string();
    assert!(refused.contains("another media server"), "{refused}");
    // The address of a site that delegates to the server is enough.
    let set = env
        .accounts
        .set_nostr_media_server(&nostr.id, Some(format!("{}/", relay_site.base)))
        .await
        .unwrap();
    assert_eq!(
        set.media_server,
        Some(NostrMediaServer {
            protocol: MediaServerProtocol::Nip96,
            url: relay_site.base.clone()
        })
    );
    assert_eq!(server.files().len(), 1, "the one-pixel check");

    let tag = marker("nip96");
    let draft = env
        .draft(&[("zh-Hans", &format!("渡口的照片 {tag}"))], &[&nostr])
        .await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.png");
    image::RgbImage::from_pixel(640, 480, image::Rgb([40, 160, 40]))
        .save(&path)
        .unwrap();
    let alt = BTreeMap::from([(langs(&["zh-Hans"]).remove(0), "绿色的渡船 🚢".to_owned())]);
    let store = env.accounts.store();
    store.attach_media(&draft.id, &path, alt).await.unwrap();
    let publisher = Publisher::new(env.accounts.clone(), fast_config());

    // Payment asked: that target fails saying so, and nothing is posted.
    server.refuse_next(402, "Storage is for paying members");
    let job = post_with(&publisher, &draft.id).await;
    let target = &job.targets[0];
    assert_eq!(target.state, TargetState::Failed);
    let message = &target.error.as_ref().unwrap().message;
    assert!(
        message.starts_with("nostr: ")
            && message.contains("paying members")
            && message.contains("payment"),
        "{message}"
    );
    assert!(
        !nostr_notes(&relay, &nostr.remote_id)
            .await
            .iter()
            .any(|e| e.content.contains(&tag))
    );

    // Processing takes two polls: the note waits, then links the file as served.
    server.delay_next(2);
    let job = publisher
        .retry_draft(&draft.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert!(job.all_posted(), "{job:#?}");
    let fields = note_pictures(&relay, &nostr, &tag).await;
    let files = server.files();
    let file = files.last().unwrap();
    assert_eq!(file.owner, nostr.remote_id, "signed with the account's key");
    assert!(file.no_transform, "asked to keep the picture as sent");
    assert_eq!(file.alt.as_deref(), Some("绿色的渡船 🚢"));
    assert!(
        fields["url"].starts_with(&server.download_url()),
        "{fields:?}"
    );
    assert_eq!(fields["alt"], "绿色的渡船 🚢");
    assert_eq!(fields["dim"], "640x480");
    let served = reqwest::get(&fields["url"])
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(
        fields["x"],
        sha256_hex(&served),
        "the URL serves what the hash names"
    );

    // A server that changes the file anyway: the note names the file it serves.
    server.transform_uploads(true);
    let tag = marker("nip96-changed");
    let draft = env
        .draft(&[("en", &format!("the ferry, changed {tag}"))], &[&nostr])
        .await;
    let path = dir.path().join("q.png");
    image::RgbImage::from_pixel(300, 200, image::Rgb([10, 20, 200]))
        .save(&path)
        .unwrap();
    store
        .attach_media(&draft.id, &path, BTreeMap::new())
        .await
        .unwrap();
    let job = post_with(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:#?}");
    let fields = note_pictures(&relay, &nostr, &tag).await;
    let file = server.files().last().unwrap().clone();
    assert_ne!(file.x, file.ox);
    assert_eq!(
        fields["x"], file.x,
        "the served file's hash, not the sent one's"
    );
    let served = reqwest::get(&fields["url"])
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(sha256_hex(&served), file.x);
    env.cleanup().await;
}

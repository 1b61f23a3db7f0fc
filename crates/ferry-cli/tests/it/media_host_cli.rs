//! `ferry media-host` as a real process, against moto's S3 server (tests/peers/with-peers) and
//! the real keychain: set up with the keys on stdin (checked by writing and reading back),
//! shown, a wrong public address refused with the reason, deleting after posting turned on,
//! removed.

use crate::accounts_support::*;
use ferry_test_support::peers;

#[test]
fn a_bucket_is_checked_kept_shown_and_removed() {
    let Some(s3) = peers::s3() else {
        return;
    };
    let Some(data) = data_dir("media_host_cli") else {
        return;
    };
    let d = data.path();
    let public = format!("{s3}/{}", peers::S3_BUCKET);
    let wrong = format!("{s3}/elsewhere");
    let add = |public: &str| {
        vec![
            "media-host".to_owned(),
            "add".into(),
            "s3".into(),
            "--endpoint".into(),
            s3.clone(),
            "--bucket".into(),
            peers::S3_BUCKET.into(),
            "--public-url".into(),
            public.to_owned(),
            "--keys-stdin".into(),
        ]
    };
    let keys = b"AKIAFERRYCLI\nferry-cli-secret\n";
    let args = add(&wrong);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let refused = fail_json(d, &args, keys);
    assert!(
        refused["message"].as_str().unwrap().contains("publicly"),
        "{refused}"
    );

    let args = add(&public);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let host = ok_json(d, &args, keys);
    assert_eq!(host["publicUrl"], public.as_str());
    assert_eq!(host["deleteAfterPost"], false, "off unless asked");
    let shown = ok_json(d, &["media-host", "show"], b"");
    assert_eq!(shown["bucket"], peers::S3_BUCKET);
    let on = ok_json(d, &["media-host", "delete-after-post", "on"], b"");
    assert_eq!(on["deleteAfterPost"], true);
    let shown = ok_json(d, &["media-host", "show"], b"");
    assert_eq!(shown["deleteAfterPost"], true, "kept");
    let db = std::fs::read(d.join("ferry.db")).unwrap();
    assert!(!String::from_utf8_lossy(&db).contains("ferry-cli-secret"));
    let removed = ok_json(d, &["media-host", "remove"], b"");
    assert_eq!(removed["removed"], true);
    assert!(ok_json(d, &["media-host", "show"], b"").is_null());
    let none = fail_json(d, &["media-host", "delete-after-post", "off"], b"");
    assert!(
        none["message"]
            .as_str()
            .unwrap()
            .contains("media-host add s3"),
        "{none}"
    );
}

/// `ferry accounts media-server` (alias `blossom`): a Nostr account's pictures to its Blossom
/// server (the FAKE from BUD-01/02, `ferry_test_support::blossom`) or its NIP-96 server (the
/// FAKE from NIP-96, `ferry_test_support::nip96`), checked with an upload signed by its key;
/// `--off` goes back to the media host.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nostr_account_s_pictures_go_to_its_blossom_server() {
    use crate::accounts_support::{data_dir, fail_json, ok_json};
    use ferry_test_support::blossom::FakeBlossom;
    let Some(relay) = ferry_test_support::peers::nostr_relay() else {
        return;
    };
    let Some(data) = data_dir("blossom_cli") else {
        return;
    };
    let d = data.path();
    let blossom = FakeBlossom::start().await;
    let nostr = ok_json(
        d,
        &["accounts", "add", "nostr", "--generate", "--relay", &relay],
        b"",
    );
    let id = nostr["id"].as_str().unwrap().to_owned();
    let set = ok_json(d, &["accounts", "media-server", &id, &blossom.base], b"");
    assert_eq!(set["mediaServer"]["url"], blossom.base.as_str());
    assert_eq!(set["mediaServer"]["protocol"], "blossom");
    let blobs = blossom.blobs();
    assert_eq!(blobs.len(), 1);
    assert_eq!(
        blobs[0].uploader,
        nostr["account"]["remoteId"].as_str().unwrap()
    );
    let off = ok_json(d, &["accounts", "blossom", &id, "--off"], b"");
    assert!(off.get("mediaServer").is_none(), "{off}");
    blossom.refuse_next(402, "payment required");
    let refused = fail_json(d, &["accounts", "blossom", &id, &blossom.base], b"");
    assert!(
        refused["message"].as_str().unwrap().contains("payment"),
        "{refused}"
    );
    // A NIP-96 server is found by its NIP-96 document: the address is all it takes.
    let nip96 = ferry_test_support::nip96::FakeNip96::start().await;
    let set = ok_json(d, &["accounts", "media-server", &id, &nip96.base], b"");
    assert_eq!(set["mediaServer"]["protocol"], "nip96");
    assert_eq!(nip96.files().len(), 1, "checked with one upload");
}

//! The X sign-in and "Post now" preview command bodies on a temporary database, secrets in an
//! encrypted file, against the FAKE X API (`ferry_test_support::x_api`, from X's
//! documentation; no real one runs here): the sign-in started, approved in the "browser" and
//! waited on; a cancelled one ends at once; the preview of an X target carries its cost.

use std::time::Duration;

use ferry_app::commands::{publish::body as publish, x_sign_in::body as x};
use ferry_app::database::Database;
use ferry_app::publishing::Publishing;
use ferry_app::sign_ins::XSignIns;
use ferry_core::accounts::StartX;
use ferry_core::outbox::{PublishConfig, PublishRequest};
use ferry_core::secrets::{self, KdfParams, PassphraseSource, Secret, SecretsConfig};
use ferry_core::{LangTag, Network, NewDraft, Target, Variant};
use ferry_test_support::x_api::{CLIENT_ID, FakeXApi};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn signing_in_to_x_and_the_cost_of_a_post_before_it_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::in_dir(dir.path());
    assert_eq!(db.status().await.error, None);
    let store = db.store().unwrap();
    let config = SecretsConfig {
        new_file_kdf: KdfParams {
            memory_kib: 64,
            iterations: 1,
            lanes: 1,
        },
        ..SecretsConfig::encrypted_file(dir.path().join("secrets.enc"))
    };
    let passphrase = PassphraseSource::given(Secret::new("渡船 test passphrase, long enough"));
    let secrets = secrets::open(&config, passphrase).unwrap();
    let publishing = Publishing::with_secrets(&store, secrets, PublishConfig::default());
    let sign_ins = XSignIns::new("x");
    let api = FakeXApi::start().await;
    let start = || StartX {
        client_id: CLIENT_ID.into(),
        port: Some(free_port()),
        api_url: Some(api.base.clone()),
        authorize_url: Some(format!("{}/i/oauth2/authorize", api.base)),
        ..StartX::default()
    };

    // Given up on: cancelling ends the wait at once.
    let view = x::start(&publishing, &sign_ins, &store, start())
        .await
        .unwrap();
    assert!(view.sign_in_id.starts_with("x-"), "{}", view.sign_in_id);
    let (waited, ()) = tokio::join!(
        x::wait(&sign_ins, &view.sign_in_id, Duration::from_secs(20)),
        async { sign_ins.cancel(&view.sign_in_id) }
    );
    assert_eq!(waited.unwrap_err().code, "account.sign_in_cancelled");

    let view = x::start(&publishing, &sign_ins, &store, start())
        .await
        .unwrap();
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let approve = async {
        let consent = browser
            .get(&view.started.authorize_url)
            .send()
            .await
            .unwrap();
        let callback = consent.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            callback.starts_with(&view.started.redirect_uri),
            "{callback}"
        );
        browser.get(&callback).send().await.unwrap();
    };
    let (added, ()) = tokio::join!(
        x::wait(&sign_ins, &view.sign_in_id, Duration::from_secs(20)),
        approve
    );
    let account = added.unwrap().account;
    assert_eq!(account.network, Network::X);

    let draft = store
        .create_draft(NewDraft {
            variants: vec![Variant {
                lang: LangTag::parse("en").unwrap(),
                text: "See https://example.com/ferry 渡口".into(),
            }],
            targets: vec![Target {
                network: Network::X,
                account_id: Some(account.id.clone()),
            }],
            ..Default::default()
        })
        .await
        .unwrap();
    let request = PublishRequest {
        draft_id: draft.id.clone(),
        ..Default::default()
    };
    let shown = publish::preview(&store, &request).await.unwrap();
    let cost = shown[0].cost.as_ref().expect("an X target has its cost");
    assert_eq!((cost.posts, cost.posts_with_link), (0, 1));
    assert_eq!(cost.usd, "$0.200");
    assert!(api.posts().is_empty(), "a preview sends nothing");
    drop(db);
}

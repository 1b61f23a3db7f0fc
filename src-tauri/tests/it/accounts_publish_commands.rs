//! The accounts and publish command bodies on a temporary database, with secrets in an
//! encrypted file (a real backend that needs no desktop session) and, where a server is the
//! point, the real peers from `tests/peers/with-peers`: the reference Bluesky PDS and
//! mastodon-mock.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferry_app::commands::{accounts::body as accounts, publish::body as publish};
use ferry_app::database::Database;
use ferry_app::publishing::Publishing;
use ferry_app::sign_ins::MastodonSignIns;
use ferry_core::accounts::{AddBluesky, AddNostr, NostrKey, Relay, StartMastodon};
use ferry_core::outbox::{PublishConfig, PublishEvent, PublishRequest, RetryPolicy, TargetState};
use ferry_core::secrets::{self, KdfParams, PassphraseSource, Secret, SecretsConfig};
use ferry_core::{LangTag, Network, NewDraft, Store, Target, Variant};
use ferry_test_support::{Fault, FaultProxy, mastodon_mock, peers};

const EN: &str = "Crossing at dawn 👩‍👩‍👧 — see you there!";
const ZH: &str = "清晨去渡口，见！👨‍👩‍👧‍👦（全角标点：，。！）";

struct Env {
    _dir: tempfile::TempDir,
    _db: Database,
    store: Store,
    publishing: Publishing,
}

async fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::in_dir(dir.path());
    assert_eq!(db.status().await.error, None);
    let store = db.store().unwrap();
    let secrets = secrets::open(&file_secrets(dir.path()), given()).unwrap();
    let config = PublishConfig {
        retry: RetryPolicy {
            max_attempts: 2,
            base_delay: Duration::from_millis(20),
            max_delay: Duration::from_millis(50),
            max_wait: Duration::from_secs(1),
        },
        request_timeout: Duration::from_secs(5),
        ..PublishConfig::default()
    };
    let publishing = Publishing::with_secrets(&store, secrets, config);
    Env {
        _dir: dir,
        _db: db,
        store,
        publishing,
    }
}

fn file_secrets(dir: &Path) -> SecretsConfig {
    SecretsConfig {
        new_file_kdf: KdfParams {
            memory_kib: 64,
            iterations: 1,
            lanes: 1,
        },
        ..SecretsConfig::encrypted_file(dir.join("secrets.enc"))
    }
}

fn given() -> PassphraseSource {
    PassphraseSource::given(Secret::new("渡船 test passphrase, long enough"))
}

fn lang(tag: &str) -> LangTag {
    LangTag::parse(tag).unwrap()
}

fn alice(pds: &str) -> AddBluesky {
    AddBluesky {
        pds_url: pds.to_owned(),
        identifier: peers::BSKY_ALICE.0.to_owned(),
        password: peers::BSKY_ALICE.1.to_owned(),
        audience: vec![lang("en")],
    }
}

/// A sink that keeps every event, as the window would receive them.
fn collecting() -> (
    Arc<Mutex<Vec<PublishEvent>>>,
    impl Fn(&PublishEvent) + Send + Clone,
) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = {
        let seen = Arc::clone(&seen);
        move |e: &PublishEvent| seen.lock().unwrap().push(e.clone())
    };
    (seen, sink)
}

async fn wait_finished(seen: &Mutex<Vec<PublishEvent>>) -> ferry_core::outbox::JobStatus {
    for _ in 0..600 {
        let done = seen.lock().unwrap().iter().find_map(|e| match e {
            PublishEvent::Finished(status) => Some(status.clone()),
            PublishEvent::Target(_) => None,
        });
        if let Some(status) = done {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no finished event in 30 s: {:?}", seen.lock().unwrap());
}

#[tokio::test]
async fn bad_input_is_refused_with_codes_before_any_server() {
    let env = env().await;
    assert!(accounts::list(&env.store).await.unwrap().is_empty());
    let mut add = alice("http://127.0.0.1:9");
    add.identifier = "  ".into();
    let err = accounts::add_bluesky(&env.publishing, &env.store, add)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "account.invalid", "{err}");

    let err = accounts::add_nostr(
        &env.publishing,
        &env.store,
        AddNostr {
            key: NostrKey::Import("nsec1 not a key".into()),
            relays: vec![Relay {
                url: "wss://relay.example".into(),
                read: true,
                write: true,
            }],
            audience: vec![],
        },
    )
    .await
    .unwrap_err();
    assert!(
        err.code().starts_with("net.") || err.code().starts_with("account."),
        "{err}"
    );

    let err = accounts::remove(&env.publishing, &env.store, "nobody")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "account.not_found");
    let err = accounts::finish_mastodon(&MastodonSignIns::new("mastodon"), "mastodon-9", "code")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "account.sign_in_gone");
}

#[tokio::test]
async fn an_unreachable_server_is_a_network_error() {
    let env = env().await;
    // Port 9 (discard) is closed on 127.0.0.1: the connection is refused at once.
    let err = accounts::add_bluesky(&env.publishing, &env.store, alice("http://127.0.0.1:9"))
        .await
        .unwrap_err();
    assert!(err.code().starts_with("net."), "{err}");
    assert!(accounts::list(&env.store).await.unwrap().is_empty());
}

#[tokio::test]
async fn nostr_generate_shows_the_nsec_once_and_remove_deletes_the_secrets() {
    let env = env().await;
    // Relays that refuse the relay list only warn: the account is added either way.
    let added = accounts::add_nostr(
        &env.publishing,
        &env.store,
        AddNostr {
            key: NostrKey::Generate,
            relays: vec![Relay {
                url: "ws://127.0.0.1:9".into(),
                read: true,
                write: true,
            }],
            audience: vec![lang("zh-Hans")],
        },
    )
    .await
    .unwrap();
    let nsec = added.nsec.expect("a generated key is shown once");
    assert!(nsec.starts_with("nsec1"), "{nsec}");
    assert!(added.added.account.handle.starts_with("npub1"));
    assert!(!added.added.warnings.is_empty());

    let id = added.added.account.id.clone();
    let changed = accounts::set_audience(&env.store, &id, vec![lang("en"), lang("zh-Hant")])
        .await
        .unwrap();
    assert_eq!(changed.audience, vec![lang("en"), lang("zh-Hant")]);

    // Importing the same key again signs the same account in, and shows no key back.
    let again = accounts::add_nostr(
        &env.publishing,
        &env.store,
        AddNostr {
            key: NostrKey::Import(nsec),
            relays: vec![Relay {
                url: "ws://127.0.0.1:9".into(),
                read: false,
                write: true,
            }],
            audience: vec![],
        },
    )
    .await
    .unwrap();
    assert_eq!(again.added.account.id, id);
    assert_eq!(again.nsec, None);

    assert_eq!(
        accounts::remove(&env.publishing, &env.store, &id)
            .await
            .unwrap(),
        1
    );
    assert!(accounts::list(&env.store).await.unwrap().is_empty());
}

#[tokio::test]
async fn mastodon_signs_in_through_the_loopback_redirect() {
    let Some(base) = peers::mastodon() else {
        return;
    };
    let env = env().await;
    let sign_ins = MastodonSignIns::new("mastodon");
    let start = StartMastodon {
        instance: base.clone(),
        out_of_band: false,
    };
    let view = accounts::start_mastodon(&env.publishing, &sign_ins, &env.store, start, vec![])
        .await
        .unwrap();
    assert!(view.started.redirect_uri.starts_with("http://127.0.0.1:"));
    let browser = mastodon_mock::choose_account(&view.started.authorize_url, peers::MASTODON_USER);
    let (added, _landing) = tokio::join!(
        accounts::wait_mastodon(&sign_ins, &view.sign_in_id, Duration::from_secs(30)),
        browser
    );
    let added = added.unwrap();
    assert_eq!(added.account.network, Network::Mastodon);
    assert!(
        added.account.limits.is_some(),
        "the instance limits are cached"
    );
    // The sign-in is over: a second wait finds nothing.
    let err = accounts::wait_mastodon(&sign_ins, &view.sign_in_id, Duration::from_secs(1))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "account.sign_in_gone");

    // A sign-in the person gives up on: cancelling stops the wait at once.
    let start = StartMastodon {
        instance: base,
        out_of_band: false,
    };
    let view = accounts::start_mastodon(&env.publishing, &sign_ins, &env.store, start, vec![])
        .await
        .unwrap();
    let (waited, ()) = tokio::join!(
        accounts::wait_mastodon(&sign_ins, &view.sign_in_id, Duration::from_secs(30)),
        async {
            tokio::time::sleep(Duration::from_millis(100)).await;
            sign_ins.cancel(&view.sign_in_id);
        }
    );
    assert_eq!(waited.unwrap_err().code(), "account.sign_in_cancelled");
}

#[tokio::test]
async fn post_now_streams_progress_and_retry_resends_nothing_posted() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let env = env().await;
    let good = accounts::add_bluesky(&env.publishing, &env.store, alice(&pds))
        .await
        .unwrap()
        .account;
    let draft = env
        .store
        .create_draft(NewDraft {
            variants: vec![
                Variant {
                    lang: lang("en"),
                    text: format!("{EN} {}", good.id),
                },
                Variant {
                    lang: lang("zh-Hans"),
                    text: ZH.to_owned(),
                },
            ],
            targets: vec![Target::network(Network::Bluesky)],
            ..NewDraft::default()
        })
        .await
        .unwrap();

    let (seen, sink) = collecting();
    let request = PublishRequest {
        draft_id: draft.id.clone(),
        to: vec![good.id.clone()],
        ..PublishRequest::default()
    };
    let job = publish::post_now(&env.publishing, &env.store, request.clone(), sink)
        .await
        .unwrap();
    assert_eq!(job.targets.len(), 1);
    let done = wait_finished(&seen).await;
    assert!(done.all_posted(), "{done:?}");
    let url = done.targets[0].remote_url.clone().unwrap();
    assert!(url.starts_with("https://"), "{url}");
    let states: Vec<TargetState> = seen
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| match e {
            PublishEvent::Target(t) => Some(t.state),
            PublishEvent::Finished(_) => None,
        })
        .collect();
    assert!(states.contains(&TargetState::Sending), "{states:?}");
    assert_eq!(states.last(), Some(&TargetState::Posted));

    // Posting the same draft twice is refused: retry finishes the job instead.
    let (_, sink) = collecting();
    let err = publish::post_now(&env.publishing, &env.store, request, sink)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "outbox.already_published", "{err}");
    let (seen, sink) = collecting();
    publish::retry_failed(&env.publishing, &env.store, &job.id, sink)
        .await
        .unwrap();
    let again = wait_finished(&seen).await;
    assert_eq!(again.targets[0].remote_url.as_deref(), Some(url.as_str()));

    let history = publish::draft_jobs(&env.store, &draft.id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].targets[0].state, TargetState::Posted);

    // Nothing unfinished: resuming at start sends nothing and opens no keychain.
    let (_, sink) = collecting();
    let resumed = publish::resume(&Publishing::default(), &env.store, sink)
        .await
        .unwrap();
    assert!(resumed.is_empty());
    accounts::remove(&env.publishing, &env.store, &good.id)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_target_that_failed_is_the_only_one_retry_sends() {
    let Some(pds) = peers::bluesky_pds() else {
        return;
    };
    let env = env().await;
    let proxy = FaultProxy::start(&pds).await.unwrap();
    let first = accounts::add_bluesky(&env.publishing, &env.store, alice(&pds))
        .await
        .unwrap()
        .account;
    let mut add_bob = alice(&proxy.http_url());
    (add_bob.identifier, add_bob.password) =
        (peers::BSKY_BOB.0.to_owned(), peers::BSKY_BOB.1.to_owned());
    let bob = accounts::add_bluesky(&env.publishing, &env.store, add_bob)
        .await
        .unwrap()
        .account;
    let draft = env
        .store
        .create_draft(NewDraft {
            variants: vec![Variant {
                lang: lang("en"),
                text: format!("{EN} retry {}", bob.id),
            }],
            ..NewDraft::default()
        })
        .await
        .unwrap();

    // Bob's server answers 503 to everything: retryable, and still failing after the attempts.
    proxy.set_default(Fault::status(503));
    let (seen, sink) = collecting();
    let request = PublishRequest {
        draft_id: draft.id.clone(),
        to: vec![first.id.clone(), bob.id.clone()],
        ..PublishRequest::default()
    };
    let job = publish::post_now(&env.publishing, &env.store, request, sink)
        .await
        .unwrap();
    let done = wait_finished(&seen).await;
    let state_of = |status: &ferry_core::outbox::JobStatus, id: &str| {
        status
            .targets
            .iter()
            .find(|t| t.account_id == id)
            .cloned()
            .unwrap()
    };
    let alice_first = state_of(&done, &first.id);
    let bob_first = state_of(&done, &bob.id);
    assert_eq!(alice_first.state, TargetState::Posted);
    assert_eq!(bob_first.state, TargetState::Failed, "{bob_first:?}");
    assert_eq!(bob_first.retryable, Some(true));
    assert!(bob_first.error.is_some());

    proxy.set_default(Fault::Forward);
    let (seen, sink) = collecting();
    publish::retry_failed(&env.publishing, &env.store, &job.id, sink)
        .await
        .unwrap();
    let again = wait_finished(&seen).await;
    assert!(again.all_posted(), "{again:?}");
    // Alice's post is the same one: it was not sent again.
    assert_eq!(
        state_of(&again, &first.id).remote_url,
        alice_first.remote_url
    );
    assert_eq!(state_of(&again, &first.id).attempts, alice_first.attempts);
    let sent_again: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| match e {
            PublishEvent::Target(t) => Some(t.account_id.clone()),
            PublishEvent::Finished(_) => None,
        })
        .collect();
    assert!(sent_again.iter().all(|id| *id == bob.id), "{sent_again:?}");
    for id in [&first.id, &bob.id] {
        accounts::remove(&env.publishing, &env.store, id)
            .await
            .unwrap();
    }
}

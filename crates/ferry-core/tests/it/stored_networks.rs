//! Networks in the database are the rules' `Network`, stored by the same ids as before it
//! replaced ferry-core's own enum: rows written then read unchanged, and a row naming a
//! network Ferry does not know fails to load with an error that names it.

use ferry_core::{LangTag, Network, NetworkOverride, NewDraft, Store, Target, Variant};
use sqlx::{Connection, SqliteConnection};

async fn raw(store: &Store) -> SqliteConnection {
    let url = format!("sqlite://{}", store.db_path().display());
    SqliteConnection::connect(&url).await.unwrap()
}

#[tokio::test]
async fn rows_keep_the_network_ids_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let en = LangTag::parse("en").unwrap();
    let draft = store
        .create_draft(NewDraft {
            variants: vec![Variant {
                lang: en.clone(),
                text: "Hello".into(),
            }],
            overrides: vec![NetworkOverride {
                lang: en,
                network: Network::Bluesky,
                text: "Hi".into(),
            }],
            targets: vec![
                Target::network(Network::X),
                Target::network(Network::Rednote),
            ],
            ..NewDraft::default()
        })
        .await
        .unwrap();

    let mut conn = raw(&store).await;
    let targets: Vec<(String,)> =
        sqlx::query_as("SELECT network FROM draft_targets ORDER BY position")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    assert_eq!(targets, [("x".into(),), ("rednote".into(),)]);
    let overrides: Vec<(String,)> = sqlx::query_as("SELECT network FROM draft_overrides")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(overrides, [("bluesky".into(),)]);

    // An account row as the accounts code writes it (its network as the bare id).
    sqlx::query(
        "INSERT INTO accounts (id, network, handle, remote_id, limits_json, position, \
         created_at, updated_at) VALUES ('a1', 'mastodon', '@me@example.social', '1', \
         '{\"maxCharacters\":1000,\"maxMediaAttachments\":4,\"charactersReservedPerUrl\":23,\
         \"imageSizeLimit\":null,\"imageMatrixLimit\":null,\"descriptionLimit\":null}', 0, \
         '2026-12-01T00:00:00.000000Z', '2026-12-01T00:00:00.000000Z')",
    )
    .execute(&mut conn)
    .await
    .unwrap();

    let read = store.get_draft(&draft.id).await.unwrap();
    let networks: Vec<Network> = read.content.targets.iter().map(|t| t.network).collect();
    assert_eq!(networks, [Network::X, Network::Rednote]);
    assert_eq!(read.content.overrides[0].network, Network::Bluesky);
    let accounts = store.list_accounts().await.unwrap();
    assert_eq!(accounts[0].network, Network::Mastodon);
    assert_eq!(accounts[0].limits.as_ref().unwrap().max_characters, 1000);

    // A stored id is matched exactly: no aliases (`twitter`), no other case.
    for bad in ["myspace", "Twitter", "X"] {
        sqlx::query("UPDATE draft_targets SET network = ? WHERE position = 0")
            .bind(bad)
            .execute(&mut conn)
            .await
            .unwrap();
        let err = store.get_draft(&draft.id).await.unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("\"{bad}\" is not a network Ferry knows")),
            "{bad}: {err}"
        );
    }
    sqlx::query("UPDATE accounts SET network = 'myspace'")
        .execute(&mut conn)
        .await
        .unwrap();
    let err = store.list_accounts().await.unwrap_err();
    assert!(err.to_string().contains("\"myspace\""), "{err}");
}

//! The shell's command bodies, called directly on a temporary database: what the UI gets
//! back (and the `{code, message}` it gets on failure) without a window.

use std::path::Path;

use ferry_app::commands::{drafts, media, settings};
use ferry_app::database::Database;
use ferry_app::open_store::OpenStore;
use ferry_app::preferences::{AppSettings, LocalePreference, ThemePreference};
use ferry_core::{DraftEdit, LangTag, ListQuery, Network, NewDraft, Target, Variant};

/// A real 2×1 PNG (signature, IHDR, IDAT, IEND).
const PNG_2X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7b, 0x40, 0xe8,
    0xdd, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xc0,
    0xd0, 0xf0, 0x1f, 0x00, 0x08, 0x00, 0x02, 0x7f, 0x9c, 0x45, 0x40, 0x4e, 0x00, 0x00, 0x00, 0x00,
    0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

const EN: &str = "Crossing at dawn 👩‍👩‍👧 — see you there!";
const ZH: &str = "清晨去渡口，见！👨‍👩‍👧‍👦（全角标点：，。！）";

fn lang(tag: &str) -> LangTag {
    LangTag::parse(tag).unwrap()
}

fn variant(tag: &str, text: &str) -> Variant {
    Variant {
        lang: lang(tag),
        text: text.to_owned(),
    }
}

async fn open(dir: &Path) -> (Database, OpenStore) {
    let db = Database::in_dir(dir);
    let status = db.status().await;
    assert_eq!(status.error, None, "{status:?}");
    let store = OpenStore(db.store().unwrap());
    (db, store)
}

#[tokio::test]
async fn drafts_round_trip_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, store) = open(dir.path()).await;

    let created = drafts::create_draft(
        store.clone(),
        NewDraft {
            variants: vec![variant("en", EN)],
            targets: vec![Target::network(Network::Bluesky)],
            ..NewDraft::default()
        },
    )
    .await
    .unwrap();

    let edit = DraftEdit {
        id: created.id.clone(),
        base_revision: created.revision,
        variants: vec![variant("en", EN), variant("zh-Hans", ZH)],
        overrides: vec![],
        targets: created.content.targets.clone(),
        topics: vec!["渡口".to_owned()],
        attachments: vec![],
    };
    let saved = drafts::save_draft(store.clone(), edit.clone())
        .await
        .unwrap();
    assert!(saved.revision.is_some(), "a changed draft gets a revision");

    // The autosave sends the same draft again: nothing changes, no revision.
    let again = DraftEdit {
        base_revision: saved.draft.revision,
        ..edit
    };
    let unchanged = drafts::save_draft(store.clone(), again).await.unwrap();
    assert_eq!(unchanged.revision, None);
    assert_eq!(unchanged.draft.revision, saved.draft.revision);

    let fetched = drafts::get_draft(store.clone(), created.id.clone())
        .await
        .unwrap();
    assert_eq!(fetched.content.variants[1].text, ZH);

    for search in ["渡口", "dawn"] {
        let query = ListQuery {
            search: Some(search.to_owned()),
            ..ListQuery::default()
        };
        let found = drafts::list_drafts(store.clone(), query).await.unwrap();
        assert_eq!(found.len(), 1, "searching {search}");
        assert_eq!(found[0].id, created.id);
    }

    let history = drafts::draft_history(store.clone(), created.id.clone())
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    let first = drafts::get_revision(store.clone(), created.id.clone(), 1)
        .await
        .unwrap();
    assert_eq!(first.content.variants.len(), 1);

    let restored = drafts::restore_revision(store.clone(), created.id.clone(), 1)
        .await
        .unwrap();
    assert_eq!(restored.draft.content.variants, vec![variant("en", EN)]);
    assert_eq!(restored.draft.revision, 3, "a restore is a new revision");

    drafts::delete_draft(store.clone(), created.id.clone())
        .await
        .unwrap();
    let err = drafts::get_draft(store, created.id).await.unwrap_err();
    assert_eq!(err.code(), "draft.not_found");
}

#[tokio::test]
async fn attach_media_copies_into_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, store) = open(&dir.path().join("data")).await;
    let draft = drafts::create_draft(store.clone(), NewDraft::default())
        .await
        .unwrap();

    let picked = dir.path().join("渡口 photo.png");
    std::fs::write(&picked, PNG_2X1).unwrap();
    let outcome = media::attach_media(store.clone(), draft.id.clone(), picked.clone())
        .await
        .unwrap();
    assert_eq!(outcome.attachment.original_name, "渡口 photo.png");
    assert_eq!(
        (outcome.attachment.width, outcome.attachment.height),
        (2, 1)
    );
    assert_eq!(outcome.draft.content.attachments.len(), 1);

    // The thumbnail protocol resolves exactly the stored name, inside the media folder.
    let name = &outcome.attachment.stored_name;
    let request_path = format!("/{name}");
    let resolved = ferry_app::media_protocol::stored_name(&request_path).unwrap();
    let copy = store.media_path(resolved);
    assert!(copy.starts_with(dir.path().join("data")));
    assert_eq!(std::fs::read(copy).unwrap(), PNG_2X1);

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not an image").unwrap();
    let err = media::attach_media(store.clone(), draft.id.clone(), text)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "media.unsupported");
    let err = media::attach_media(store, draft.id, dir.path().join("gone.png"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "media.missing");
}

#[tokio::test]
async fn settings_default_to_the_system_and_persist() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, store) = open(dir.path()).await;
    let fresh = settings::get_settings(store.clone()).await.unwrap();
    assert_eq!(fresh, AppSettings::default());

    let chosen = AppSettings {
        locale: LocalePreference::ZhHant,
        theme: ThemePreference::Dark,
    };
    assert_eq!(
        settings::save_settings(store.clone(), chosen)
            .await
            .unwrap(),
        chosen
    );
    assert_eq!(settings::get_settings(store.clone()).await.unwrap(), chosen);

    // A value written by a newer build (or by hand) reads as "follow the system".
    store.set_setting("ui.theme", "sepia").await.unwrap();
    let read = settings::get_settings(store).await.unwrap();
    assert_eq!(read.theme, ThemePreference::System);
    assert_eq!(read.locale, LocalePreference::ZhHant);
}

#[tokio::test]
async fn a_damaged_database_is_reported_and_only_moved_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let db_file = dir.path().join("ferry.db");
    let garbage = b"this is not an SQLite file, but it is somebody's data".repeat(100);
    std::fs::write(&db_file, &garbage).unwrap();

    let db = Database::in_dir(dir.path());
    let status = db.status().await;
    let error = status.error.clone().expect("a damaged file must not open");
    assert_eq!(error.code, "db.corrupt");
    assert!(status.can_start_fresh);
    assert_eq!(status.db_path.as_deref(), Some(db_file.to_str().unwrap()));
    assert_eq!(db.store().unwrap_err().code(), "db.corrupt");
    // Never an empty database over the existing one.
    assert_eq!(std::fs::read(&db_file).unwrap(), garbage);
    assert_eq!(
        db.retry().await.error.map(|e| e.code),
        Some("db.corrupt".into())
    );

    let fresh = db.start_fresh().await.unwrap();
    assert_eq!(fresh.error, None);
    let set_aside = fresh.set_aside.expect("where the old file went");
    assert_eq!(std::fs::read(&set_aside.database).unwrap(), garbage);
    let store = OpenStore(db.store().unwrap());
    assert!(
        drafts::list_drafts(store, ListQuery::default())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn start_fresh_refuses_a_healthy_database() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = open(dir.path()).await;
    drafts::create_draft(store.clone(), NewDraft::default())
        .await
        .unwrap();
    store.close().await;
    let err = db.start_fresh().await.unwrap_err();
    assert_eq!(err.code(), "db.not_broken");
}

#[tokio::test]
async fn an_unusable_data_folder_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file");
    std::fs::write(&not_a_folder, "x").unwrap();
    let db = Database::in_dir(&not_a_folder);
    let status = db.status().await;
    let error = status.error.expect("a file is not a data folder");
    assert_eq!(error.code, "db.unwritable");
    assert!(
        error.message.contains(not_a_folder.to_str().unwrap()),
        "{}",
        error.message
    );
    assert!(!status.can_start_fresh);
}

#[tokio::test]
async fn the_database_opens_on_the_first_status_call() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::in_dir(dir.path());
    assert_eq!(db.store().unwrap_err().code(), "db.not_open");
    let status = db.status().await;
    assert_eq!(status.data_dir, dir.path().display().to_string());
    assert!(status.db_path.unwrap().ends_with("ferry.db"));
    assert!(db.store().is_ok());
}

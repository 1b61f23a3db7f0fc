//! Shared set-up: a store on a fresh temporary data folder and short ways to build drafts.

use std::path::{Path, PathBuf};

use ferry_core::{DraftEdit, LangTag, Network, NewDraft, Store, Target, Variant};
use tempfile::TempDir;

/// A store on its own temporary data folder, removed when dropped.
pub struct TempStore {
    pub store: Store,
    pub dir: TempDir,
}

impl TempStore {
    pub async fn new() -> TempStore {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).await.expect("open a fresh store");
        TempStore { store, dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl std::ops::Deref for TempStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

pub fn lang(tag: &str) -> LangTag {
    LangTag::parse(tag).unwrap()
}

pub fn variant(tag: &str, text: &str) -> Variant {
    Variant {
        lang: lang(tag),
        text: text.to_owned(),
    }
}

pub fn new_draft(variants: &[(&str, &str)]) -> NewDraft {
    NewDraft {
        variants: variants.iter().map(|(l, t)| variant(l, t)).collect(),
        targets: vec![Target::network(Network::Mastodon)],
        ..Default::default()
    }
}

/// An edit that keeps everything of `draft` but its variants.
pub fn edit_text(draft: &ferry_core::Draft, variants: &[(&str, &str)]) -> DraftEdit {
    let mut edit = edit_of(draft);
    edit.variants = variants.iter().map(|(l, t)| variant(l, t)).collect();
    edit
}

/// The edit that saves `draft` exactly as it is.
pub fn edit_of(draft: &ferry_core::Draft) -> DraftEdit {
    let c = &draft.content;
    DraftEdit {
        id: draft.id.clone(),
        base_revision: draft.revision,
        variants: c.variants.clone(),
        overrides: c.overrides.clone(),
        targets: c.targets.clone(),
        topics: c.topics.clone(),
        attachments: c
            .attachments
            .iter()
            .map(|a| ferry_core::AttachmentEdit {
                id: a.id.clone(),
                alt: a.alt.clone(),
            })
            .collect(),
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A plain SQLite connection to `db`, as another program would open it.
pub async fn raw_connection(db: &Path) -> sqlx::SqliteConnection {
    use sqlx::Connection;
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(db)
        .create_if_missing(true);
    sqlx::SqliteConnection::connect_with(&opts).await.unwrap()
}

/// Runs `sql` on `db` from a connection of its own, then closes it.
pub async fn raw_sql(db: &Path, sql: &str) {
    use sqlx::Connection;
    let mut conn = raw_connection(db).await;
    sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();
}

/// A snippet with its highlights shown as `[…]`.
pub fn marked(summary: &ferry_core::DraftSummary) -> String {
    let snippet = summary
        .snippet
        .as_ref()
        .expect("a search result has a snippet");
    snippet.render("[", "]")
}

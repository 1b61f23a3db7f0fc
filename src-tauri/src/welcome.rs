//! The first run: whether the window shows the welcome (UI language, where drafts live, the
//! first account or skip, an example draft), and remembering that it was done.
//!
//! It shows once, on a data folder that has never been welcomed and holds no draft and no
//! account — someone who used Ferry before the welcome existed is not greeted as new. Setting
//! `FERRY_WELCOME=off` in the environment skips it (kiosk set-ups and automated runs that
//! start from an empty folder and expect the composer).

use ferry_core::{ListQuery, Store};

use crate::error::CommandResult;

const WELCOMED_KEY: &str = "ui.welcomed";

/// Whether the window should open with the welcome.
pub async fn needed(store: &Store) -> CommandResult<bool> {
    if std::env::var("FERRY_WELCOME").is_ok_and(|v| v.trim() == "off") {
        return Ok(false);
    }
    if store.get_setting(WELCOMED_KEY).await?.is_some() {
        return Ok(false);
    }
    let one = ListQuery {
        limit: 1,
        ..ListQuery::default()
    };
    let drafts = store.list_drafts(&one).await?;
    let accounts = store.list_accounts().await?;
    Ok(drafts.is_empty() && accounts.is_empty())
}

/// Remembers that the welcome was done (or skipped), in the data folder.
pub async fn finish(store: &Store) -> CommandResult<()> {
    store.set_setting(WELCOMED_KEY, "1").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferry_core::{LangTag, NewDraft, Variant};

    #[tokio::test]
    async fn shown_once_on_a_new_folder_and_never_to_an_old_user() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        assert!(needed(&store).await.unwrap(), "a new folder is welcomed");
        finish(&store).await.unwrap();
        assert!(!needed(&store).await.unwrap(), "once");

        // A folder from before the welcome: drafts, no flag.
        let old = tempfile::tempdir().unwrap();
        let store = Store::open(old.path()).await.unwrap();
        store
            .create_draft(NewDraft {
                variants: vec![Variant {
                    lang: LangTag::parse("en").unwrap(),
                    text: "written before the welcome existed".into(),
                }],
                ..NewDraft::default()
            })
            .await
            .unwrap();
        assert!(!needed(&store).await.unwrap());
    }
}

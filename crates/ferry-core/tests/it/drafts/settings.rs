//! The small key-value settings table the UI keeps its language and theme in.

use super::support::TempStore;

#[tokio::test]
async fn set_get_overwrite_delete() {
    let store = TempStore::new().await;
    assert_eq!(store.get_setting("ui.language").await.unwrap(), None);
    store.set_setting("ui.language", "zh-Hant").await.unwrap();
    store.set_setting("ui.theme", "dark").await.unwrap();
    store
        .set_setting("ui.language", "简体中文 ✓")
        .await
        .unwrap();
    assert_eq!(
        store.get_setting("ui.language").await.unwrap().as_deref(),
        Some("简体中文 ✓")
    );
    store.delete_setting("ui.language").await.unwrap();
    assert_eq!(store.get_setting("ui.language").await.unwrap(), None);
    assert_eq!(
        store.get_setting("ui.theme").await.unwrap().as_deref(),
        Some("dark")
    );
}

#[tokio::test]
async fn bad_keys_are_refused() {
    let store = TempStore::new().await;
    for key in ["", "has space", "语言", &"k".repeat(200)] {
        let err = store.set_setting(key, "v").await.unwrap_err();
        assert_eq!(err.code(), "settings.invalid", "{key}");
    }
}

//! Autosave writes a revision only when something changed; any revision restores, and a
//! restore is itself a revision that can be undone.

use ferry_core::RevisionKind;

use super::support::{TempStore, edit_of, edit_text, new_draft};

#[tokio::test]
async fn unchanged_autosave_writes_nothing() {
    let store = TempStore::new().await;
    let draft = store
        .create_draft(new_draft(&[("en", "same")]))
        .await
        .unwrap();
    let outcome = store.save_draft(edit_of(&draft)).await.unwrap();
    assert!(outcome.revision.is_none());
    assert_eq!(outcome.draft.revision, 1);
    assert_eq!(outcome.draft.updated_at, draft.updated_at);
    assert_eq!(store.history(&draft.id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn every_change_keeps_a_revision_and_any_restores() {
    let store = TempStore::new().await;
    let d1 = store
        .create_draft(new_draft(&[("en", "one")]))
        .await
        .unwrap();
    let d2 = store
        .save_draft(edit_text(&d1, &[("en", "two")]))
        .await
        .unwrap()
        .draft;
    let d3 = store
        .save_draft(edit_text(&d2, &[("en", "three"), ("zh-Hans", "三")]))
        .await
        .unwrap()
        .draft;
    assert_eq!(d3.revision, 3);

    let history = store.history(&d1.id).await.unwrap();
    let numbers: Vec<u32> = history.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [3, 2, 1], "newest first");
    assert_eq!(history[2].kind, RevisionKind::Created);
    assert_eq!(history[0].kind, RevisionKind::Edited);
    assert_eq!(history[1].preview, "two");

    let old = store.get_revision(&d1.id, 1).await.unwrap();
    assert_eq!(old.content, d1.content);

    let restored = store.restore_revision(&d1.id, 1).await.unwrap();
    let summary = restored
        .revision
        .expect("a restore that changes the head is recorded");
    assert_eq!(summary.number, 4);
    assert_eq!(summary.kind, RevisionKind::Restored);
    assert_eq!(summary.restored_from, Some(1));
    assert_eq!(restored.draft.content, d1.content);
    assert_eq!(store.get_draft(&d1.id).await.unwrap().content, d1.content);

    // Undo the restore by restoring the revision before it.
    let undone = store.restore_revision(&d1.id, 3).await.unwrap();
    assert_eq!(undone.draft.revision, 5);
    assert_eq!(undone.draft.content, d3.content);

    // Restoring what is already the head changes nothing.
    let again = store.restore_revision(&d1.id, 5).await.unwrap();
    assert!(again.revision.is_none());
    assert_eq!(again.draft.revision, 5);
}

#[tokio::test]
async fn missing_revision_is_reported() {
    let store = TempStore::new().await;
    let draft = store.create_draft(new_draft(&[("en", "x")])).await.unwrap();
    let err = store.get_revision(&draft.id, 9).await.unwrap_err();
    assert_eq!(err.code(), "draft.revision_not_found");
    assert!(err.to_string().contains('9'));
    let err = store.restore_revision(&draft.id, 9).await.unwrap_err();
    assert_eq!(err.code(), "draft.revision_not_found");
}

#[tokio::test]
async fn updated_at_moves_and_list_follows() {
    let store = TempStore::new().await;
    let a = store
        .create_draft(new_draft(&[("en", "first")]))
        .await
        .unwrap();
    let b = store
        .create_draft(new_draft(&[("en", "second")]))
        .await
        .unwrap();
    let listed = store.list_drafts(&Default::default()).await.unwrap();
    assert_eq!(listed[0].id, b.id);
    let saved = store
        .save_draft(edit_text(&a, &[("en", "first, edited")]))
        .await
        .unwrap();
    assert!(saved.draft.updated_at > a.updated_at);
    let listed = store.list_drafts(&Default::default()).await.unwrap();
    assert_eq!(listed[0].id, a.id, "the edited draft comes first");
    assert_eq!(listed[0].preview, "first, edited");
    assert_eq!(listed[0].revision, 2);
}

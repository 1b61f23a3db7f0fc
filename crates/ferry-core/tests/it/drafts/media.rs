//! Attachments: sniffed by content, copied into the data folder by checksum, alt text per
//! language, refused with a reason, and flagged (never dropped) when their copy vanishes.

use std::collections::BTreeMap;

use ferry_core::{RevisionKind, StoreError};

use super::support::{TempStore, edit_of, fixture, lang, new_draft};

#[tokio::test]
async fn supported_images_are_sniffed_with_their_size() {
    let store = TempStore::new().await;
    let draft = store
        .create_draft(new_draft(&[("en", "pics")]))
        .await
        .unwrap();
    let cases = [
        ("red-square.png", "image/png", 40, 30),
        ("harbour.jpg", "image/jpeg", 64, 48),
        ("tiny.gif", "image/gif", 20, 10),
        ("portrait.webp", "image/webp", 30, 40),
        ("lossless.webp", "image/webp", 17, 9),
        ("alpha.webp", "image/webp", 12, 34),
    ];
    for (i, (name, media_type, w, h)) in cases.into_iter().enumerate() {
        let outcome = store
            .attach_media(&draft.id, &fixture(name), BTreeMap::new())
            .await
            .unwrap();
        let a = &outcome.attachment;
        assert_eq!(
            (a.media_type.as_str(), a.width, a.height),
            (media_type, w, h),
            "{name}"
        );
        assert_eq!(a.original_name, name);
        let bytes = std::fs::read(fixture(name)).unwrap();
        assert_eq!(a.byte_len, bytes.len() as u64);
        let copy = store.media_path(&a.stored_name);
        assert_eq!(std::fs::read(&copy).unwrap(), bytes, "stored copy differs");
        assert!(a.stored_name.starts_with(&a.sha256));
        assert_eq!(outcome.revision.kind, RevisionKind::MediaAdded);
        assert_eq!(outcome.draft.revision, 2 + i as u32);
        assert!(!a.missing);
        // JPEG and PNG are searched for a QR code when attached; GIF and WebP are not.
        let searched = matches!(media_type, "image/png" | "image/jpeg");
        assert_eq!(a.qr_code, searched.then_some(false), "{name}");
    }
    let loaded = store.get_draft(&draft.id).await.unwrap();
    assert_eq!(loaded.content.attachments.len(), 6);
    let kept: Vec<Option<bool>> = loaded
        .content
        .attachments
        .iter()
        .map(|a| a.qr_code)
        .collect();
    assert_eq!(kept, [Some(false), Some(false), None, None, None, None]);
}

/// A poster with a QR code (drawn by the qrcode crate, 8 pixels a module, on a page with a
/// grey band, saved as a JPEG as a phone would) is found when attached and stays found.
#[tokio::test]
async fn a_qr_code_in_an_attached_picture_is_found_and_kept() {
    let store = TempStore::new().await;
    let draft = store
        .create_draft(new_draft(&[("zh-Hans", "海报")]))
        .await
        .unwrap();
    let code = qrcode::QrCode::new("http://xhslink.com/a/AbC123".as_bytes()).unwrap();
    let (modules, colors) = (code.width() as u32, code.to_colors());
    let (side, scale, at) = (1080u32, 8u32, 300u32);
    let page = image::GrayImage::from_fn(side, 1440, |x, y| {
        let (mx, my) = (x.wrapping_sub(at) / scale, y.wrapping_sub(at) / scale);
        if x >= at && y >= at && mx < modules && my < modules {
            let dark = colors[(my * modules + mx) as usize] == qrcode::Color::Dark;
            image::Luma([if dark { 10 } else { 245 }])
        } else if y < 120 {
            image::Luma([90])
        } else {
            image::Luma([245])
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("poster.jpg");
    page.save_with_format(&path, image::ImageFormat::Jpeg)
        .unwrap();
    let outcome = store
        .attach_media(&draft.id, &path, BTreeMap::new())
        .await
        .unwrap();
    assert_eq!(outcome.attachment.qr_code, Some(true));
    let loaded = store.get_draft(&draft.id).await.unwrap();
    assert_eq!(loaded.content.attachments[0].qr_code, Some(true));
}

#[tokio::test]
async fn content_decides_not_the_extension() {
    let store = TempStore::new().await;
    let draft = store.create_draft(new_draft(&[("en", "x")])).await.unwrap();
    let dir = tempfile::tempdir().unwrap();

    let disguised = dir.path().join("holiday.jpg");
    std::fs::copy(fixture("red-square.png"), &disguised).unwrap();
    let outcome = store
        .attach_media(&draft.id, &disguised, BTreeMap::new())
        .await
        .unwrap();
    assert_eq!(outcome.attachment.media_type, "image/png");
    assert!(outcome.attachment.stored_name.ends_with(".png"));

    let fake = dir.path().join("notes.png");
    std::fs::write(&fake, "这不是图片，只是文字。").unwrap();
    let err = store
        .attach_media(&draft.id, &fake, BTreeMap::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "media.unsupported");
    assert!(err.to_string().contains("notes.png"), "{err}");
    assert!(err.to_string().contains("text file"), "{err}");

    let bmp = store
        .attach_media(&draft.id, &fixture("photo.bmp"), BTreeMap::new())
        .await
        .unwrap_err();
    assert_eq!(bmp.code(), "media.unsupported");
    assert!(bmp.to_string().contains("BMP"), "{bmp}");

    let empty = dir.path().join("empty.gif");
    std::fs::write(&empty, b"").unwrap();
    let err = store
        .attach_media(&draft.id, &empty, BTreeMap::new())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");

    let folder = store
        .attach_media(&draft.id, dir.path(), BTreeMap::new())
        .await
        .unwrap_err();
    assert_eq!(folder.code(), "media.unsupported");

    // Nothing refused reached the draft.
    assert_eq!(
        store
            .get_draft(&draft.id)
            .await
            .unwrap()
            .content
            .attachments
            .len(),
        1
    );
}

#[tokio::test]
async fn missing_and_oversized_sources_are_reported() {
    let store = TempStore::new().await;
    let draft = store.create_draft(new_draft(&[("en", "x")])).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.png");
    let err = store
        .attach_media(&draft.id, &gone, BTreeMap::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "media.missing");
    assert!(err.to_string().contains("gone.png"));

    // Sparse: takes no disk, but its size is over the limit.
    let big = dir.path().join("huge.png");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(ferry_core::MAX_MEDIA_BYTES + 1).unwrap();
    let err = store
        .attach_media(&draft.id, &big, BTreeMap::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "media.too_large");
    assert!(matches!(err, StoreError::MediaTooLarge { .. }));

    let err = store
        .attach_media("no-such-draft", &fixture("tiny.gif"), BTreeMap::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "draft.not_found");
}

#[tokio::test]
async fn vanished_copy_is_flagged_on_load_not_dropped() {
    let store = TempStore::new().await;
    let draft = store.create_draft(new_draft(&[("en", "x")])).await.unwrap();
    let a = store
        .attach_media(&draft.id, &fixture("harbour.jpg"), BTreeMap::new())
        .await
        .unwrap()
        .attachment;
    std::fs::remove_file(store.media_path(&a.stored_name)).unwrap();

    let loaded = store.get_draft(&draft.id).await.unwrap();
    assert_eq!(loaded.content.attachments.len(), 1);
    assert!(loaded.content.attachments[0].missing);
    assert!(loaded.has_missing_media());
    // Saving the draft keeps the attachment (and never stores the flag).
    let saved = store.save_draft(edit_of(&loaded)).await.unwrap();
    assert!(saved.revision.is_none());
    let revision = store.get_revision(&draft.id, 2).await.unwrap();
    assert!(
        revision.content.attachments[0].missing,
        "flag computed on load"
    );
}

#[tokio::test]
async fn alt_text_per_language_removal_and_shared_copies() {
    let store = TempStore::new().await;
    let draft = store
        .create_draft(new_draft(&[("en", "x"), ("zh-Hans", "图")]))
        .await
        .unwrap();
    let alt = BTreeMap::from([(lang("en"), "A red square".to_owned())]);
    let first = store
        .attach_media(&draft.id, &fixture("red-square.png"), alt)
        .await
        .unwrap();
    let second = store
        .attach_media(&draft.id, &fixture("red-square.png"), BTreeMap::new())
        .await
        .unwrap();
    assert_eq!(
        first.attachment.stored_name, second.attachment.stored_name,
        "one copy"
    );
    assert_ne!(first.attachment.id, second.attachment.id);

    let zh = lang("zh-Hans");
    let set = store
        .set_alt_text(&draft.id, &first.attachment.id, &zh, "红色方块")
        .await
        .unwrap();
    let a = &set.draft.content.attachments[0];
    assert_eq!(a.alt.get(&zh).map(String::as_str), Some("红色方块"));
    assert_eq!(
        a.alt.get(&lang("en")).map(String::as_str),
        Some("A red square")
    );

    // The autosave can reorder and re-describe attachments, and drop one.
    let mut edit = edit_of(&set.draft);
    edit.attachments.reverse();
    edit.attachments[1]
        .alt
        .insert(lang("en"), "Square, red".into());
    let saved = store.save_draft(edit).await.unwrap().draft;
    assert_eq!(saved.content.attachments[0].id, second.attachment.id);
    assert_eq!(saved.content.attachments[1].alt[&lang("en")], "Square, red");

    let removed = store
        .remove_attachment(&draft.id, &second.attachment.id)
        .await
        .unwrap();
    assert_eq!(removed.revision.unwrap().kind, RevisionKind::MediaRemoved);
    assert_eq!(removed.draft.content.attachments.len(), 1);
    // The copy stays for the older revisions that still show it.
    assert!(store.media_path(&first.attachment.stored_name).exists());
    let err = store
        .remove_attachment(&draft.id, &second.attachment.id)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "media.not_found");

    // An autosave cannot invent attachments.
    let mut edit = edit_of(&removed.draft);
    edit.attachments.push(ferry_core::AttachmentEdit {
        id: "made-up".into(),
        alt: BTreeMap::new(),
    });
    assert_eq!(
        store.save_draft(edit).await.unwrap_err().code(),
        "media.not_found"
    );

    // Restoring a revision from before the removal brings the attachment back.
    let restored = store
        .restore_revision(&draft.id, saved.revision)
        .await
        .unwrap();
    assert_eq!(restored.draft.content.attachments.len(), 2);
    assert!(
        restored
            .draft
            .content
            .attachments
            .iter()
            .all(|a| !a.missing)
    );
}

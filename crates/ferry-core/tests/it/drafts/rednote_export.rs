//! The RedNote kit written to a folder: texts and pictures made 3:4, whole or not at all, a
//! second export beside the first, and refusals that name the folder or the variant.

use std::collections::BTreeMap;

use ferry_core::handoff::{Fit, RednoteExport};
use ferry_core::{LangTag, NewDraft};

use super::support::{TempStore, fixture, new_draft};

#[tokio::test]
async fn the_kit_has_the_texts_and_every_picture_made_three_by_four() {
    let store = TempStore::new().await;
    let draft = store
        .create_draft(NewDraft {
            topics: vec!["渡口".into(), "清晨".into()],
            ..new_draft(&[
                ("zh-Hans", "渡口见面\n清晨六点的渡口，雾还没散。"),
                ("en", "Dawn at the pier."),
            ])
        })
        .await
        .unwrap();
    let photos = tempfile::tempdir().unwrap();
    let wide = photos.path().join("wide.png");
    image::RgbImage::from_pixel(1600, 900, image::Rgb([200, 40, 40]))
        .save(&wide)
        .unwrap();
    for path in [wide.clone(), fixture("tiny.gif"), fixture("harbour.jpg")] {
        store
            .attach_media(&draft.id, &path, BTreeMap::new())
            .await
            .unwrap();
    }
    let phone = tempfile::tempdir().unwrap();
    let export = RednoteExport {
        draft_id: draft.id.clone(),
        lang: LangTag::parse("zh-Hans").unwrap(),
        to: phone.path().display().to_string(),
        fit: Fit::Pad,
    };
    let kit = store.export_rednote(export.clone()).await.unwrap();
    let folder = std::path::PathBuf::from(&kit.folder);
    assert_eq!(folder, phone.path().join("渡口见面 (RedNote)"));
    assert_eq!(
        kit.files,
        [
            "title.txt",
            "body.txt",
            "topics.txt",
            "note.txt",
            "01.jpg",
            "02.gif",
            "03.jpg"
        ]
    );
    let read = |f: &str| std::fs::read_to_string(folder.join(f)).unwrap();
    assert_eq!(read("title.txt"), "渡口见面\n");
    assert_eq!(read("body.txt"), "清晨六点的渡口，雾还没散。\n");
    assert_eq!(read("topics.txt"), "#渡口[话题]# #清晨[话题]#\n");
    assert_eq!(
        read("note.txt"),
        "渡口见面\n\n清晨六点的渡口，雾还没散。\n\n#渡口[话题]# #清晨[话题]#\n"
    );
    for jpeg in ["01.jpg", "03.jpg"] {
        let picture = image::open(folder.join(jpeg)).unwrap();
        assert_eq!((picture.width(), picture.height()), (1080, 1440), "{jpeg}");
    }
    assert_eq!(
        std::fs::read(folder.join("02.gif")).unwrap(),
        std::fs::read(fixture("tiny.gif")).unwrap()
    );
    assert_eq!(kit.notes.len(), 1, "{:?}", kit.notes);
    assert!(
        kit.notes[0].contains("tiny.gif was copied as it is"),
        "{:?}",
        kit.notes
    );

    // Again: a second folder beside the first, and no half-written folder left anywhere.
    let again = store.export_rednote(export).await.unwrap();
    assert!(
        again.folder.ends_with("渡口见面 (RedNote) (2)"),
        "{}",
        again.folder
    );
    let names: Vec<String> = std::fs::read_dir(phone.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[tokio::test]
async fn a_missing_folder_or_variant_is_named_and_nothing_is_written() {
    let store = TempStore::new().await;
    let draft = store
        .create_draft(new_draft(&[("zh-Hans", "只有正文")]))
        .await
        .unwrap();
    let phone = tempfile::tempdir().unwrap();
    let gone = phone.path().join("not-there");
    let mut export = RednoteExport {
        draft_id: draft.id.clone(),
        lang: LangTag::parse("zh-Hans").unwrap(),
        to: gone.display().to_string(),
        fit: Fit::Crop,
    };
    let err = store.export_rednote(export.clone()).await.unwrap_err();
    assert_eq!(err.code(), "handoff.folder");
    assert!(err.to_string().contains("not-there"), "{err}");
    export.to = phone.path().display().to_string();
    export.lang = LangTag::parse("en").unwrap();
    let err = store.export_rednote(export.clone()).await.unwrap_err();
    assert_eq!(err.code(), "handoff.no_variant");
    assert_eq!(std::fs::read_dir(phone.path()).unwrap().count(), 0);

    // Text only: written, with the note that RedNote needs a picture.
    export.lang = LangTag::parse("zh-Hans").unwrap();
    let kit = store.export_rednote(export).await.unwrap();
    assert_eq!(kit.files, ["body.txt", "note.txt"]);
    assert!(kit.notes[0].contains("no pictures"), "{:?}", kit.notes);
}

#[tokio::test]
async fn a_moved_focus_point_decides_the_crop_and_survives_saves() {
    use ferry_core::model::Focus;
    let store = TempStore::new().await;
    let draft = store
        .create_draft(new_draft(&[("zh-Hans", "渡口\n雾")]))
        .await
        .unwrap();
    let photos = tempfile::tempdir().unwrap();
    let wide = photos.path().join("wide.png");
    // Green left quarter, red the rest.
    image::RgbImage::from_fn(1600, 900, |x, _| {
        if x < 400 {
            image::Rgb([0, 200, 0])
        } else {
            image::Rgb([220, 20, 20])
        }
    })
    .save(&wide)
    .unwrap();
    let attached = store
        .attach_media(&draft.id, &wide, BTreeMap::new())
        .await
        .unwrap();
    let id = attached.attachment.id.clone();
    let left = Focus { x: 0, y: 500 };
    let moved = store
        .set_attachment_focus(&draft.id, &id, Some(left))
        .await
        .unwrap();
    assert_eq!(moved.content.attachments[0].focus, Some(left));
    // The composer's save (alt texts, no focus) keeps it.
    let mut edit = super::support::edit_of(&moved);
    edit.attachments[0]
        .alt
        .insert(LangTag::parse("zh-Hans").unwrap(), "雾中的渡口".into());
    let saved = store.save_draft(edit).await.unwrap();
    assert_eq!(saved.draft.content.attachments[0].focus, Some(left));

    let phone = tempfile::tempdir().unwrap();
    let export = |fit| RednoteExport {
        draft_id: draft.id.clone(),
        lang: LangTag::parse("zh-Hans").unwrap(),
        to: phone.path().display().to_string(),
        fit,
    };
    let kit = store.export_rednote(export(Fit::Crop)).await.unwrap();
    let picture = image::open(std::path::Path::new(&kit.folder).join("01.jpg"))
        .unwrap()
        .to_rgb8();
    let green = picture.get_pixel(20, 720);
    assert!(
        green[1] > 150 && green[0] < 60,
        "the left edge is kept: {green:?}"
    );

    // Back to the centre: the green quarter is cut away.
    store
        .set_attachment_focus(&draft.id, &id, None)
        .await
        .unwrap();
    let kit = store.export_rednote(export(Fit::Crop)).await.unwrap();
    let picture = image::open(std::path::Path::new(&kit.folder).join("01.jpg"))
        .unwrap()
        .to_rgb8();
    assert!(
        picture.get_pixel(20, 720)[0] > 150,
        "centred: red at the left edge"
    );

    let outside = store
        .set_attachment_focus(&draft.id, &id, Some(Focus { x: 1001, y: 0 }))
        .await
        .unwrap_err()
        .to_string();
    assert!(outside.contains("outside the picture"), "{outside}");
    let unknown = store
        .set_attachment_focus(&draft.id, "no-such-picture", Some(left))
        .await
        .unwrap_err()
        .to_string();
    assert!(unknown.contains("no-such-picture"), "{unknown}");
}

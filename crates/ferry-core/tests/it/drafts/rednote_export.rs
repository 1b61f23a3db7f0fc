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

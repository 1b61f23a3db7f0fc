//! Telegram through the FAKE Bot API (`ferry_test_support::telegram_bot_api`, written from
//! https://core.telegram.org/bots/api — no real Bot API server runs here): adding a channel
//! checks the bot's rights; posts arrive escaped right, long ones as a chain of replies,
//! pictures as a photo or an album; and a lost answer — which Telegram gives no way to check —
//! stays `unknown` until the person settles it, with no duplicate and nothing lost.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::publish_support::*;
use ferry_core::accounts::{Account, Accounts, AddTelegram};
use ferry_core::outbox::{JobStatus, Looked, PublishConfig, Publisher, Settle, TargetState};
use ferry_test_support::telegram_bot_api::{FakeBotApi, GOOD_TOKEN};
use ferry_test_support::{Fault, FaultProxy};

async fn add(accounts: &Accounts, api: &str, chat: &str) -> Result<Account, String> {
    accounts
        .add_telegram(AddTelegram {
            token: GOOD_TOKEN.into(),
            chat: chat.into(),
            api_url: Some(api.into()),
            audience: langs(&["zh-Hans"]),
        })
        .await
        .map(|added| added.account)
        .map_err(|e| format!("{} {e}", e.code()))
}

fn publisher(env: &Env) -> Publisher {
    let config = PublishConfig {
        request_timeout: Duration::from_millis(1500),
        ..fast_config()
    };
    Publisher::new(env.accounts.clone(), config)
}

async fn post(env: &Env, draft_id: &str) -> JobStatus {
    post_with(&publisher(env), draft_id).await
}

#[tokio::test]
async fn adding_a_channel_checks_the_bot_and_says_what_is_missing() {
    let Some(env) = env("telegram-add").await else {
        return;
    };
    let api = FakeBotApi::start().await;
    let account = add(&env.accounts, &api.base, "https://t.me/ferry_news")
        .await
        .unwrap();
    assert_eq!(account.handle, "@ferry_news");
    assert_eq!(account.display_name, "Ferry news 渡");
    assert_eq!(account.remote_id, "-1001000000001");
    // Adding it again updates the same account.
    let again = add(&env.accounts, &api.base, "@ferry_news").await.unwrap();
    assert_eq!(again.id, account.id);

    let no_rights = add(&env.accounts, &api.base, "@no_rights")
        .await
        .unwrap_err();
    assert!(
        no_rights.starts_with("account.bot_cannot_post")
            && no_rights.contains("not an administrator of @no_rights"),
        "{no_rights}"
    );
    let missing = add(&env.accounts, &api.base, "@nowhere_here")
        .await
        .unwrap_err();
    assert!(missing.contains("chat not found"), "{missing}");
    let wrong = env
        .accounts
        .add_telegram(AddTelegram {
            token: "7000001:AAWrongTokenWrongTokenWrong_0000".into(),
            chat: "@ferry_news".into(),
            api_url: Some(api.base.clone()),
            audience: vec![],
        })
        .await
        .unwrap_err()
        .to_string();
    assert!(
        wrong.contains("@BotFather") && !wrong.contains("AAWrong"),
        "{wrong}"
    );
    assert_eq!(env.accounts.list().await.unwrap().len(), 1);

    // The token is in the keychain, never in the database.
    let db = std::fs::read(env.dir.path().join("ferry.db")).unwrap_or_default();
    let token_tail = GOOD_TOKEN.split(':').nth(1).unwrap();
    assert!(!String::from_utf8_lossy(&db).contains(token_tail));
    env.cleanup().await;
}

#[tokio::test]
async fn posts_arrive_escaped_long_ones_as_replies_in_order() {
    let Some(env) = env("telegram-post").await else {
        return;
    };
    let api = FakeBotApi::start().await;
    let channel = add(&env.accounts, &api.base, "@ferry_news").await.unwrap();
    let text = "渡口见 <3 & AT&T <b>not bold</b> 👩‍👩‍👧";
    let draft = env
        .draft(&[("zh-Hans", text), ("en", "See you")], &[&channel])
        .await;
    let job = post(&env, &draft.id).await;
    assert!(job.all_posted(), "{job:?}");
    let held = api.messages("@ferry_news");
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].text, text, "what readers see is what was typed");
    let target = &job.targets[0];
    assert_eq!(
        target.remote_url.as_deref(),
        Some(format!("https://t.me/ferry_news/{}", held[0].message_id).as_str())
    );

    // 3 × 3,000 UTF-16 units: over 4,096, so a chain of replies.
    let long = "船到桥头自然直。".repeat(1_100);
    let draft = env.draft(&[("zh-Hans", &long)], &[&channel]).await;
    let job = post(&env, &draft.id).await;
    assert!(job.all_posted(), "{job:?}");
    let held = api.messages("@ferry_news");
    let chain = &held[1..];
    assert_eq!(chain.len(), job.targets[0].parts as usize);
    assert!(chain.len() >= 3, "{}", chain.len());
    assert_eq!(chain[0].reply_to, None);
    for pair in chain.windows(2) {
        assert_eq!(
            pair[1].reply_to,
            Some(pair[0].message_id),
            "in order, each answering the one before"
        );
    }
    env.cleanup().await;
}

#[tokio::test]
async fn pictures_go_as_a_photo_or_an_album_and_a_long_text_follows_them() {
    let Some(env) = env("telegram-photos").await else {
        return;
    };
    let api = FakeBotApi::start().await;
    let channel = add(&env.accounts, &api.base, "@ferry_news").await.unwrap();
    let store = env.accounts.store();
    let dir = tempfile::tempdir().unwrap();
    let mut pictures = Vec::new();
    for (i, colour) in [[200u8, 40, 40], [40, 200, 40], [40, 40, 200]]
        .iter()
        .enumerate()
    {
        let path = dir.path().join(format!("p{i}.png"));
        image::RgbImage::from_pixel(300, 400, image::Rgb(*colour))
            .save(&path)
            .unwrap();
        pictures.push(path);
    }

    let one = env
        .draft(&[("zh-Hans", "一张照片 & a caption")], &[&channel])
        .await;
    store
        .attach_media(&one.id, &pictures[0], BTreeMap::new())
        .await
        .unwrap();
    assert!(post(&env, &one.id).await.all_posted());
    let held = api.messages("@ferry_news");
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].text, "一张照片 & a caption");
    assert!(
        held[0]
            .photo
            .as_ref()
            .is_some_and(|p| image::load_from_memory(p).is_ok())
    );

    // Over the 1,024 of a caption: the album goes first, the text answers it.
    let long = "渡".repeat(1_500);
    let three = env.draft(&[("zh-Hans", &long)], &[&channel]).await;
    for path in &pictures {
        store
            .attach_media(&three.id, path, BTreeMap::new())
            .await
            .unwrap();
    }
    let job = post(&env, &three.id).await;
    assert!(job.all_posted(), "{job:?}");
    let held = api.messages("@ferry_news");
    let album = &held[1..4];
    assert!(album.iter().all(|m| m.photo.is_some() && m.text.is_empty()));
    assert!(
        album
            .iter()
            .all(|m| m.media_group_id == album[0].media_group_id)
    );
    let text = &held[4];
    assert_eq!(text.text, long);
    assert_eq!(text.reply_to, Some(album[0].message_id));
    assert_eq!(held.len(), 5);
    env.cleanup().await;
}

#[tokio::test]
async fn a_lost_answer_stays_unknown_until_settled_and_nothing_is_sent_twice() {
    let Some(env) = env("telegram-unknown").await else {
        return;
    };
    let api = FakeBotApi::start().await;
    let proxy = FaultProxy::start(&api.base).await.unwrap();
    // Added straight (getMe, getChat, getChatMember go through the proxy untouched).
    let channel = add(&env.accounts, &proxy.http_url(), "@ferry_news")
        .await
        .unwrap();
    let publisher = publisher(&env);

    // 1. The message reaches Telegram; its answer is lost.
    proxy.push(Fault::DropAfterForward);
    let draft = env
        .draft(&[("zh-Hans", "丢失的回答 lost answer")], &[&channel])
        .await;
    let job = post_with(&publisher, &draft.id).await;
    let target = &job.targets[0];
    assert_eq!(target.state, TargetState::Unknown);
    let error = target.error.as_ref().unwrap();
    assert_eq!(error.code, "outbox.look_before_resending");
    assert!(
        error.message.contains("https://t.me/ferry_news"),
        "{}",
        error.message
    );
    assert_eq!(api.messages("@ferry_news").len(), 1);
    // "Retry failed" does not send it blindly.
    let again = publisher
        .retry_draft(&draft.id)
        .await
        .unwrap()
        .finish()
        .await
        .unwrap();
    assert_eq!(again.targets[0].state, TargetState::Unknown);
    assert_eq!(api.messages("@ferry_news").len(), 1);
    // The person finds it and pastes its link.
    let link = format!(
        "https://t.me/ferry_news/{}",
        api.messages("@ferry_news")[0].message_id
    );
    let settled = publisher
        .settle(Settle {
            target_id: target.id.clone(),
            looked: Looked::Posted {
                url: Some(link.clone()),
            },
        })
        .await
        .unwrap();
    assert!(settled.is_none(), "nothing is left to send");
    let job = publisher.status(&job.id).await.unwrap();
    assert_eq!(job.targets[0].state, TargetState::Posted);
    assert_eq!(job.targets[0].remote_url.as_deref(), Some(link.as_str()));

    // 2. The request never got there (the connection stalls past the timeout): unknown too,
    // and the person finds nothing, so it is sent once more.
    proxy.push(Fault::Stall(Duration::from_secs(3)));
    let draft = env
        .draft(&[("zh-Hans", "没到 never arrived")], &[&channel])
        .await;
    let job = post_with(&publisher, &draft.id).await;
    assert_eq!(job.targets[0].state, TargetState::Unknown);
    assert_eq!(api.messages("@ferry_news").len(), 1);
    let handle = publisher
        .settle(Settle {
            target_id: job.targets[0].id.clone(),
            looked: Looked::NotPosted,
        })
        .await
        .unwrap()
        .expect("sent again");
    assert!(handle.finish().await.unwrap().all_posted());
    let held = api.messages("@ferry_news");
    assert_eq!(held.len(), 2);
    assert_eq!(held[1].text, "没到 never arrived");

    // 3. Rate-limited: waits `retry_after`, then sends once.
    api.rate_limit_next(1);
    let draft = env
        .draft(&[("zh-Hans", "限速 slow down")], &[&channel])
        .await;
    let job = post_with(&publisher, &draft.id).await;
    assert!(job.all_posted(), "{job:?}");
    assert_eq!(api.messages("@ferry_news").len(), 3);
    // Settling a posted target is refused, naming why.
    let refused = publisher
        .settle(Settle {
            target_id: job.targets[0].id.clone(),
            looked: Looked::NotPosted,
        })
        .await
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("none of its parts is unknown"),
        "{refused}"
    );
    env.cleanup().await;
}

#[tokio::test]
async fn the_rednote_kit_goes_to_the_writers_own_chat_as_files_byte_for_byte() {
    use ferry_core::handoff::{Fit, KitToTelegram, RednoteExport};
    use ferry_test_support::telegram_bot_api::WRITER_CHAT;
    let Some(env) = env("telegram-kit").await else {
        return;
    };
    let api = FakeBotApi::start().await;
    let own = add(&env.accounts, &api.base, &WRITER_CHAT.to_string())
        .await
        .unwrap();
    assert_eq!(own.handle, "@writer_lin");
    let store = env.accounts.store();
    let draft = env
        .draft(&[("zh-Hans", "渡口见面\n清晨六点的渡口，雾还没散。")], &[])
        .await;
    let dir = tempfile::tempdir().unwrap();
    for i in 0..11u8 {
        let path = dir.path().join(format!("p{i}.png"));
        image::RgbImage::from_pixel(1600, 900, image::Rgb([i * 20, 40, 40]))
            .save(&path)
            .unwrap();
        store
            .attach_media(&draft.id, &path, BTreeMap::new())
            .await
            .unwrap();
    }
    let lang = ferry_core::LangTag::parse("zh-Hans").unwrap();
    let sent = env
        .accounts
        .send_rednote_kit(KitToTelegram {
            draft_id: draft.id.clone(),
            lang: lang.clone(),
            account_id: own.id.clone(),
            fit: Fit::Pad,
        })
        .await
        .unwrap();
    assert_eq!(sent.messages, 12, "the text, an album of 10, then the 11th");
    let held = api.messages("@writer_lin");
    assert_eq!(held.len(), 12);
    assert_eq!(held[0].kind, "text");
    assert!(held[0].text.starts_with("渡口见面"), "{}", held[0].text);
    assert!(held[1..].iter().all(|m| m.kind == "document"));
    assert!(
        held[1..11]
            .iter()
            .all(|m| m.media_group_id == held[1].media_group_id)
    );
    assert_eq!(held[11].media_group_id, None);

    // The files are the export's pictures, byte for byte, 1080 × 1440.
    let phone = tempfile::tempdir().unwrap();
    let kit = store
        .export_rednote(RednoteExport {
            draft_id: draft.id.clone(),
            lang,
            to: phone.path().display().to_string(),
            fit: Fit::Pad,
        })
        .await
        .unwrap();
    let first = std::fs::read(std::path::Path::new(&kit.folder).join("01.jpg")).unwrap();
    assert_eq!(held[1].photo.as_deref(), Some(first.as_slice()));
    let decoded = image::load_from_memory(&first).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1080, 1440));

    // A variant the draft lacks is refused by name.
    let wrong = env
        .accounts
        .send_rednote_kit(KitToTelegram {
            draft_id: draft.id.clone(),
            lang: ferry_core::LangTag::parse("en").unwrap(),
            account_id: own.id.clone(),
            fit: Fit::Crop,
        })
        .await
        .unwrap_err()
        .to_string();
    assert!(wrong.contains("no en variant"), "{wrong}");
    env.cleanup().await;
}

//! A job whose stored rows can't be read back (a damaged row) is settled as failed with its
//! reason the first time it is resumed, instead of being tried again at every start; the
//! other unfinished jobs are resumed and sent all the same.

use crate::publish_support::*;
use ferry_core::outbox::Publisher;
use ferry_test_support::peers;
use sqlx::{Connection, SqliteConnection};

#[tokio::test]
async fn an_unreadable_job_fails_once_with_its_reason_and_the_others_still_go_out() {
    let Some(relay) = peers::nostr_relay() else {
        return;
    };
    let Some(env) = env("unreadable-job").await else {
        return;
    };
    let nostr = add_nostr(&env.accounts, &relay, &["en"]).await;
    let tag = marker("unreadable");
    let good = env
        .draft(&[("en", &format!("good {tag}"))], &[&nostr])
        .await;
    let bad = env.draft(&[("en", &format!("bad {tag}"))], &[&nostr]).await;

    // Two jobs written and nothing sent (the key away), then left queued as a crash would.
    let sign_in_again = take_nostr_key(&nostr).await;
    let publisher = Publisher::new(env.accounts.clone(), fast_config());
    let mut jobs = Vec::new();
    for draft in [&good, &bad] {
        let held = publisher.publish(request(&draft.id, true)).await.unwrap();
        jobs.push(held.finish().await.unwrap().id);
    }
    env.accounts.add_nostr(sign_in_again).await.unwrap();
    let url = format!("sqlite://{}", env.accounts.store().db_path().display());
    let mut db = SqliteConnection::connect(&url).await.unwrap();
    sqlx::query(
        "UPDATE outbox_targets SET state = 'queued', error_code = NULL, error_message = NULL",
    )
    .execute(&mut db)
    .await
    .unwrap();
    sqlx::query("UPDATE outbox_targets SET media_json = '{damaged' WHERE job_id = ?")
        .bind(&jobs[1])
        .execute(&mut db)
        .await
        .unwrap();

    let mut outcomes = Vec::new();
    for handle in publisher.resume_unfinished().await.unwrap() {
        let job = handle.job_id().to_owned();
        outcomes.push((job, handle.finish().await));
    }
    assert_eq!(outcomes.len(), 2);
    for (job, outcome) in &outcomes {
        if *job == jobs[0] {
            assert!(outcome.as_ref().unwrap().all_posted(), "{outcome:?}");
        } else {
            let err = outcome.as_ref().unwrap_err();
            assert_eq!(err.code(), "outbox.unreadable_job", "{err}");
            assert!(err.to_string().contains(&jobs[1]), "{err}");
        }
    }
    let (state, code, message): (String, String, String) = sqlx::query_as(
        "SELECT state, error_code, error_message FROM outbox_targets WHERE job_id = ?",
    )
    .bind(&jobs[1])
    .fetch_one(&mut db)
    .await
    .unwrap();
    assert_eq!(
        (state.as_str(), code.as_str()),
        ("failed", "outbox.unreadable_job")
    );
    assert!(message.contains("not sent again"), "{message}");
    db.close().await.unwrap();

    // The next start has nothing left to resume: no loop over the damaged job.
    assert!(publisher.resume_unfinished().await.unwrap().is_empty());
    let notes: Vec<String> = nostr_notes(&relay, &nostr.remote_id)
        .await
        .into_iter()
        .map(|note| note.content)
        .filter(|text| text.contains(&tag))
        .collect();
    assert_eq!(notes, [format!("good {tag}")]);
    env.cleanup().await;
}

//! Mastodon's own schedule against mastodon-mock: a status handed over for later is kept (not
//! posted), listed with its text, moved, withdrawn; one handed over for a time too near is
//! posted at once, and the client says so. (The shapes are checked against a real server's
//! recordings in `client_mastodon_recordings`.)

use chrono::{DateTime, Duration, Timelike, Utc};
use ferry_networks::mastodon::client::{NewStatus, Scheduling, random_state};

use super::client_mastodon::signed_in_client;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

#[tokio::test]
async fn a_status_is_kept_listed_moved_and_withdrawn() {
    let Some((_, _, client)) = signed_in_client().await else {
        return;
    };
    let mark = random_state().unwrap();
    let status = NewStatus {
        text: format!("定时：渡口见 🚢 scheduled {mark}"),
        language: Some("zh".into()),
        ..Default::default()
    };
    // Whole seconds: what the server keeps.
    let when = (Utc::now() + Duration::minutes(30))
        .with_nanosecond(0)
        .unwrap();
    let Scheduling::Kept(kept) = client.schedule_status(&status, when, &mark).await.unwrap() else {
        panic!("30 minutes ahead must be kept, not posted");
    };
    assert_eq!(at(&kept.scheduled_at), when);
    assert_eq!(kept.params.text, status.text);

    let listed = client.scheduled_statuses().await.unwrap();
    let mine: Vec<_> = listed
        .iter()
        .filter(|s| s.params.text.contains(&mark))
        .collect();
    assert_eq!(mine.len(), 1, "{listed:?}");
    assert_eq!(mine[0].id, kept.id);

    let later = when + Duration::hours(2);
    let moved = client
        .move_scheduled(&kept.id, later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(at(&moved.scheduled_at), later);

    assert!(client.delete_scheduled(&kept.id).await.unwrap());
    assert!(
        !client.delete_scheduled(&kept.id).await.unwrap(),
        "already gone: 404 → false"
    );
    assert!(
        client
            .move_scheduled(&kept.id, later)
            .await
            .unwrap()
            .is_none()
    );
    let listed = client.scheduled_statuses().await.unwrap();
    assert!(!listed.iter().any(|s| s.params.text.contains(&mark)));
}

#[tokio::test]
async fn a_time_too_near_is_posted_at_once() {
    let Some((_, _, client)) = signed_in_client().await else {
        return;
    };
    let mark = random_state().unwrap();
    let status = NewStatus {
        text: format!("too near to keep {mark}"),
        ..Default::default()
    };
    let soon = Utc::now() + Duration::minutes(1);
    match client.schedule_status(&status, soon, &mark).await.unwrap() {
        Scheduling::PostedNow(posted) => assert!(posted.content.contains(&mark)),
        Scheduling::Kept(kept) => panic!("1 minute ahead is below the 5-minute lead: {kept:?}"),
    }
    let empty = NewStatus::default();
    assert!(
        client
            .schedule_status(&empty, soon + Duration::hours(1), &mark)
            .await
            .is_err()
    );
}

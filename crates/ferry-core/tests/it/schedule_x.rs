//! Scheduling posts to X through the FAKE X API (`ferry_test_support::x_api`, written from X's
//! API documentation): an item with an X account is refused until the cost shown is accepted,
//! and keeps what was accepted; at its time it goes out once, charged what was shown; an item
//! whose draft gained a link since (a dearer post) does not go to X — that target fails
//! naming both prices, and X charges nothing for it.

use std::time::Duration;

use chrono::Utc;
use ferry_core::outbox::{PublishEvent, Publisher, TargetState};
use ferry_core::schedule::{
    NewSchedule, RunnerKind, ScheduleState, Scheduler, SchedulerEvent, wall_in, zone,
};
use ferry_core::{DraftEdit, Variant};
use ferry_test_support::x_api::FakeXApi;
use tokio::sync::mpsc;

use crate::publish_support::*;
use crate::publish_x::sign_in;

fn soon(seconds: i64) -> String {
    wall_in(
        &zone("Asia/Shanghai").unwrap(),
        Utc::now() + chrono::Duration::seconds(seconds),
    )
    .0
}

#[tokio::test]
async fn an_x_post_is_scheduled_at_the_cost_shown_and_never_sent_dearer() {
    let Some(env) = env("schedule-x").await else {
        return;
    };
    let api = FakeXApi::start().await;
    let x = sign_in(&env.accounts, &api.base).await.unwrap();
    let store = env.accounts.store();
    let plain = env.draft(&[("en", "Ferry at six 六点的渡船")], &[&x]).await;
    let later = env
        .draft(&[("en", "Fog on the river 江上有雾")], &[&x])
        .await;
    let schedule = |draft_id: &str, accept_x_cost: bool| NewSchedule {
        draft_id: draft_id.to_owned(),
        at: soon(3),
        tz: "Asia/Shanghai".into(),
        accept_x_cost,
        ..Default::default()
    };

    let refused = store
        .add_schedule(&schedule(&plain.id, false))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "schedule.cost_not_accepted");
    assert!(refused.to_string().contains("$0.015"), "{refused}");
    let item = store
        .add_schedule(&schedule(&plain.id, true))
        .await
        .unwrap();
    assert_eq!(item.x_cost_accepted.as_deref(), Some("$0.015"));
    let dearer = store
        .add_schedule(&schedule(&later.id, true))
        .await
        .unwrap();
    // After scheduling, the draft gains a link: a post with a link costs $0.200.
    store
        .save_draft(DraftEdit {
            id: later.id.clone(),
            base_revision: later.revision,
            variants: vec![Variant {
                lang: langs(&["en"]).remove(0),
                text: "Fog on the river https://example.com/fog".into(),
            }],
            overrides: Vec::new(),
            targets: later.content.targets.clone(),
            topics: Vec::new(),
            attachments: Vec::new(),
        })
        .await
        .unwrap();
    let spent_before = api.spent_total();

    let scheduler = Scheduler::new(
        Publisher::new(env.accounts.clone(), fast_config()),
        RunnerKind::App,
    );
    let (events, mut received) = mpsc::unbounded_channel();
    let (stop_tx, mut stop) = tokio::sync::watch::channel(false);
    let running = tokio::spawn(scheduler.run(events, async move {
        let _ = stop.wait_for(|s| *s).await;
    }));
    let mut finished = 0;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
    while finished < 2 {
        let event = tokio::time::timeout_at(deadline, received.recv())
            .await
            .expect("the items did not go out in 40 s")
            .unwrap();
        if let SchedulerEvent::Publish {
            event: PublishEvent::Finished(_),
        } = event
        {
            finished += 1;
        }
    }
    stop_tx.send(true).unwrap();
    running.await.unwrap();

    let sent = store.get_schedule(&item.id).await.unwrap();
    assert_eq!(sent.state, ScheduleState::Handed);
    assert_eq!(sent.targets[0].state, Some(TargetState::Posted), "{sent:?}");
    let posts = api.posts();
    assert_eq!(posts.len(), 1, "one post, the plain one: {posts:?}");
    assert_eq!(posts[0].text, "Ferry at six 六点的渡船");
    let held = store.get_schedule(&dearer.id).await.unwrap();
    let target = &held.targets[0];
    assert_eq!(target.state, Some(TargetState::Failed), "{held:?}");
    let error = target.error.as_ref().unwrap();
    assert_eq!(error.code, "outbox.cost_not_accepted");
    assert!(
        error.message.contains("$0.200") && error.message.contains("$0.015"),
        "{}",
        error.message
    );
    assert_eq!(
        api.spent_total() - spent_before,
        15_000,
        "charged what was shown"
    );
    env.cleanup().await;
}

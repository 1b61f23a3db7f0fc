//! Which scheduler events become OS notifications, and what they say: only jobs that came from
//! a scheduled item, the reason when a target failed, warnings before the time, held items.

use chrono::Utc;
use ferry_app::native_text::NativeText;
use ferry_app::notifications::{Notice, Notices};
use ferry_app::preferences::LocalePreference;
use ferry_core::outbox::{JobStatus, PublishEvent, TargetState, TargetStatus};
use ferry_core::schedule::SchedulerEvent;
use ferry_core::{ErrorPayload, LangTag, Network};

fn target(id: &str, state: TargetState, error: Option<&str>) -> TargetStatus {
    TargetStatus {
        id: id.into(),
        job_id: "job-1".into(),
        account_id: format!("acct-{id}"),
        network: Network::Bluesky,
        lang: LangTag::parse("en").unwrap(),
        state,
        attempts: 1,
        parts: 1,
        parts_posted: u32::from(state == TargetState::Posted),
        remote_id: None,
        remote_url: None,
        error: error.map(|m| ErrorPayload {
            code: "net.rejected".into(),
            message: m.into(),
        }),
        retryable: None,
        next_attempt_at: None,
    }
}

fn finished(id: &str, targets: Vec<TargetStatus>) -> SchedulerEvent {
    SchedulerEvent::Publish {
        event: PublishEvent::Finished(JobStatus {
            id: id.into(),
            draft_id: "d1".into(),
            draft_revision: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            targets,
        }),
    }
}

#[test]
fn only_scheduled_jobs_notify_and_a_failure_says_why() {
    let en = NativeText::of(LocalePreference::En);
    let mut notices = Notices::default();
    // "Post now" jobs finish too; they show in the window, not as notifications.
    assert_eq!(notices.on(&finished("manual", vec![]), en), None);
    let handed = SchedulerEvent::Handed {
        schedule_id: "s1".into(),
        job_id: "job-1".into(),
    };
    assert_eq!(notices.on(&handed, en), None);
    let done = finished(
        "job-1",
        vec![
            target("a", TargetState::Posted, None),
            target(
                "b",
                TargetState::Failed,
                Some("the server refused the post: too long"),
            ),
        ],
    );
    assert_eq!(
        notices.on(&done, en),
        Some(Notice {
            title: "Scheduled post partly sent".into(),
            body: "the server refused the post: too long".into(),
        })
    );
    // Each job notifies once.
    assert_eq!(notices.on(&done, en), None);
}

#[test]
fn sent_held_and_warned_items_notify_in_the_ui_language() {
    let zh = NativeText::of(LocalePreference::ZhHans);
    let mut notices = Notices::default();
    notices.on(
        &SchedulerEvent::Handed {
            schedule_id: "s1".into(),
            job_id: "job-2".into(),
        },
        zh,
    );
    let sent = notices
        .on(
            &finished("job-2", vec![target("a", TargetState::Posted, None)]),
            zh,
        )
        .unwrap();
    assert_eq!(
        (sent.title.as_str(), sent.body.as_str()),
        ("排程的帖子已发送", "已发布到 1 个账号。")
    );
    let held = notices
        .on(
            &SchedulerEvent::Held {
                schedule_id: "s2".into(),
            },
            zh,
        )
        .unwrap();
    assert_eq!(held.title, "排程的帖子已暂停");
    let warning = ErrorPayload {
        code: "schedule.preflight".into(),
        message: "alice.test (bluesky) must be signed in again".into(),
    };
    let warned = notices
        .on(
            &SchedulerEvent::Warning {
                schedule_id: "s3".into(),
                warning: Some(warning.clone()),
            },
            zh,
        )
        .unwrap();
    assert_eq!(warned.body, warning.message);
    let cleared = SchedulerEvent::Warning {
        schedule_id: "s3".into(),
        warning: None,
    };
    assert_eq!(notices.on(&cleared, zh), None);
}

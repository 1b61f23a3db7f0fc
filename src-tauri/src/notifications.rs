//! OS notifications for what the scheduler did while the user may be elsewhere: a scheduled
//! post sent (or partly, or not, with the reason), a warning found before its time, an item
//! held after Ferry was closed. Only jobs that came from scheduled items notify; "Post now"
//! shows its progress in the window.

use std::collections::HashSet;

use ferry_core::outbox::{PublishEvent, TargetState};
use ferry_core::schedule::SchedulerEvent;

use crate::native_text::NativeText;

/// A notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// Turns scheduler events into notices, remembering which jobs were scheduled items.
#[derive(Debug, Default)]
pub struct Notices {
    scheduled_jobs: HashSet<String>,
}

impl Notices {
    pub fn on(&mut self, event: &SchedulerEvent, text: &NativeText) -> Option<Notice> {
        let notice = |title: &str, body: &str| Notice {
            title: title.to_owned(),
            body: body.to_owned(),
        };
        match event {
            SchedulerEvent::Handed { job_id, .. } => {
                self.scheduled_jobs.insert(job_id.clone());
                None
            }
            SchedulerEvent::Failed { error, .. } => Some(notice(text.failed_title, &error.message)),
            SchedulerEvent::Warning {
                warning: Some(warning),
                ..
            } => Some(notice(text.warning_title, &warning.message)),
            SchedulerEvent::Warning { warning: None, .. } => None,
            SchedulerEvent::Held { .. } => Some(notice(text.held_title, text.held_body)),
            SchedulerEvent::Publish {
                event: PublishEvent::Finished(job),
            } if self.scheduled_jobs.remove(&job.id) => {
                let posted = job.count(TargetState::Posted);
                let reasons: Vec<&str> = job
                    .targets
                    .iter()
                    .filter_map(|t| t.error.as_ref().map(|e| e.message.as_str()))
                    .collect();
                if reasons.is_empty() {
                    let body = text.sent_body.replace("{posted}", &posted.to_string());
                    Some(notice(text.sent_title, &body))
                } else if posted > 0 {
                    Some(notice(text.partly_title, &reasons.join("\n")))
                } else {
                    Some(notice(text.failed_title, &reasons.join("\n")))
                }
            }
            SchedulerEvent::Publish { .. } => None,
            // The server posts these; the schedule screen shows them, no notice needed.
            SchedulerEvent::ToServers { .. } | SchedulerEvent::ServerCopy { .. } => None,
        }
    }
}

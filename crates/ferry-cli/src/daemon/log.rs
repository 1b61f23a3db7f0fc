//! The daemon's log: one line per event on stdout, prose or (with --json) a JSON object with
//! `at` (RFC 3339 UTC) and `kind`. Scheduler events keep the engine's shape (`handed`,
//! `held`, `failed`, `publish`); the daemon adds `started`, `stopping` and `stopped`. Target
//! progress that is not an outcome (queued, sending) is left out.

use std::io::Write;

use chrono::{DateTime, SecondsFormat, Utc};
use ferry_core::Store;
use ferry_core::outbox::{PublishEvent, TargetState};
use ferry_core::schedule::SchedulerEvent;
use serde::Serialize;
use serde_json::json;

#[derive(Clone, Copy)]
pub struct Log {
    pub json: bool,
}

#[derive(Serialize)]
struct Line<'a, T: Serialize> {
    at: DateTime<Utc>,
    #[serde(flatten)]
    event: &'a T,
}

impl Log {
    pub async fn started(self, store: &Store, resumed: usize) {
        let status = store.scheduler_status().await.ok();
        let (pending, held) = status.as_ref().map_or((0, 0), |s| (s.pending, s.held));
        let db = store.db_path().display().to_string();
        self.write(
            &json!({"kind": "started", "database": db, "pending": pending, "held": held,
                    "resumed_jobs": resumed, "pid": std::process::id()}),
            || {
                format!(
                    "started   scheduler on {db}: {pending} pending, {held} held, {resumed} \
                     unfinished post(s) resumed; stop with Ctrl-C or SIGTERM"
                )
            },
        );
    }

    pub fn stopping(self, signal: &str) {
        self.write(&json!({"kind": "stopping", "signal": signal}), || {
            format!("stopping  on {signal}: finishing posts under way (at most 30 s)")
        });
    }

    pub fn stopped(self) {
        self.write(&json!({"kind": "stopped"}), || "stopped".to_owned());
    }

    pub fn event(self, event: &SchedulerEvent) {
        if let SchedulerEvent::Publish {
            event: PublishEvent::Target(t),
        } = event
            && matches!(t.state, TargetState::Queued | TargetState::Sending)
        {
            return;
        }
        self.write(event, || prose(event));
    }

    fn write<T: Serialize>(self, value: &T, prose: impl FnOnce() -> String) {
        let now = Utc::now();
        let line = if self.json {
            serde_json::to_string(&Line {
                at: now,
                event: value,
            })
            .unwrap_or_default()
        } else {
            format!(
                "{} {}",
                now.to_rfc3339_opts(SecondsFormat::Secs, true),
                prose()
            )
        };
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

fn prose(event: &SchedulerEvent) -> String {
    match event {
        SchedulerEvent::Handed {
            schedule_id,
            job_id,
        } => format!("handed    {schedule_id} → job {job_id}"),
        SchedulerEvent::Held { schedule_id } => format!(
            "held      {schedule_id}: fell due longer ago than the catch-up window; decide with \
             `ferry schedule post-now|move|skip {schedule_id}`"
        ),
        SchedulerEvent::ToServers { schedule_id } => {
            format!("servers   {schedule_id}: every target is posted by its own Mastodon server")
        }
        SchedulerEvent::ServerCopy {
            schedule_id,
            account_id,
            state,
            reason,
        } => {
            let why = reason
                .as_ref()
                .map(|r| format!(": error[{}]: {}", r.code, r.message))
                .unwrap_or_default();
            format!(
                "server    {schedule_id} account {account_id}: {}{why}",
                state.as_str()
            )
        }
        SchedulerEvent::Failed { schedule_id, error } => format!(
            "failed    {schedule_id}: error[{}]: {}",
            error.code, error.message
        ),
        // Found before its time, while there is still time to fix it.
        SchedulerEvent::Warning {
            schedule_id,
            warning: Some(warning),
        } => format!(
            "warning   {schedule_id}: error[{}]: {}",
            warning.code, warning.message
        ),
        SchedulerEvent::Warning {
            schedule_id,
            warning: None,
        } => format!("ok        {schedule_id}: the earlier warning no longer applies"),
        SchedulerEvent::Publish {
            event: PublishEvent::Target(t),
        } => {
            let again = t
                .next_attempt_at
                .map(|at| {
                    format!(
                        " (next attempt {})",
                        at.to_rfc3339_opts(SecondsFormat::Secs, true)
                    )
                })
                .unwrap_or_default();
            format!(
                "target    job {} account {}: {}{again}",
                t.job_id,
                t.account_id,
                crate::post::progress_line(t).trim_end()
            )
        }
        SchedulerEvent::Publish {
            event: PublishEvent::Finished(status),
        } => {
            // Targets refused before sending (no variant for the audience, too long …) have no
            // progress event of their own: their reasons are here.
            let not_posted: Vec<String> = status
                .targets
                .iter()
                .filter(|t| t.state != TargetState::Posted)
                .map(|t| {
                    let why = t
                        .error
                        .as_ref()
                        .map(|e| format!(": error[{}]: {}", e.code, e.message))
                        .unwrap_or_default();
                    format!(
                        "{} {} {} account {}{why}",
                        t.state.as_str(),
                        t.network.name(),
                        t.lang,
                        t.account_id
                    )
                })
                .collect();
            let mut line = format!(
                "finished  job {} (draft {}): {} of {} target(s) posted",
                status.id,
                status.draft_id,
                status.count(TargetState::Posted),
                status.targets.len()
            );
            if !not_posted.is_empty() {
                line.push_str("; ");
                line.push_str(&not_posted.join("; "));
            }
            line
        }
    }
}

//! Scheduled items for people: the chosen time in its zone, the instant in UTC, and each
//! target's time in its audience zone, so "09:00 New York" and "22:00 Shanghai" are seen
//! side by side.

use chrono::{DateTime, Utc};
use ferry_core::schedule::{
    Schedule, ScheduleTarget, SchedulerStatus, ServerCopyState, wall_in, zone,
};

/// `0192… for 2027-03-15 09:00 America/New_York (13:00 UTC) → @alice.test (22:00 Asia/Shanghai)`
pub fn describe(item: &Schedule) -> String {
    let date = day_of(&item.wall_time);
    let targets: Vec<String> = item
        .targets
        .iter()
        .map(|t| target(t, item.due_at, date))
        .collect();
    format!(
        "{} for {} {} ({} UTC) → {}",
        item.id,
        short(&item.wall_time, None),
        item.tz,
        short(&utc_wall(item.due_at), Some(date)),
        if targets.is_empty() {
            "no accounts".to_owned()
        } else {
            targets.join(", ")
        }
    )
}

/// One line of `ferry schedule list`: state first, then as [`describe`], then any reason.
pub fn line(item: &Schedule) -> String {
    let mut text = format!("{:<9} {}", item.state.as_str(), describe(item));
    for t in &item.targets {
        if let Some(state) = t.state {
            text.push_str(&format!("\n          {:<8} {}", state.as_str(), handle(t)));
            if let Some(url) = &t.remote_url {
                text.push_str(&format!("  {url}"));
            }
            if let Some(err) = &t.error {
                text.push_str(&format!("  error[{}]: {}", err.code, err.message));
            }
        }
    }
    if let Some(err) = &item.error {
        text.push_str(&format!("\n          error[{}]: {}", err.code, err.message));
    }
    text
}

/// What `ferry schedule status` says: whether anything is sending, what is next, what waits.
pub fn status(s: &SchedulerStatus) -> String {
    let mut lines = Vec::new();
    lines.push(match (s.running, s.last_run_at) {
        (true, Some(at)) => format!(
            "scheduler running ({}), last ran {} s ago",
            s.last_run_by.as_deref().unwrap_or("?"),
            (Utc::now() - at).num_seconds().max(0)
        ),
        (false, Some(at)) => format!(
            "WARNING: no scheduler is running (last ran {} by {}): nothing goes out until the \
             app or `ferry daemon` runs",
            at.format("%Y-%m-%d %H:%M:%S UTC"),
            s.last_run_by.as_deref().unwrap_or("?")
        ),
        (_, None) => "WARNING: no scheduler has ever run on this database: nothing goes out \
                      until the app or `ferry daemon` runs"
            .to_owned(),
    });
    match &s.next {
        Some(next) => lines.push(format!("next: {}", describe(next))),
        None => lines.push("next: nothing scheduled".to_owned()),
    }
    lines.push(format!(
        "{} pending, {} held (late past the {}-minute catch-up window; see `ferry schedule list \
         --state held`)",
        s.pending, s.held, s.catch_up_minutes
    ));
    lines.join("\n")
}

fn target(t: &ScheduleTarget, due: DateTime<Utc>, date: &str) -> String {
    let name = handle(t);
    let server = match t.server_copy.as_ref().map(|c| c.state) {
        Some(ServerCopyState::Kept | ServerCopyState::Creating) => " [kept by its server]",
        Some(ServerCopyState::Posted) => " [posted by its server]",
        Some(ServerCopyState::Removed) => " [removed on its server]",
        _ => "",
    };
    format!("{}{server}", when_for(t, name, due, date))
}

fn when_for(t: &ScheduleTarget, name: String, due: DateTime<Utc>, date: &str) -> String {
    match t
        .audience_tz
        .as_deref()
        .and_then(|tz| Some((tz, zone(tz).ok()?)))
    {
        Some((name_tz, tz)) => {
            let (wall, _) = wall_in(&tz, due);
            format!("{name} ({} {name_tz})", short(&wall, Some(date)))
        }
        None => name,
    }
}

/// `@alice.test`, `npub1jsez02h4…k9y3q`, or the account id when the account was removed.
fn handle(t: &ScheduleTarget) -> String {
    match &t.handle {
        // An npub is 63 characters; its ends are enough to tell accounts apart.
        Some(h) if h.starts_with("npub") && h.is_ascii() && h.len() > 20 => {
            format!("{}…{}", &h[..12], &h[h.len() - 6..])
        }
        Some(h) if h.starts_with('@') || h.starts_with("npub") => h.clone(),
        Some(h) => format!("@{h}"),
        None => format!("{} (removed account)", t.account_id),
    }
}

fn utc_wall(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn day_of(wall: &str) -> &str {
    wall.split('T').next().unwrap_or(wall)
}

/// `2027-03-15T09:00:00` → `2027-03-15 09:00`, or `09:00` when on `same_day`; seconds only
/// when there are some.
fn short(wall: &str, same_day: Option<&str>) -> String {
    let (date, time) = wall.split_once('T').unwrap_or(("", wall));
    let time = time
        .strip_suffix(":00")
        .filter(|t| t.len() == 5)
        .unwrap_or(time);
    if same_day == Some(date) {
        time.to_owned()
    } else {
        format!("{date} {time}")
    }
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn short_drops_the_date_on_the_same_day_and_zero_seconds() {
        assert_eq!(short("2027-03-15T09:00:00", None), "2027-03-15 09:00");
        assert_eq!(short("2027-03-15T09:00:00", Some("2027-03-15")), "09:00");
        assert_eq!(
            short("2027-03-15T22:00:30", Some("2027-03-14")),
            "2027-03-15 22:00:30"
        );
    }
}

//! Weekly queue slots: "Mondays 09:00 in America/New_York" for one account. A slot is a wall
//! time in a zone, resolved for each week on its own, so 09:00 New York stays 09:00 New York
//! across DST. "Add to queue" gives each account of a draft its own next free slot, so the
//! Chinese variant can go at 20:00 Beijing and the English one at 09:00 New York.
//!
//! Two rules for slot times DST touches, stated because a slot repeats without asking:
//! a slot inside a gap is skipped that week (the hour does not exist), and a slot inside a
//! fold takes the first of its two instants.

use chrono::{DateTime, Duration, Utc};
use jiff::civil::{self, Weekday};
use jiff::tz::AmbiguousOffset;

use super::error::ScheduleError;
use super::model::{NewSchedule, QueueSlot, Schedule};
use super::wall_time::{Resolved, fmt_offset, fmt_wall, from_timestamp, timestamp, zone};
use crate::Store;
use crate::clock;

/// A slot is taken when the account has an item this close to it.
const TAKEN_WITHIN: Duration = Duration::minutes(5);
/// How far ahead "next free slot" looks.
pub const SLOT_HORIZON_DAYS: u32 = 28;

const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

fn parse_day(day: &str) -> Result<i64, ScheduleError> {
    let lower = day.trim().to_ascii_lowercase();
    DAYS.iter()
        .position(|(name, weekday)| {
            lower == *name || lower == format!("{weekday:?}").to_ascii_lowercase()
        })
        .map(|i| i as i64 + 1)
        .ok_or_else(|| ScheduleError::BadSlot {
            reason: format!("unknown day {day:?}: use mon, tue, wed, thu, fri, sat or sun"),
        })
}

fn parse_minute(time: &str) -> Result<i64, ScheduleError> {
    let bad = || ScheduleError::BadSlot {
        reason: format!("bad slot time {time:?}: use HH:MM, e.g. 09:00"),
    };
    let (h, m) = time.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (i64, i64) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(0..24).contains(&h) || !(0..60).contains(&m) || time.trim().len() > 5 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

type SlotRow = (String, String, i64, i64, String);

fn slot_of((id, account_id, weekday, minute, tz): SlotRow) -> QueueSlot {
    let day = DAYS
        .get(usize::try_from(weekday - 1).unwrap_or(0))
        .map_or("mon", |(name, _)| name);
    QueueSlot {
        id,
        account_id,
        day: day.to_owned(),
        time: format!("{:02}:{:02}", minute / 60, minute % 60),
        tz,
    }
}

impl Store {
    /// Adds a weekly slot; `tz` defaults to the account's audience zone.
    pub async fn add_slot(
        &self,
        account_id: &str,
        day: &str,
        time: &str,
        tz: Option<&str>,
    ) -> Result<QueueSlot, ScheduleError> {
        self.account(account_id).await?;
        let weekday = parse_day(day)?;
        let minute = parse_minute(time)?;
        let tz = match tz {
            Some(tz) => tz.to_owned(),
            None => self
                .account_zones()
                .await?
                .remove(account_id)
                .unwrap_or_else(super::zones::system_zone),
        };
        zone(&tz)?;
        let id = uuid::Uuid::now_v7().to_string();
        sqlx::query(
            "INSERT INTO queue_slots (id, account_id, weekday, minute, tz, created_at) \
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(&id)
        .bind(account_id)
        .bind(weekday)
        .bind(minute)
        .bind(&tz)
        .bind(clock::to_db(clock::now()))
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        let row: SlotRow = sqlx::query_as(
            "SELECT id, account_id, weekday, minute, tz FROM queue_slots \
             WHERE account_id = ? AND weekday = ? AND minute = ? AND tz = ?",
        )
        .bind(account_id)
        .bind(weekday)
        .bind(minute)
        .bind(&tz)
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(slot_of(row))
    }

    /// Every slot, by account, day and time.
    pub async fn list_slots(&self) -> Result<Vec<QueueSlot>, ScheduleError> {
        let rows: Vec<SlotRow> = sqlx::query_as(
            "SELECT id, account_id, weekday, minute, tz FROM queue_slots \
             ORDER BY account_id, weekday, minute",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(rows.into_iter().map(slot_of).collect())
    }

    pub async fn remove_slot(&self, id: &str) -> Result<(), ScheduleError> {
        let done = sqlx::query("DELETE FROM queue_slots WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        if done.rows_affected() == 0 {
            return Err(ScheduleError::SlotNotFound { id: id.to_owned() });
        }
        Ok(())
    }

    /// The account's first slot after `after` with no item of that account near it.
    pub async fn next_free_slot(
        &self,
        account_id: &str,
        after: DateTime<Utc>,
    ) -> Result<Resolved, ScheduleError> {
        let slots: Vec<QueueSlot> = self
            .list_slots()
            .await?
            .into_iter()
            .filter(|s| s.account_id == account_id)
            .collect();
        let mut candidates = Vec::new();
        for slot in &slots {
            candidates.extend(occurrences(slot, after, SLOT_HORIZON_DAYS)?);
        }
        candidates.sort_by_key(|c| c.due);
        for candidate in candidates {
            if !self.account_busy_near(account_id, candidate.due).await? {
                return Ok(candidate);
            }
        }
        Err(ScheduleError::NoFreeSlot {
            account: account_id.to_owned(),
            days: SLOT_HORIZON_DAYS,
        })
    }

    /// "Add to queue": each account gets its own item at its own next free slot. Every
    /// account must have a free slot, or nothing is stored.
    pub async fn schedule_next_slots(
        &self,
        draft_id: &str,
        to: &[String],
        accept_x_cost: bool,
    ) -> Result<Vec<Schedule>, ScheduleError> {
        let draft = self.get_draft(draft_id).await?;
        let all = self.list_accounts().await?;
        let accounts = super::rows::accounts_of(&draft, to, &all)?;
        let now = clock::now();
        let mut plans = Vec::new();
        for account in &accounts {
            plans.push((account.clone(), self.next_free_slot(account, now).await?));
        }
        let mut out = Vec::new();
        for (account, resolved) in plans {
            let new = NewSchedule {
                draft_id: draft.id.clone(),
                at: resolved.wall_time.clone(),
                tz: resolved.zone.clone(),
                to: vec![account],
                mapping: Vec::new(),
                accept_x_cost,
            };
            out.push(self.add_resolved_schedule(&new, &resolved).await?);
        }
        Ok(out)
    }

    async fn account_busy_near(
        &self,
        account_id: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, ScheduleError> {
        let busy: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM schedules s WHERE s.due_at > ? AND s.due_at < ? \
             AND s.state IN ('scheduled', 'claimed', 'held', 'handed') \
             AND EXISTS (SELECT 1 FROM json_each(s.accounts_json) WHERE value = ?))",
        )
        .bind(clock::to_db(at - TAKEN_WITHIN))
        .bind(clock::to_db(at + TAKEN_WITHIN))
        .bind(account_id)
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(busy)
    }
}

/// A slot's instants after `after`, for `days` days, by the rules in the module docs.
pub fn occurrences(
    slot: &QueueSlot,
    after: DateTime<Utc>,
    days: u32,
) -> Result<Vec<Resolved>, ScheduleError> {
    let tz = zone(&slot.tz)?;
    let weekday = parse_day(&slot.day)?;
    let minute = parse_minute(&slot.time)?;
    let start = tz.to_datetime(timestamp(after)).date();
    let mut out = Vec::new();
    for offset in 0..=i64::from(days) {
        let Ok(date) = start.checked_add(jiff::Span::new().days(offset)) else {
            break;
        };
        if i64::from(date.weekday().to_monday_one_offset()) != weekday {
            continue;
        }
        let wall: civil::DateTime = date.at((minute / 60) as i8, (minute % 60) as i8, 0, 0);
        let ambiguous = tz.to_ambiguous_timestamp(wall);
        let chosen = match ambiguous.offset() {
            AmbiguousOffset::Unambiguous { offset } => offset,
            AmbiguousOffset::Fold { before, .. } => before,
            AmbiguousOffset::Gap { .. } => continue,
        };
        let Ok(ts) = chosen.to_timestamp(wall) else {
            continue;
        };
        let due = from_timestamp(ts);
        if due <= after {
            continue;
        }
        out.push(Resolved {
            due,
            zone: slot.tz.clone(),
            wall_time: fmt_wall(wall),
            offset: fmt_offset(chosen),
        });
    }
    Ok(out)
}

//! Scheduling: the Schedule screen's list and status, the composer's "Schedule…" dialog
//! (checking a wall time in a zone, adding, "add to queue"), moving and cancelling, the answers
//! to a held item, queue slots and audience zones. Every change wakes the app's scheduler loop
//! (started by the first of these calls), so an item due in ten seconds is not left to the
//! next 30-second pass.

use ferry_core::schedule::{
    NewSchedule, QueueSlot, Schedule, ScheduleFilter, SchedulerStatus, TimeChoice, WallTimeCheck,
};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::CommandResult;
use crate::open_store::OpenStore;
use crate::scheduling::Scheduling;

/// An account's scheduling settings: its audience zone (for the picker's side-by-side times)
/// and, for a Mastodon account, whether its server keeps scheduled posts.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountZone {
    pub account_id: String,
    pub tz: String,
    /// `None` for accounts on networks without a server-side schedule.
    pub server_schedule: Option<bool>,
}

#[ferry_macros::command]
pub async fn scheduler_status<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    scheduling: State<'_, Scheduling>,
) -> CommandResult<SchedulerStatus> {
    scheduling.ensure_started(&app, &store);
    Ok(store.scheduler_status().await?)
}

#[ferry_macros::command]
pub async fn list_schedules(
    store: OpenStore,
    filter: ScheduleFilter,
) -> CommandResult<Vec<Schedule>> {
    Ok(store.list_schedules(&filter).await?)
}

/// What a wall time is in its zone: one instant, two (a DST fold: the picker offers both),
/// or none (a gap). Refuses an unknown zone or unreadable time.
#[ferry_macros::command]
pub fn check_wall_time(at: String, tz: String) -> CommandResult<WallTimeCheck> {
    Ok(TimeChoice::parse(&at, &tz)?.check())
}

#[ferry_macros::command]
pub async fn add_schedule<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    scheduling: State<'_, Scheduling>,
    schedule: NewSchedule,
) -> CommandResult<Schedule> {
    let added = store.add_schedule(&schedule).await?;
    scheduling.ensure_started(&app, &store);
    Ok(added)
}

/// "Add to queue": each account at its own next free slot.
#[ferry_macros::command]
pub async fn schedule_next_slots<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    scheduling: State<'_, Scheduling>,
    draft_id: String,
    to: Vec<String>,
    accept_x_cost: bool,
) -> CommandResult<Vec<Schedule>> {
    let added = store
        .schedule_next_slots(&draft_id, &to, accept_x_cost)
        .await?;
    scheduling.ensure_started(&app, &store);
    Ok(added)
}

#[ferry_macros::command]
pub async fn move_schedule<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    scheduling: State<'_, Scheduling>,
    id: String,
    at: String,
    tz: String,
) -> CommandResult<Schedule> {
    let moved = store.move_schedule(&id, &at, &tz).await?;
    scheduling.ensure_started(&app, &store);
    Ok(moved)
}

/// Cancels an item; the loop is woken so a copy on a Mastodon server is withdrawn at once.
#[ferry_macros::command]
pub async fn cancel_schedule<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    scheduling: State<'_, Scheduling>,
    id: String,
) -> CommandResult<Schedule> {
    let cancelled = store.cancel_schedule(&id).await?;
    scheduling.ensure_started(&app, &store);
    Ok(cancelled)
}

/// Whether a Mastodon account hands scheduled posts to its server; the loop is woken to hand
/// over (or take back) copies at once.
#[ferry_macros::command]
pub async fn set_server_schedule<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    scheduling: State<'_, Scheduling>,
    account_id: String,
    on: bool,
) -> CommandResult<()> {
    store.set_server_schedule(&account_id, on).await?;
    scheduling.ensure_started(&app, &store);
    Ok(())
}

/// A held item (fell due while Ferry was closed): send it now, however late.
#[ferry_macros::command]
pub async fn post_held_now<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    scheduling: State<'_, Scheduling>,
    id: String,
) -> CommandResult<Schedule> {
    let released = store.release_held(&id).await?;
    scheduling.ensure_started(&app, &store);
    Ok(released)
}

#[ferry_macros::command]
pub async fn skip_held(store: OpenStore, id: String) -> CommandResult<Schedule> {
    Ok(store.skip_held(&id).await?)
}

/// The catch-up window: items at most this many minutes late go out by themselves.
#[ferry_macros::command]
pub async fn set_catch_up_minutes(store: OpenStore, minutes: u32) -> CommandResult<u32> {
    Ok(store.set_catch_up_minutes(minutes).await?)
}

#[ferry_macros::command]
pub async fn account_zones(store: OpenStore) -> CommandResult<Vec<AccountZone>> {
    let switches = store.server_schedule_switches().await?;
    let mut zones: Vec<AccountZone> = store
        .account_zones()
        .await?
        .into_iter()
        .map(|(account_id, tz)| AccountZone {
            server_schedule: switches.get(&account_id).copied(),
            account_id,
            tz,
        })
        .collect();
    zones.sort_by(|a, b| a.account_id.cmp(&b.account_id));
    Ok(zones)
}

/// Sets an account's audience zone; `null` goes back to the default.
#[ferry_macros::command]
pub async fn set_account_zone(
    store: OpenStore,
    account_id: String,
    tz: Option<String>,
) -> CommandResult<String> {
    Ok(store.set_account_zone(&account_id, tz.as_deref()).await?)
}

/// The computer's IANA zone: the picker's default.
#[ferry_macros::command]
pub fn system_zone() -> String {
    ferry_core::schedule::system_zone()
}

#[ferry_macros::command]
pub async fn list_slots(store: OpenStore) -> CommandResult<Vec<QueueSlot>> {
    Ok(store.list_slots().await?)
}

#[ferry_macros::command]
pub async fn add_slot(
    store: OpenStore,
    account_id: String,
    day: String,
    time: String,
    tz: Option<String>,
) -> CommandResult<QueueSlot> {
    Ok(store
        .add_slot(&account_id, &day, &time, tz.as_deref())
        .await?)
}

#[ferry_macros::command]
pub async fn remove_slot(store: OpenStore, id: String) -> CommandResult<()> {
    Ok(store.remove_slot(&id).await?)
}

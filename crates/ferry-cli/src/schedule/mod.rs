//! `ferry schedule …`: when a draft goes out, on the same database as the desktop app. A
//! schedule decides only *when*; the outbox still decides *how* (exactly once per target).
//!
//! ```text
//! ferry schedule add "$draft" --at 2027-03-15T09:00 --tz America/New_York --json
//! ferry schedule add "$draft" --at 2027-11-07T01:30-05:00 --tz America/New_York  # a DST fold
//! ferry schedule add "$draft" --next-slot --to "$bsky,$nostr"   # each account's next free slot
//! ferry schedule list --state scheduled,held --json
//! ferry schedule move "$id" --at 2027-03-16T20:00 --tz Asia/Shanghai
//! ferry schedule cancel "$id"
//! ferry schedule post-now "$id"   # a held item (fell due while nothing ran): send it anyway
//! ferry schedule skip "$id"       # a held item: never send it
//! ferry schedule status --json    # is a scheduler running, what is next, what is held
//! ferry schedule server "$mastodon" off   # keep this account's items off its server's schedule
//! ```
//!
//! Mastodon's own schedule: a Mastodon target at least 7 minutes ahead is handed to its server
//! (on by default per account), which posts it even while nothing of Ferry runs; `list` shows
//! each target's `server_copy` and `needs_ferry`. `move` and `cancel` bring the server's copy
//! along at once (`server_copies.rs`).
//!
//! Wall times are never guessed: a time that does not exist in its zone (a DST gap), one that
//! exists twice (a fold, unless `--at` carries the offset), a past time and an unknown zone are
//! refused with exit status 1, and nothing is stored. Something must run the scheduler for an
//! item to go out: the desktop app or `ferry daemon` (`ferry schedule status` says which ran
//! last).

mod human;
mod server_copies;

use std::process::ExitCode;

use ferry_core::Store;
use ferry_core::schedule::{NewSchedule, ScheduleFilter, ScheduleState};

use crate::cli_error::CliError;
use crate::database::{DataArgs, open_store};
use crate::output::{Failure, Out, exit};

#[derive(clap::Args)]
#[command(
    after_help = "Errors go to stderr as `error[code]: message`, or with --json as \
    {\"code\",\"message\"}; the exit status is 1 (a refused time stores nothing). Items go out \
    only while the desktop app or `ferry daemon` runs; a running one looks at least every 30 s."
)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Schedule a draft at a wall time in a zone, or at each account's next free queue slot.
    Add(AddArgs),
    /// List scheduled items, soonest first.
    List(ListArgs),
    /// Move a scheduled or held item to another time.
    Move(MoveArgs),
    /// Cancel a scheduled or held item (one already handed to the outbox cannot be called back).
    Cancel(IdArg),
    /// A held item (it fell due while nothing was running): send it now, however late.
    PostNow(IdArg),
    /// A held item: never send it.
    Skip(IdArg),
    /// Is a scheduler running on this database, what goes out next, what is held.
    Status,
    /// Whether a Mastodon account hands scheduled posts to its server (on by default), which
    /// then posts them even while Ferry is closed.
    Server(ServerArgs),
}

#[derive(clap::Args)]
struct ServerArgs {
    /// The Mastodon account's id (from `ferry accounts list`).
    account_id: String,
    #[arg(value_parser = ["on", "off"])]
    switch: String,
}

#[derive(clap::Args)]
struct AddArgs {
    /// The draft's id (from `ferry drafts list`).
    draft_id: String,
    /// The wall time, `YYYY-MM-DDTHH:MM[:SS][±HH:MM]` (the offset picks one side of a DST fold).
    #[arg(long, value_name = "TIME", required_unless_present = "next_slot")]
    at: Option<String>,
    /// The IANA zone the time is in, e.g. America/New_York or Asia/Shanghai.
    #[arg(long, value_name = "ZONE", required_unless_present = "next_slot")]
    tz: Option<String>,
    /// Each account gets its own item at its next free queue slot (`ferry slots add`); prints
    /// one item per account (with --json: an array).
    #[arg(long, conflicts_with_all = ["at", "tz"])]
    next_slot: bool,
    /// Send to these accounts (comma-separated ids) instead of the draft's targets.
    #[arg(long, value_delimiter = ',', value_name = "ACCOUNT-ID")]
    to: Vec<String>,
    /// Accept what posting to X costs as the draft is now (X charges your app per post;
    /// without this flag an item with an X account is refused, naming the price). Should the
    /// draft cost more at its time, its X targets are not sent.
    #[arg(long)]
    accept_x_cost: bool,
}

#[derive(clap::Args)]
struct ListArgs {
    /// Only items in these states (comma-separated): scheduled, claimed, handed, held,
    /// skipped, cancelled, failed.
    #[arg(long, value_delimiter = ',', value_name = "STATE")]
    state: Vec<String>,
    /// Only the items of this draft.
    #[arg(long, value_name = "DRAFT-ID")]
    draft: Option<String>,
}

#[derive(clap::Args)]
struct MoveArgs {
    /// The item's id (from `ferry schedule list`).
    id: String,
    /// The new wall time, `YYYY-MM-DDTHH:MM[:SS][±HH:MM]`.
    #[arg(long, value_name = "TIME")]
    at: String,
    /// The IANA zone of the new time.
    #[arg(long, value_name = "ZONE")]
    tz: String,
}

#[derive(clap::Args)]
struct IdArg {
    /// The item's id (from `ferry schedule list`).
    id: String,
}

pub async fn run(args: Args) -> ExitCode {
    let out = Out {
        json: args.data.json,
    };
    exit(out.json, dispatch(out, args).await)
}

async fn dispatch(out: Out, args: Args) -> Result<ExitCode, Failure> {
    // Checked before opening anything, so a typo never creates a data folder.
    let states = parse_states(&args.command)?;
    let store = open_store(args.data.data_dir).await?;
    let result = match args.command {
        Command::Add(a) => add(out, &store, a).await,
        Command::List(a) => list(out, &store, a, states).await,
        Command::Move(a) => {
            store.move_schedule(&a.id, &a.at, &a.tz).await?;
            let (item, note) = server_copies::follow(&store, &a.id).await?;
            Ok(out.emit(&item, || format!("moved {}{note}", human::describe(&item))))
        }
        Command::Cancel(a) => {
            store.cancel_schedule(&a.id).await?;
            let (item, note) = server_copies::follow(&store, &a.id).await?;
            Ok(out.emit(&item, || {
                format!("cancelled {}{note}", human::describe(&item))
            }))
        }
        Command::Server(a) => {
            store
                .set_server_schedule(&a.account_id, a.switch == "on")
                .await?;
            let on = a.switch == "on";
            let value = serde_json::json!({"account_id": a.account_id, "server_schedule": on});
            Ok(out.emit(&value, || {
                if on {
                    format!(
                        "{}: scheduled posts go to its server's own schedule",
                        a.account_id
                    )
                } else {
                    format!(
                        "{}: scheduled posts stay with Ferry (copies on its server are taken \
                         back at the next pass)",
                        a.account_id
                    )
                }
            }))
        }
        Command::PostNow(a) => {
            let item = store.release_held(&a.id).await?;
            Ok(out.emit(&item, || {
                format!(
                    "released {}; it goes out at the scheduler's next pass (within 30 s while \
                     the app or `ferry daemon` runs)",
                    item.id
                )
            }))
        }
        Command::Skip(a) => {
            let item = store.skip_held(&a.id).await?;
            Ok(out.emit(&item, || format!("skipped {}", item.id)))
        }
        Command::Status => {
            let status = store.scheduler_status().await?;
            Ok(out.emit(&status, || human::status(&status)))
        }
    };
    store.close().await;
    result
}

fn parse_states(command: &Command) -> Result<Vec<ScheduleState>, Failure> {
    let Command::List(a) = command else {
        return Ok(Vec::new());
    };
    a.state
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| {
            ScheduleState::parse(s).ok_or_else(|| {
                let known: Vec<&str> = ScheduleState::ALL.iter().map(|s| s.as_str()).collect();
                CliError::Invalid(format!(
                    "--state: unknown state {s:?}; known: {}",
                    known.join(", ")
                ))
                .into()
            })
        })
        .collect()
}

async fn add(out: Out, store: &Store, args: AddArgs) -> Result<ExitCode, Failure> {
    if args.next_slot {
        let items = store
            .schedule_next_slots(&args.draft_id, &args.to, args.accept_x_cost)
            .await?;
        return Ok(out.emit(&items, || {
            items
                .iter()
                .map(|item| format!("scheduled {}", human::describe(item)))
                .collect::<Vec<_>>()
                .join("\n")
        }));
    }
    let (Some(at), Some(tz)) = (args.at, args.tz) else {
        return Err(CliError::Usage("give --at and --tz, or --next-slot").into());
    };
    let item = store
        .add_schedule(&NewSchedule {
            draft_id: args.draft_id,
            at,
            tz,
            to: args.to,
            mapping: Vec::new(),
            accept_x_cost: args.accept_x_cost,
        })
        .await?;
    Ok(out.emit(&item, || format!("scheduled {}", human::describe(&item))))
}

async fn list(
    out: Out,
    store: &Store,
    args: ListArgs,
    states: Vec<ScheduleState>,
) -> Result<ExitCode, Failure> {
    let items = store
        .list_schedules(&ScheduleFilter {
            states,
            draft_id: args.draft,
            ..Default::default()
        })
        .await?;
    Ok(out.emit(&items, || {
        if items.is_empty() {
            return "nothing scheduled; add an item with `ferry schedule add`".to_owned();
        }
        items.iter().map(human::line).collect::<Vec<_>>().join("\n")
    }))
}

//! `ferry slots …`: weekly queue slots per account, kept in a zone (by default the account's
//! audience zone), so "Mon 09:00 New York" stays 09:00 in New York across DST changes.
//! `ferry schedule add "$draft" --next-slot` gives each target account its next free slot.
//!
//! ```text
//! ferry slots add "$bsky" --day mon --time 09:00 --tz America/New_York --json
//! ferry slots add "$nostr" --day tue --time 20:00          # in the account's audience zone
//! ferry slots list --json
//! ferry slots remove "$slot"
//! ```

use std::process::ExitCode;

use chrono::Utc;
use ferry_core::Store;
use ferry_core::schedule::{QueueSlot, occurrences};
use serde::Serialize;

use crate::database::{DataArgs, open_store};
use crate::output::{Failure, Out, exit};

#[derive(clap::Args)]
#[command(
    after_help = "Errors go to stderr as `error[code]: message`, or with --json as \
    {\"code\",\"message\"}; the exit status is 1."
)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Add a weekly slot to an account (adding one that exists prints the existing one).
    Add(AddArgs),
    /// List every slot, by account, day and time, with its next occurrence.
    List,
    /// Remove a slot (items already scheduled in it stay).
    Remove(IdArg),
}

#[derive(clap::Args)]
struct AddArgs {
    /// The account's id (from `ferry accounts list`).
    account_id: String,
    /// The weekday: mon, tue, wed, thu, fri, sat, sun.
    #[arg(long)]
    day: String,
    /// The wall time, `HH:MM`.
    #[arg(long)]
    time: String,
    /// The IANA zone [default: the account's audience zone, `ferry accounts zone`].
    #[arg(long, value_name = "ZONE")]
    tz: Option<String>,
}

#[derive(clap::Args)]
struct IdArg {
    /// The slot's id (from `ferry slots list`).
    id: String,
}

#[derive(Serialize)]
struct Removed<'a> {
    id: &'a str,
    removed: bool,
}

pub async fn run(args: Args) -> ExitCode {
    let out = Out {
        json: args.data.json,
    };
    exit(out.json, dispatch(out, args).await)
}

async fn dispatch(out: Out, args: Args) -> Result<ExitCode, Failure> {
    let store = open_store(args.data.data_dir).await?;
    let result = run_on(out, &store, args.command).await;
    store.close().await;
    result
}

async fn run_on(out: Out, store: &Store, command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Add(a) => {
            let slot = store
                .add_slot(&a.account_id, &a.day, &a.time, a.tz.as_deref())
                .await?;
            Ok(out.emit(&slot, || format!("slot {}", describe(&slot))))
        }
        Command::List => {
            let slots = store.list_slots().await?;
            Ok(out.emit(&slots, || {
                if slots.is_empty() {
                    return "no queue slots; add one with `ferry slots add <account-id> --day \
                            mon --time 09:00`"
                        .to_owned();
                }
                slots.iter().map(describe).collect::<Vec<_>>().join("\n")
            }))
        }
        Command::Remove(a) => {
            store.remove_slot(&a.id).await?;
            Ok(out.emit(
                &Removed {
                    id: &a.id,
                    removed: true,
                },
                || format!("removed slot {}", a.id),
            ))
        }
    }
}

/// `0193…  account 0192…  every mon 09:00 America/New_York  (next: 2027-03-15 09:00 -04:00)`
fn describe(slot: &QueueSlot) -> String {
    let next = occurrences(slot, Utc::now(), 7)
        .ok()
        .and_then(|all| all.into_iter().next())
        .map(|r| {
            let wall = r.wall_time.replacen('T', " ", 1);
            let wall = wall.strip_suffix(":00").unwrap_or(&wall);
            format!("  (next: {wall} {})", r.offset)
        })
        .unwrap_or_default();
    format!(
        "{}  account {}  every {} {} {}{next}",
        slot.id, slot.account_id, slot.day, slot.time, slot.tz
    )
}

//! `ferry accounts …`: add, list and remove the accounts Ferry posts to, without a terminal
//! prompt (secrets come on stdin), on the same database and keychain as the desktop app.
//!
//! ```text
//! printf '%s' "$APP_PASSWORD" | ferry accounts add bluesky --pds https://bsky.social \
//!     --handle alice.bsky.social --password-stdin --audience zh-Hans --json
//! ferry accounts add nostr --generate --relay wss://relay.damus.io,wss://nos.lol --json
//! ferry accounts add mastodon --instance https://mastodon.social --json   # browser sign-in
//! ferry accounts add mastodon --instance https://mastodon.social --code-stdin < code.txt
//! ferry accounts list --json
//! ferry accounts audience "$id" en,zh-Hant
//! ferry accounts zone "$id" America/New_York   # its audience zone (slots, times shown)
//! ferry accounts remove "$id"        # its keychain secrets too
//! ```
//!
//! Adding an account that is already here signs it in again (a `needs_reauth` account becomes
//! active). Secrets go to the OS keychain (or the encrypted file with
//! FERRY_SECRETS_BACKEND=file); the database keeps only handles, servers and settings.

mod add;
mod add_x;
mod open;

use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::accounts::{Account, Accounts, parse_audience};
use serde::Serialize;

use crate::output::{Failure, Out, fail};
pub(crate) use open::{accounts_of, open_accounts};

#[derive(clap::Args)]
#[command(
    after_help = "Errors go to stderr as `error[code]: message`, or with --json as \
    {\"code\",\"message\"}; the exit status is 1. Secrets are read from stdin, never from \
    arguments (they would show in the process list and shell history)."
)]
pub struct Args {
    /// Print results as one line of JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Sign in to an account and add it (or sign an existing one in again); prints its id.
    #[command(subcommand)]
    Add(add::Network),
    /// List the accounts, in the order they were added.
    List,
    /// Remove an account and its secrets from the keychain (posts stay where they are).
    Remove(IdArg),
    /// Set which variants of a draft an account gets, e.g. `zh-Hans` or `en,zh-Hant`
    /// (an empty list: the draft's main variant).
    Audience(AudienceArgs),
    /// Show or set the zone an account's audience lives in: its queue slots are kept there
    /// and schedules show its time there (default: Asia/Shanghai for a zh-Hans audience,
    /// this computer's zone otherwise).
    Zone(ZoneArgs),
    /// Send a Nostr account's pictures to its own Blossom or NIP-96 media server (which one
    /// is found from the server; checked with a one-pixel upload signed with the account's
    /// key), or with --off back to the media host.
    #[command(alias = "blossom")]
    MediaServer(MediaServerArgs),
}

#[derive(clap::Args)]
struct MediaServerArgs {
    id: String,
    /// The server, e.g. https://blossom.example or https://nostr.build.
    #[arg(required_unless_present = "off", conflicts_with = "off")]
    server: Option<String>,
    #[arg(long)]
    off: bool,
}

#[derive(clap::Args)]
struct ZoneArgs {
    id: String,
    /// An IANA zone, e.g. America/New_York; none: print the current one.
    #[arg(conflicts_with = "default")]
    zone: Option<String>,
    /// Go back to the default zone.
    #[arg(long)]
    default: bool,
}

#[derive(Serialize)]
struct AccountZone<'a> {
    id: &'a str,
    zone: String,
}

#[derive(clap::Args)]
struct IdArg {
    /// The account's id (from `ferry accounts list`).
    id: String,
}

#[derive(clap::Args)]
struct AudienceArgs {
    id: String,
    /// Comma-separated language tags.
    #[arg(default_value = "")]
    languages: String,
}

pub async fn run(args: Args) -> ExitCode {
    let out = Out { json: args.json };
    match dispatch(out, args).await {
        Ok(code) => code,
        Err(failure) => fail(out.json, &failure),
    }
}

async fn dispatch(out: Out, args: Args) -> Result<ExitCode, Failure> {
    let accounts = open_accounts(args.data_dir).await?;
    let result = match args.command {
        Command::Add(network) => add::run(out, &accounts, network).await,
        Command::List => list(out, &accounts).await,
        Command::Remove(a) => remove(out, &accounts, &a.id).await,
        Command::Audience(a) => audience(out, &accounts, a).await,
        Command::Zone(a) => zone(out, &accounts, a).await,
        Command::MediaServer(a) => {
            let account = accounts.set_nostr_media_server(&a.id, a.server).await?;
            let said = match &account.media_server {
                Some(server) => format!(
                    "{}: pictures go to {} ({})",
                    account.id,
                    server.url,
                    server.protocol.label()
                ),
                None => format!("{}: pictures go to the media host", account.id),
            };
            Ok(out.emit(&account, || said))
        }
    };
    accounts.store().close().await;
    result
}

async fn list(out: Out, accounts: &Accounts) -> Result<ExitCode, Failure> {
    let all = accounts.list().await?;
    Ok(out.emit(&all, || {
        if all.is_empty() {
            return "no accounts yet; add one with `ferry accounts add bluesky|mastodon|nostr …`"
                .to_owned();
        }
        all.iter().map(describe).collect::<Vec<_>>().join("\n")
    }))
}

/// One line per account: id, network, handle, where, audience, state.
pub(crate) fn describe(a: &Account) -> String {
    let audience: Vec<&str> = a.audience.iter().map(|l| l.as_str()).collect();
    let state = match a.state {
        ferry_core::accounts::AccountState::Active => String::new(),
        ferry_core::accounts::AccountState::NeedsReauth => "  NEEDS SIGN-IN".to_owned(),
    };
    format!(
        "{}  {:<8} {}  {}  audience: {}{state}",
        a.id,
        a.network.name(),
        a.handle,
        a.server_url.as_deref().unwrap_or("-"),
        if audience.is_empty() {
            "main variant".to_owned()
        } else {
            audience.join(",")
        },
    )
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Removed<'a> {
    id: &'a str,
    secrets_removed: usize,
}

async fn remove(out: Out, accounts: &Accounts, id: &str) -> Result<ExitCode, Failure> {
    let removed = accounts.remove(id).await?;
    Ok(out.emit(
        &Removed {
            id,
            secrets_removed: removed,
        },
        || format!("removed {id} ({removed} secret(s) deleted from the keychain)"),
    ))
}

async fn audience(out: Out, accounts: &Accounts, args: AudienceArgs) -> Result<ExitCode, Failure> {
    let langs = parse_audience(&args.languages)?;
    let account = accounts.set_audience(&args.id, langs).await?;
    Ok(out.emit(&account, || describe(&account)))
}

async fn zone(out: Out, accounts: &Accounts, args: ZoneArgs) -> Result<ExitCode, Failure> {
    let store = accounts.store();
    let zone = if args.default || args.zone.is_some() {
        store
            .set_account_zone(&args.id, args.zone.as_deref())
            .await?
    } else {
        store.account(&args.id).await?;
        store
            .account_zones()
            .await?
            .remove(&args.id)
            .unwrap_or_else(ferry_core::schedule::system_zone)
    };
    Ok(out.emit(
        &AccountZone {
            id: &args.id,
            zone: zone.clone(),
        },
        || format!("{}: audience zone {zone}", args.id),
    ))
}

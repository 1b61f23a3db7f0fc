//! `ferry accounts add bluesky|nostr|mastodon|telegram|threads|x`.

use std::io::Read;
use std::process::ExitCode;
use std::time::Duration;

use ferry_core::accounts::{
    Accounts, AddBluesky, AddNostr, AddTelegram, AddThreads, AddedAccount, DEFAULT_PDS, NostrKey,
    Relay, StartMastodon, parse_audience,
};
use serde::Serialize;
use serde_json::json;

use crate::cli_error::CliError;
use crate::output::Failure;
use crate::output::Out;

#[derive(clap::Subcommand)]
pub(super) enum Network {
    /// Handle (or email) and an app password, read from stdin.
    Bluesky(BlueskyArgs),
    /// A new key (--generate) or yours (--key-stdin: nsec1… or hex), and its relays.
    Nostr(NostrArgs),
    /// Sign in through the browser (OAuth); or paste the code the server shows (--code-stdin).
    Mastodon(MastodonArgs),
    /// A channel or group your bot (from @BotFather) may post to; the token read from stdin.
    Telegram(TelegramArgs),
    /// Your Meta app's long-lived Threads token (from its dashboard), read from stdin.
    Threads(ThreadsArgs),
    /// Sign in through the browser with your own X developer app (OAuth 2.0 with PKCE).
    X(super::add_x::XArgs),
}

#[derive(clap::Args)]
pub(super) struct ThreadsArgs {
    /// Read the access token from stdin (required: tokens never go in arguments).
    #[arg(long, required = true)]
    token_stdin: bool,
    /// Another Threads API server instead of Meta's (tests).
    #[arg(long, value_name = "URL")]
    api: Option<String>,
    #[arg(long, default_value = "")]
    audience: String,
}

#[derive(clap::Args)]
pub(super) struct TelegramArgs {
    /// `@channel_name`, `https://t.me/channel_name`, or the chat's numeric id.
    #[arg(long)]
    chat: String,
    /// Read the bot token from stdin (required: tokens never go in arguments).
    #[arg(long, required = true)]
    token_stdin: bool,
    /// Another Bot API server (a local telegram-bot-api) instead of Telegram's.
    #[arg(long, value_name = "URL")]
    api: Option<String>,
    #[arg(long, default_value = "")]
    audience: String,
}

#[derive(clap::Args)]
pub(super) struct BlueskyArgs {
    /// The account's PDS.
    #[arg(long, default_value = DEFAULT_PDS, value_name = "URL")]
    pds: String,
    /// Handle (alice.bsky.social) or email.
    #[arg(long)]
    handle: String,
    /// Read the app password from stdin (required: passwords never go in arguments).
    #[arg(long, required = true)]
    password_stdin: bool,
    /// Which variants this account gets (comma-separated language tags).
    #[arg(long, default_value = "")]
    audience: String,
}

#[derive(clap::Args)]
pub(super) struct NostrArgs {
    /// Make a new key.
    #[arg(
        long,
        conflicts_with = "key_stdin",
        required_unless_present = "key_stdin"
    )]
    generate: bool,
    /// Read an nsec1… or 64-hex-digit key from stdin.
    #[arg(long)]
    key_stdin: bool,
    /// Relays to read from and write to (comma-separated ws:// or wss:// URLs).
    #[arg(long, value_delimiter = ',', value_name = "WS-URL")]
    relay: Vec<String>,
    /// Relays only read from.
    #[arg(long, value_delimiter = ',', value_name = "WS-URL")]
    read_relay: Vec<String>,
    /// Relays only written to.
    #[arg(long, value_delimiter = ',', value_name = "WS-URL")]
    write_relay: Vec<String>,
    #[arg(long, default_value = "")]
    audience: String,
}

#[derive(clap::Args)]
pub(super) struct MastodonArgs {
    /// The server, e.g. https://mastodon.social.
    #[arg(long, value_name = "URL")]
    instance: String,
    /// Read the authorization code from stdin instead of waiting for the browser.
    #[arg(long)]
    code_stdin: bool,
    /// Don't open the browser; only print the address.
    #[arg(long)]
    no_browser: bool,
    /// How long to wait for the browser, in seconds.
    #[arg(long, default_value_t = 300)]
    wait: u64,
    #[arg(long, default_value = "")]
    audience: String,
}

pub(super) async fn run(
    out: Out,
    accounts: &Accounts,
    network: Network,
) -> Result<ExitCode, Failure> {
    let added = match network {
        Network::Bluesky(a) => {
            let password = read_secret("app password")?;
            accounts
                .add_bluesky(AddBluesky {
                    pds_url: a.pds,
                    identifier: a.handle,
                    password,
                    audience: parse_audience(&a.audience)?,
                })
                .await
        }
        Network::Nostr(a) => {
            let key = if a.key_stdin {
                NostrKey::Import(read_secret("Nostr key")?)
            } else {
                NostrKey::Generate
            };
            let relays = relays(&a.relay, true, true)
                .chain(relays(&a.read_relay, true, false))
                .chain(relays(&a.write_relay, false, true))
                .collect();
            let audience = parse_audience(&a.audience)?;
            accounts
                .add_nostr(AddNostr {
                    key,
                    relays,
                    audience,
                })
                .await
        }
        Network::Mastodon(a) => mastodon(out, accounts, a).await,
        Network::X(a) => {
            let secret = if a.wants_secret() {
                Some(read_secret("client secret")?)
            } else {
                None
            };
            super::add_x::x(out, accounts, a, secret).await
        }
        Network::Telegram(a) => {
            let token = read_secret("bot token")?;
            accounts
                .add_telegram(AddTelegram {
                    token,
                    chat: a.chat,
                    api_url: a.api,
                    audience: parse_audience(&a.audience)?,
                })
                .await
        }
        Network::Threads(a) => {
            let token = read_secret("access token")?;
            accounts
                .add_threads(AddThreads {
                    token,
                    api_url: a.api,
                    audience: parse_audience(&a.audience)?,
                })
                .await
        }
    }?;
    for warning in &added.warnings {
        out.note(&json!({ "warning": warning }), || {
            format!("warning: {warning}")
        });
    }
    Ok(out.emit(&Added::from(&added), || added.account.id.clone()))
}

async fn mastodon(
    out: Out,
    accounts: &Accounts,
    a: MastodonArgs,
) -> Result<AddedAccount, ferry_core::accounts::AccountError> {
    let audience = parse_audience(&a.audience)?;
    let mut sign_in = accounts
        .start_mastodon_sign_in(StartMastodon {
            instance: a.instance,
            out_of_band: a.code_stdin,
        })
        .await?
        .with_audience(audience);
    let started = sign_in.started().clone();
    out.note(
        &json!({ "authorizeUrl": started.authorize_url, "redirectUri": started.redirect_uri }),
        || {
            let then = if a.code_stdin {
                "then paste the code it shows here (stdin)."
            } else {
                "Ferry is waiting for the browser to come back."
            };
            format!(
                "Open this address to let Ferry post for you:\n  {}\n{then}",
                started.authorize_url
            )
        },
    );
    let code = if a.code_stdin {
        read_secret("authorization code").map_err(|f| {
            ferry_core::accounts::AccountError::Invalid {
                field: "authorization code".into(),
                reason: f.message,
            }
        })?
    } else {
        if !a.no_browser {
            // No browser (a server, a test) is fine: the address is printed above.
            let _ = open::that_detached(&started.authorize_url);
        }
        sign_in.wait_for_code(Duration::from_secs(a.wait)).await?
    };
    sign_in.finish(&code).await
}

fn relays(urls: &[String], read: bool, write: bool) -> impl Iterator<Item = Relay> + '_ {
    urls.iter()
        .filter(|u| !u.trim().is_empty())
        .map(move |url| Relay {
            url: url.trim().to_owned(),
            read,
            write,
        })
}

/// All of stdin, without the line break a shell or a paste leaves at the end.
fn read_secret(what: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::read(format!("the {what} from stdin"), &e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::NotUtf8(format!("the {what} on stdin is not UTF-8 text")))?;
    let trimmed = text.trim_end_matches(['\n', '\r']).to_owned();
    if trimmed.is_empty() {
        return Err(CliError::Empty {
            what: what.to_owned(),
        }
        .into());
    }
    Ok(trimmed)
}

/// What `add` prints with --json: the id first, for scripts.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Added<'a> {
    id: &'a str,
    account: &'a ferry_core::accounts::Account,
    warnings: &'a [String],
}

impl<'a> From<&'a AddedAccount> for Added<'a> {
    fn from(added: &'a AddedAccount) -> Self {
        Added {
            id: &added.account.id,
            account: &added.account,
            warnings: &added.warnings,
        }
    }
}

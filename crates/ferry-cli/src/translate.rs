//! `ferry translate …`: machine translation through the providers the user configured, on the
//! same database, keychain and translation cache as the desktop app. Off until a provider is
//! added (and enabled: `add` enables it unless `--disabled`).
//!
//! ```text
//! printf '%s' "$DEEPL_KEY" | ferry translate providers add deepl --key-stdin --json
//! ferry translate providers add libretranslate --url http://127.0.0.1:5000 --json
//! ferry translate providers add openai --url http://127.0.0.1:11434/v1 --model qwen2.5
//! ferry translate providers list --json
//! ferry translate providers update "$id" --disable      # or --enable, --url, --key-stdin
//! ferry translate providers remove "$id"                # its key leaves the keychain too
//! ferry translate --to zh-Hans --json "See you all in the next post!"
//! echo '下次见！' | ferry translate --to en --from zh-Hans -
//! ```
//!
//! API keys are read from stdin (never from arguments, which show in the process list and
//! shell history) and go to the OS keychain (or the encrypted file with
//! FERRY_SECRETS_BACKEND=file); the database keeps kind, URL, model and whether it is enabled.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::secrets::Secret;
use ferry_core::translation::{
    NewProvider, ProviderConfig, ProviderKind, ProviderUpdate, Translations,
};
use serde_json::json;

use crate::accounts::open_accounts;
use crate::cli_error::CliError;
use crate::database::open_store;
use crate::output::{Failure, Out, fail, text_arg};

#[derive(clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "Errors go to stderr as `error[code]: message`, or with --json as \
    {\"code\",\"message\"}; the exit status is 1. With no provider configured (or none \
    enabled) translating fails with translate.disabled and sends nothing."
)]
pub struct Args {
    /// Print results as one line of JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
    /// The language to translate into: zh-Hans, zh-Hant, en, ja, …
    #[arg(long, value_name = "LANG", required = true)]
    to: Option<String>,
    /// The text's language [default: the provider detects it].
    #[arg(long, value_name = "LANG")]
    from: Option<String>,
    /// The text, or `-` to read stdin.
    #[arg(required = true)]
    text: Option<String>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Add, list, change and remove translation providers.
    #[command(subcommand)]
    Providers(Providers),
}

#[derive(clap::Subcommand)]
enum Providers {
    /// Add a provider (enabled unless --disabled); prints it.
    Add(AddArgs),
    /// List the providers in the order they are tried (the first enabled one translates).
    List,
    /// Change a provider's URL, model, key or whether it is enabled.
    Update(UpdateArgs),
    /// Remove a provider and its API key from the keychain.
    Remove(IdArg),
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Kind {
    Deepl,
    Libretranslate,
    Openai,
}

#[derive(clap::Args)]
struct AddArgs {
    kind: Kind,
    /// The endpoint (required for libretranslate and openai; DeepL's follows its key).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// The model (openai only), e.g. gpt-4o-mini or qwen2.5.
    #[arg(long)]
    model: Option<String>,
    /// Read the API key from stdin (required for DeepL).
    #[arg(long)]
    key_stdin: bool,
    /// Store it without turning machine translation on.
    #[arg(long)]
    disabled: bool,
}

#[derive(clap::Args)]
struct UpdateArgs {
    /// The provider's id (from `ferry translate providers list`).
    id: String,
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    #[arg(long)]
    model: Option<String>,
    /// Read a new API key from stdin.
    #[arg(long)]
    key_stdin: bool,
    /// Use it for translating (the first enabled provider translates).
    #[arg(long, conflicts_with = "disable")]
    enable: bool,
    /// Keep it but stop using it.
    #[arg(long)]
    disable: bool,
}

#[derive(clap::Args)]
struct IdArg {
    id: String,
}

pub async fn run(args: Args) -> ExitCode {
    let out = Out { json: args.json };
    match dispatch(out, args).await {
        Ok(code) => code,
        Err(failure) => fail(out.json, &failure),
    }
}

async fn dispatch(out: Out, args: Args) -> Result<ExitCode, Failure> {
    // Read TEXT before opening anything, so bad input fails without touching the keychain.
    let text = args.text.as_deref().map(text_arg).transpose()?;
    if args.command.is_none() {
        // "Machine translation is off" needs no keychain: say it before opening one.
        let store = open_store(args.data_dir.clone()).await?;
        let active = Translations::active_provider(&store).await;
        store.close().await;
        active?;
    }
    let accounts = open_accounts(args.data_dir).await?;
    let translations = Translations::new(accounts.store().clone(), accounts.secrets().clone());
    let result = match (args.command, text, args.to) {
        (Some(Command::Providers(command)), _, _) => providers(out, &translations, command).await,
        (None, Some(text), Some(to)) => {
            let done = translations
                .translate(&text, args.from.as_deref(), &to)
                .await?;
            Ok(out.emit(&done, || done.text.clone()))
        }
        _ => Err(CliError::Missing(
            "give --to LANG and a TEXT (or `-` for stdin), or a `providers` command",
        )
        .into()),
    };
    accounts.store().close().await;
    result
}

async fn providers(
    out: Out,
    translations: &Translations,
    command: Providers,
) -> Result<ExitCode, Failure> {
    match command {
        Providers::Add(a) => {
            let new = NewProvider {
                kind: match a.kind {
                    Kind::Deepl => ProviderKind::Deepl,
                    Kind::Libretranslate => ProviderKind::Libretranslate,
                    Kind::Openai => ProviderKind::Openai,
                },
                url: a.url,
                model: a.model,
                key: key_from_stdin(a.key_stdin)?,
                enabled: !a.disabled,
            };
            let added = translations.add_provider(new).await?;
            Ok(out.emit(&added, || describe(&added)))
        }
        Providers::List => {
            let all = translations.list_providers().await?;
            Ok(out.emit(&all, || {
                if all.is_empty() {
                    return "no translation providers; machine translation is off. Add one with \
                            `ferry translate providers add deepl|libretranslate|openai …`"
                        .to_owned();
                }
                all.iter().map(describe).collect::<Vec<_>>().join("\n")
            }))
        }
        Providers::Update(a) => {
            let update = ProviderUpdate {
                url: a.url,
                model: a.model,
                enabled: (a.enable || a.disable).then_some(a.enable),
                key: key_from_stdin(a.key_stdin)?,
            };
            let changed = translations.update_provider(&a.id, update).await?;
            Ok(out.emit(&changed, || describe(&changed)))
        }
        Providers::Remove(a) => {
            translations.remove_provider(&a.id).await?;
            Ok(out.emit(&json!({ "id": a.id, "removed": true }), || {
                format!("removed {} (and its key in the keychain)", a.id)
            }))
        }
    }
}

/// The API key on stdin, without the trailing newline `echo` adds; refused when empty.
fn key_from_stdin(wanted: bool) -> Result<Option<Secret>, Failure> {
    if !wanted {
        return Ok(None);
    }
    let mut key = String::new();
    std::io::stdin()
        .read_to_string(&mut key)
        .map_err(|e| CliError::read("the API key from stdin", &e))?;
    let key = key.trim();
    if key.is_empty() {
        return Err(CliError::Missing(
            "--key-stdin was given but stdin is empty; pipe the API key in",
        )
        .into());
    }
    Ok(Some(Secret::new(key)))
}

/// One line per provider: id, kind, where, model, key, state.
fn describe(p: &ProviderConfig) -> String {
    format!(
        "{}  {:<14} {}  {}  {}  {}",
        p.id,
        p.kind.as_str(),
        p.url.as_deref().unwrap_or("(DeepL's endpoint for the key)"),
        p.model.as_deref().unwrap_or("-"),
        if p.has_key {
            "key in keychain"
        } else {
            "no key"
        },
        if p.enabled { "enabled" } else { "disabled" },
    )
}

//! `ferry rednote`: what Ferry does for RedNote, which has no posting API.
//!
//! ```text
//! ferry rednote published "$draft" --url 'http://xhslink.com/a/AbC123' --json
//! ferry rednote published "$draft" --lang zh-Hant --url "$(pbpaste)"   # the whole share text works too
//! ferry rednote export "$draft" --to ~/Phone --fit pad --json
//! ferry rednote handoff "$draft" --telegram "$my_chat"   # to your own chat with your bot
//! ferry rednote handoff "$draft" --export ~/Phone         # the same as export
//! ferry rednote handoff "$draft" --qr                     # a one-time page for the phone
//! ferry rednote focus "$draft" "$picture" --x 0.2 --y 0.5  # where a 3:4 crop keeps it
//! ```
//!
//! `handoff --telegram` sends the kit to a Telegram account's chat — add your private chat
//! with your bot as one (`ferry accounts add telegram --chat <your numeric id>`) — the text,
//! then the pictures as files (byte for byte, 1080 × 1440) in albums of up to 10.
//!
//! `export` writes the kit for the phone into a new folder inside `--to`: `title.txt`,
//! `body.txt`, `topics.txt`, `note.txt` and the pictures made 3:4 (1080 × 1440), cropped to
//! fill (`--fit crop`, the default) or padded with white (`--fit pad`).
//!
//! `published` records that the draft's note is on RedNote, at the link the app's "Share →
//! Copy link" gives: the draft's publish history (`ferry post --retry-failed`, the app's
//! publish panel) then lists RedNote with that link. Without `--lang`, the draft's main
//! variant.

use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::handoff::{Fit, KitToTelegram, RednoteExport};
use ferry_core::model::{Focus, LangTag, Network};
use ferry_core::outbox::MarkPublished;

use crate::cli_error::CliError;
use crate::database::open_store;
use crate::output::{Failure, Out, exit};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Record that the draft's note was published on RedNote, with its link.
    Published(PublishedArgs),
    /// Write the draft's RedNote kit (texts, pictures made 3:4) into a new folder for the phone.
    Export(ExportArgs),
    /// Hand the kit to the phone: into a folder, or to your own Telegram chat.
    Handoff(HandoffArgs),
    /// Move the point of a picture that a crop to 3:4 keeps (0–1 from the left and the top).
    Focus(FocusArgs),
}

#[derive(clap::Args)]
struct FocusArgs {
    draft_id: String,
    /// The picture's attachment id (`ferry drafts show <draft> --json`).
    attachment_id: String,
    /// 0 keeps the left edge, 1 the right, 0.5 the middle.
    #[arg(long, required_unless_present = "centre", value_parser = fraction)]
    x: Option<f64>,
    /// 0 keeps the top edge, 1 the bottom.
    #[arg(long, required_unless_present = "centre", value_parser = fraction)]
    y: Option<f64>,
    /// Back to the centre.
    #[arg(long, conflicts_with_all = ["x", "y"])]
    centre: bool,
    #[arg(long)]
    json: bool,
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

fn fraction(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("{text:?} is not a number from 0 to 1")),
    }
}

#[derive(clap::Args)]
struct HandoffArgs {
    /// The draft's id (from `ferry drafts list`).
    draft_id: String,
    /// Write the kit into a new folder inside DIR.
    #[arg(long, value_name = "DIR", required_unless_present_any = ["telegram", "qr"])]
    export: Option<PathBuf>,
    /// Send the kit to this Telegram account's chat (your private chat with your bot).
    #[arg(long, value_name = "ACCOUNT-ID", conflicts_with_all = ["export", "qr"])]
    telegram: Option<String>,
    /// Serve the kit on a one-time page on the local network and print its QR code; runs
    /// until the phone opened it (then `--linger` seconds more for its pictures) or 10 minutes.
    #[arg(long, conflicts_with = "export")]
    qr: bool,
    /// With --qr: seconds the pictures stay downloadable after the phone opened the page.
    #[arg(long, default_value_t = 120)]
    linger: u64,
    /// With --qr: the address to serve on [default: this computer's LAN address].
    #[arg(long, hide = true)]
    bind: Option<std::net::IpAddr>,
    #[command(flatten)]
    kit: KitOptions,
}

#[derive(clap::Args)]
struct ExportArgs {
    /// The draft's id (from `ferry drafts list`).
    draft_id: String,
    /// The folder to make the kit's folder in.
    #[arg(long, value_name = "DIR")]
    to: PathBuf,
    #[command(flatten)]
    kit: KitOptions,
}

/// What every hand-off takes besides where the kit goes.
#[derive(clap::Args)]
pub(crate) struct KitOptions {
    /// The variant to hand over [default: the draft's main variant].
    #[arg(long)]
    pub lang: Option<String>,
    /// Pictures of another shape: cropped to fill 3:4, or padded with white.
    #[arg(long, value_enum, default_value_t = FitArg::Crop)]
    pub fit: FitArg,
    /// Print the result as one line of JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum FitArg {
    Crop,
    Pad,
}

#[derive(clap::Args)]
struct PublishedArgs {
    /// The draft's id (from `ferry drafts list`).
    draft_id: String,
    /// The note's link (or the text RedNote's share sheet copies, which holds it).
    #[arg(long)]
    url: String,
    /// The variant that was published [default: the draft's main variant].
    #[arg(long)]
    lang: Option<String>,
    /// Print the job as one line of JSON on stdout.
    #[arg(long)]
    json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

pub async fn run(args: Args) -> ExitCode {
    match args.command {
        Command::Published(args) => {
            let out = Out { json: args.json };
            exit(args.json, published(out, args).await)
        }
        Command::Export(args) => {
            let out = Out {
                json: args.kit.json,
            };
            exit(out.json, export_kit(out, args).await)
        }
        Command::Focus(args) => {
            let out = Out { json: args.json };
            exit(args.json, focus(out, args).await)
        }
        Command::Handoff(args) => {
            let out = Out {
                json: args.kit.json,
            };
            exit(out.json, handoff(out, args).await)
        }
    }
}

async fn handoff(out: Out, args: HandoffArgs) -> Result<ExitCode, Failure> {
    if args.qr {
        return crate::rednote_qr::serve(out, args.draft_id, args.kit, args.bind, args.linger)
            .await;
    }
    let Some(account_id) = args.telegram else {
        let to = args.export.unwrap_or_default();
        let export = ExportArgs {
            draft_id: args.draft_id,
            to,
            kit: args.kit,
        };
        return export_kit(out, export).await;
    };
    let accounts = crate::accounts::open_accounts(args.kit.data_dir).await?;
    let lang = variant(accounts.store(), &args.draft_id, args.kit.lang).await?;
    let sent = accounts
        .send_rednote_kit(KitToTelegram {
            draft_id: args.draft_id,
            lang,
            account_id,
            fit: fit(args.kit.fit),
        })
        .await?;
    accounts.store().close().await;
    for note in &sent.notes {
        out.note(&serde_json::json!({ "note": note }), || {
            format!("note: {note}")
        });
    }
    Ok(out.emit(&sent, || {
        format!("sent to {} ({} messages)", sent.chat, sent.messages)
    }))
}

async fn focus(out: Out, args: FocusArgs) -> Result<ExitCode, Failure> {
    let store = open_store(args.data_dir).await?;
    let per_mille = |v: Option<f64>| (v.unwrap_or(0.5) * f64::from(Focus::MAX)).round() as u16;
    let focus = (!args.centre).then(|| Focus {
        x: per_mille(args.x),
        y: per_mille(args.y),
    });
    let draft = store
        .set_attachment_focus(&args.draft_id, &args.attachment_id, focus)
        .await?;
    store.close().await;
    let set = draft
        .content
        .attachments
        .iter()
        .find(|a| a.id == args.attachment_id)
        .and_then(|a| a.focus);
    Ok(
        out.emit(&serde_json::json!({ "focus": set }), || match set {
            Some(f) => format!(
                "focus at {:.3}, {:.3}",
                f64::from(f.x) / 1000.0,
                f64::from(f.y) / 1000.0
            ),
            None => "focus in the centre".to_owned(),
        }),
    )
}

pub(crate) fn fit(arg: FitArg) -> Fit {
    match arg {
        FitArg::Crop => Fit::Crop,
        FitArg::Pad => Fit::Pad,
    }
}

async fn export_kit(out: Out, args: ExportArgs) -> Result<ExitCode, Failure> {
    let store = open_store(args.kit.data_dir).await?;
    let lang = variant(&store, &args.draft_id, args.kit.lang).await?;
    let fit = fit(args.kit.fit);
    let kit = store
        .export_rednote(RednoteExport {
            draft_id: args.draft_id,
            lang,
            to: args.to.display().to_string(),
            fit,
        })
        .await?;
    for note in &kit.notes {
        out.note(&serde_json::json!({ "note": note }), || {
            format!("note: {note}")
        });
    }
    Ok(out.emit(&kit, || {
        format!("{} ({} files)", kit.folder, kit.files.len())
    }))
}

/// `--lang`, or the draft's main variant.
pub(crate) async fn variant(
    store: &ferry_core::Store,
    draft_id: &str,
    lang: Option<String>,
) -> Result<LangTag, Failure> {
    Ok(match lang {
        Some(lang) => {
            LangTag::parse(&lang).map_err(|e| CliError::Invalid(format!("--lang: {e}")))?
        }
        None => store
            .get_draft(draft_id)
            .await?
            .content
            .variants
            .first()
            .map(|v| v.lang.clone())
            .ok_or_else(|| CliError::Invalid(format!("draft {draft_id} has no text")))?,
    })
}

async fn published(out: Out, args: PublishedArgs) -> Result<ExitCode, Failure> {
    let store = open_store(args.data_dir).await?;
    let lang = variant(&store, &args.draft_id, args.lang).await?;
    let job = store
        .mark_published(MarkPublished {
            draft_id: args.draft_id,
            network: Network::Rednote,
            lang,
            url: args.url,
        })
        .await?;
    let url = job
        .targets
        .first()
        .and_then(|t| t.remote_url.clone())
        .unwrap_or_default();
    Ok(out.emit(&job, || {
        format!("recorded: on RedNote at {url} (job {})", job.id)
    }))
}

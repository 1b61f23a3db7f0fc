//! `ferry media-host`: the public host Nostr notes' pictures are uploaded to.
//!
//! ```text
//! printf '%s\n%s\n' "$KEY_ID" "$SECRET" | ferry media-host add s3 \
//!     --endpoint https://<account>.r2.cloudflarestorage.com --bucket notes --region auto \
//!     --public-url https://pub-1234.r2.dev --keys-stdin
//! ferry media-host show --json
//! ferry media-host delete-after-post on   # Threads' pictures go once Threads has them
//! ferry media-host remove
//! ```
//!
//! `add` writes a small check file and reads it back from `--public-url` before keeping the
//! host; the keys (the access key id, then the secret key, one per line on stdin) go to the
//! keychain.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::media_host::AddS3Host;
use serde_json::json;

use crate::accounts::open_accounts;
use crate::cli_error::CliError;
use crate::output::{Failure, Out, exit};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true)]
    json: bool,
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Set up the host (replacing the one before).
    Add {
        #[command(subcommand)]
        kind: Kind,
    },
    /// The host set up, if any.
    Show,
    /// Delete pictures from the bucket once no post needs them (`on`), or keep everything
    /// (`off`, the default). Pictures a Nostr note links are always kept; those Threads
    /// copies go once their posts are done.
    DeleteAfterPost {
        #[arg(value_parser = ["on", "off"])]
        setting: String,
    },
    /// Forget the host and its keys.
    Remove,
}

#[derive(clap::Subcommand)]
enum Kind {
    /// An S3-compatible bucket whose objects are publicly readable.
    S3(S3Args),
}

#[derive(clap::Args)]
struct S3Args {
    /// The S3 API endpoint.
    #[arg(long, value_name = "URL")]
    endpoint: String,
    #[arg(long)]
    bucket: String,
    /// `us-east-1`, `auto` (R2) … [default: us-east-1]
    #[arg(long, default_value = "")]
    region: String,
    /// Where the bucket's objects are read publicly, without the object's name.
    #[arg(long, value_name = "URL")]
    public_url: String,
    /// Read the access key id and the secret key from stdin, one per line (required: keys
    /// never go in arguments).
    #[arg(long, required = true)]
    keys_stdin: bool,
    /// Delete pictures once no post needs them (see `delete-after-post`).
    #[arg(long)]
    delete_after_post: bool,
}

pub async fn run(args: Args) -> ExitCode {
    let out = Out { json: args.json };
    exit(args.json, media_host(out, args).await)
}

async fn media_host(out: Out, args: Args) -> Result<ExitCode, Failure> {
    let accounts = open_accounts(args.data_dir).await?;
    let code = match args.command {
        Command::Add { kind: Kind::S3(s3) } => {
            let (access_key_id, secret_access_key) = read_keys()?;
            let host = accounts
                .add_s3_media_host(AddS3Host {
                    endpoint: s3.endpoint,
                    bucket: s3.bucket,
                    region: s3.region,
                    public_url: s3.public_url,
                    access_key_id,
                    secret_access_key,
                    delete_after_post: s3.delete_after_post,
                })
                .await?;
            out.emit(&host, || {
                format!("pictures go to {} ({})", host.public_url, host.bucket)
            })
        }
        Command::Show => {
            let host = accounts.store().media_host().await?;
            out.emit(&host, || match &host {
                Some(h) => format!(
                    "s3 bucket {} at {}, read from {}",
                    h.bucket, h.endpoint, h.public_url
                ),
                None => "no media host: Nostr notes can't carry pictures".to_owned(),
            })
        }
        Command::DeleteAfterPost { setting } => {
            let host = accounts
                .set_media_host_delete_after_post(setting == "on")
                .await?
                .ok_or(CliError::Empty {
                    what: "media host (set one up with `ferry media-host add s3 …`)".to_owned(),
                })?;
            out.emit(&host, || {
                if host.delete_after_post {
                    "pictures are deleted once no post needs them".to_owned()
                } else {
                    "pictures are kept".to_owned()
                }
            })
        }
        Command::Remove => {
            let removed = accounts.remove_media_host().await?;
            out.emit(&json!({ "removed": removed }), || {
                if removed {
                    "removed"
                } else {
                    "there was no media host"
                }
                .to_owned()
            })
        }
    };
    accounts.store().close().await;
    Ok(code)
}

/// Two lines of stdin: the access key id, then the secret key.
fn read_keys() -> Result<(String, String), Failure> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| CliError::read("the keys from stdin".to_owned(), &e))?;
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    match (lines.next(), lines.next()) {
        (Some(id), Some(secret)) => Ok((id.to_owned(), secret.to_owned())),
        _ => Err(CliError::Empty {
            what: "access key id and secret key (one per line)".to_owned(),
        }
        .into()),
    }
}

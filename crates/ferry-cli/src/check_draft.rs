//! `ferry check --draft ID [--lang TAG] [--json]`: a stored draft checked exactly as the
//! composer checks it (`ferry_core::checks::check_draft`): every variant, or the one given, on
//! each of the draft's target networks, Mastodon counted against the limit of the account the
//! draft names (else the first Mastodon account's).
//!
//! ```text
//! $ ferry check --draft 01JF… --lang zh-Hans
//! zh-Hans
//!   x              46 / 280    weighted characters  ok
//!   rednote        12 / 1000   characters           refused
//!       title 5 / 20
//!       rednote.needs_image: a RedNote image note needs 1 to 18 images
//! ```
//!
//! With `--json`: `[{"lang": "zh-Hans", "checks": [NetworkCheck, …]}, …]`, the same objects
//! the composer receives from `check_variant`. The exit status is 1 when a network would
//! refuse a variant as it is (a counter in red), with the report printed all the same; a
//! failure (no such draft, a bad `--lang`) prints `{code, message}` on stderr instead.

use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::checks::{NetworkCheck, VariantChecks, check_draft};
use ferry_core::{Draft, LangTag};
use ferry_networks::rednote;

use crate::check::describe;
use crate::database::open_store;
use crate::output::{Failure, Out, fail};

pub async fn run(id: &str, lang: Option<&str>, data_dir: Option<PathBuf>, json: bool) -> ExitCode {
    match checked(id, lang, data_dir).await {
        Ok((draft, variants)) => {
            let code = Out { json }.emit(&variants, || human(&draft, &variants));
            if variants.iter().all(VariantChecks::fits) {
                code
            } else {
                ExitCode::FAILURE
            }
        }
        Err(failure) => fail(json, &failure),
    }
}

async fn checked(
    id: &str,
    lang: Option<&str>,
    data_dir: Option<PathBuf>,
) -> Result<(Draft, Vec<VariantChecks>), Failure> {
    let lang = lang.map(LangTag::parse).transpose()?;
    let store = open_store(data_dir).await?;
    let loaded = async {
        let draft = store.get_draft(id).await?;
        let accounts = store.list_accounts().await?;
        Ok::<_, Failure>((draft, accounts))
    }
    .await;
    store.close().await;
    let (draft, accounts) = loaded?;
    let variants = check_draft(&draft, &accounts, lang.as_ref())?;
    Ok((draft, variants))
}

fn human(draft: &Draft, variants: &[VariantChecks]) -> String {
    if draft.content.targets.is_empty() {
        return format!(
            "draft {} has no target networks; add some with `ferry drafts edit {} --targets \
             x,bluesky`",
            draft.id, draft.id
        );
    }
    let mut lines = Vec::new();
    for variant in variants {
        lines.push(variant.lang.to_string());
        for check in &variant.checks {
            lines.push(format!("  {}", describe(&check.preview.measurement)));
            lines.extend(
                details(draft, check)
                    .into_iter()
                    .map(|l| format!("      {l}")),
            );
        }
    }
    lines.join("\n")
}

/// What the counter line does not say: RedNote's title, warnings, images it would crop.
fn details(draft: &Draft, check: &NetworkCheck) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(length), Some(limit)) = (check.title_length, check.title_limit) {
        lines.push(format!("title {length} / {limit}"));
    }
    for w in &check.preview.measurement.warnings {
        lines.push(format!("{}: {}", w.code, w.message));
    }
    let (w, h) = rednote::IMAGE_ASPECT;
    for id in &check.misshapen_images {
        if let Some(a) = draft.content.attachments.iter().find(|a| &a.id == id) {
            lines.push(format!(
                "{} ({}×{}) is not {w}:{h}; {} crops it",
                a.original_name, a.width, a.height, check.network
            ));
        }
    }
    lines
}

//! The TypeScript types the UI imports, generated from the Rust types with `ts-rs` into
//! `ui/src/lib/backend/bindings/` and checked in. The test below fails when they are stale;
//! regenerate them with `make bindings` (which runs it with `FERRY_UPDATE_BINDINGS=1`).
//!
//! Every type a command takes or returns is listed in [`export_all_to`]; the types they
//! contain (variants, attachments, language tags …) follow automatically.

use std::path::{Path, PathBuf};

use ferry_core::checks::{NetworkCheck, VariantCheckRequest};
use ferry_core::{
    AttachOutcome, Draft, DraftEdit, DraftSummary, ListQuery, NewDraft, Revision, RevisionSummary,
    SaveOutcome,
};
use ts_rs::{ExportError, TS};

use crate::commands::accounts::{AddedNostr, MastodonSignInView};
use crate::commands::translation::{ProviderChange, ProviderInput};
use crate::database::DatabaseStatus;
use crate::preferences::AppSettings;

/// Where the checked-in bindings live.
pub fn checked_in_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/backend/bindings")
}

/// Writes the `.ts` file of every type the commands exchange (and what they contain) to `dir`.
pub fn export_all_to(dir: &Path) -> Result<(), ExportError> {
    DatabaseStatus::export_all_to(dir)?;
    AppSettings::export_all_to(dir)?;
    ListQuery::export_all_to(dir)?;
    DraftSummary::export_all_to(dir)?;
    Draft::export_all_to(dir)?;
    NewDraft::export_all_to(dir)?;
    DraftEdit::export_all_to(dir)?;
    SaveOutcome::export_all_to(dir)?;
    RevisionSummary::export_all_to(dir)?;
    Revision::export_all_to(dir)?;
    AttachOutcome::export_all_to(dir)?;
    ferry_hints::panel::Hints::export_all_to(dir)?;
    ferry_core::translation::ProviderConfig::export_all_to(dir)?;
    ferry_core::translation::Translated::export_all_to(dir)?;
    ProviderInput::export_all_to(dir)?;
    ProviderChange::export_all_to(dir)?;
    VariantCheckRequest::export_all_to(dir)?;
    NetworkCheck::export_all_to(dir)?;
    ferry_core::accounts::Account::export_all_to(dir)?;
    ferry_core::accounts::AddBluesky::export_all_to(dir)?;
    ferry_core::accounts::AddNostr::export_all_to(dir)?;
    ferry_core::accounts::StartMastodon::export_all_to(dir)?;
    AddedNostr::export_all_to(dir)?;
    MastodonSignInView::export_all_to(dir)?;
    ferry_core::outbox::PublishRequest::export_all_to(dir)?;
    ferry_core::outbox::JobStatus::export_all_to(dir)?;
    ferry_core::outbox::PublishEvent::export_all_to(dir)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn read_dir(dir: &Path) -> BTreeMap<String, String> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return BTreeMap::new();
        };
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                (name, text)
            })
            .collect()
    }

    #[test]
    fn checked_in_bindings_are_current() {
        let fresh = tempfile::tempdir().unwrap();
        export_all_to(fresh.path()).unwrap();
        let generated = read_dir(fresh.path());
        assert!(
            generated.contains_key("Draft.ts"),
            "nothing was exported: {generated:?}"
        );

        let dir = checked_in_dir();
        if std::env::var_os("FERRY_UPDATE_BINDINGS").is_some() {
            if dir.exists() {
                std::fs::remove_dir_all(&dir).unwrap();
            }
            export_all_to(&dir).unwrap();
            return;
        }
        let checked_in = read_dir(&dir);
        let stale: Vec<&String> = generated
            .keys()
            .chain(checked_in.keys())
            .filter(|name| generated.get(*name) != checked_in.get(*name))
            .collect();
        assert!(
            stale.is_empty(),
            "the TypeScript bindings in {} are stale ({stale:?} differ from the Rust types); \
             run `make bindings` and commit the result",
            dir.display()
        );
    }
}

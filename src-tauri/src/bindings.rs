//! The TypeScript the UI imports, generated from Rust into `ui/src/lib/backend/bindings/` and
//! checked in: `contract.ts` (every command, event and shared constant, see `contract`) and,
//! with `ts-rs`, one file per type those name and the types they contain. The test below
//! fails when they are stale; regenerate them with `make bindings` (which runs it with
//! `FERRY_UPDATE_BINDINGS=1`).

use std::path::{Path, PathBuf};

use ts_rs::ExportError;

use crate::contract::typescript::Contract;

/// Where the checked-in bindings live.
pub fn checked_in_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/backend/bindings")
}

/// Writes `contract.ts` and the `.ts` file of every type the commands and events exchange (and
/// what those contain) to `dir`.
pub fn export_all_to(dir: &Path) -> Result<(), ExportError> {
    Contract::current().export_to(dir)
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

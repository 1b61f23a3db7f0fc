//! Where the dictionary tables live and how they are read.
//!
//! `make assets` builds them into `$FERRY_CACHE/dict` (see assets/dict/README.md). At run time
//! the first of these that is set wins: an explicit folder (`Dictionaries::open`), the
//! `FERRY_DICT_DIR` environment variable, the folder an installed package put beside the
//! program ([`installed_dir`]), `$FERRY_CACHE/dict`, `$XDG_CACHE_HOME/ferry/dict`,
//! `~/.cache/ferry/dict`. Reading them at run time, rather than embedding them, keeps
//! `cargo build` independent of the data and the binary small; `make dist` ships the folder as
//! the package's resources.

use std::path::{Path, PathBuf};

use crate::error::HintsError;

/// The table layout this crate reads; scripts/dict/build_dict.py writes the same number into
/// manifest.json.
pub const FORMAT: u64 = 1;

/// The folder the tables are looked for in when none is given.
pub fn default_dir() -> PathBuf {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = env("FERRY_DICT_DIR") {
        return dir;
    }
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| installed_dir(&exe))
    {
        return dir;
    }
    if let Some(cache) = env("FERRY_CACHE") {
        return cache.join("dict");
    }
    if let Some(xdg) = env("XDG_CACHE_HOME") {
        return xdg.join("ferry").join("dict");
    }
    env("HOME")
        .unwrap_or_else(|| PathBuf::from("."))
        .join(".cache")
        .join("ferry")
        .join("dict")
}

/// The tables a package installed with the program `exe` (the app or the `ferry` command,
/// which sit side by side), when there are some: where Tauri's bundler puts resources —
/// `/usr/lib/Ferry/dict` beside `/usr/bin` (.deb, .rpm), `Contents/Resources/dict` beside
/// `Contents/MacOS` (macOS), `dict` beside the program (Windows).
pub fn installed_dir(exe: &Path) -> Option<PathBuf> {
    let bin = exe.parent()?;
    let candidates = [
        bin.join("../lib/Ferry/dict"),
        bin.join("../Resources/dict"),
        bin.join("dict"),
    ];
    candidates
        .into_iter()
        .find(|dir| dir.join("manifest.json").is_file())
}

/// Reads one table, checking the folder's manifest names the format this crate understands.
pub fn read_table(dir: &Path, name: &str) -> Result<String, HintsError> {
    check_format(dir)?;
    read(&dir.join(name))
}

fn read(path: &Path) -> Result<String, HintsError> {
    std::fs::read_to_string(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => HintsError::DictMissing {
            path: path.to_owned(),
        },
        _ => HintsError::DictRead {
            path: path.to_owned(),
            source,
        },
    })
}

pub(crate) fn check_format(dir: &Path) -> Result<(), HintsError> {
    let path = dir.join("manifest.json");
    let text = read(&path)?;
    let format = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_u64()));
    match format {
        Some(FORMAT) => Ok(()),
        Some(other) => Err(HintsError::DictFormat {
            path,
            line: 1,
            problem: format!(
                "tables are format {other}, this build reads {FORMAT}: run `make assets`"
            ),
        }),
        None => Err(HintsError::DictFormat {
            path,
            line: 1,
            problem: "no \"format\" number: run `make assets`".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::installed_dir;

    #[test]
    fn a_package_s_tables_are_found_beside_the_program() {
        let root = tempfile::tempdir().unwrap();
        let exe = root.path().join("usr/bin/ferry");
        std::fs::create_dir_all(exe.parent().unwrap()).unwrap();
        assert_eq!(installed_dir(&exe), None, "a build tree has none");
        let dict = root.path().join("usr/lib/Ferry/dict");
        std::fs::create_dir_all(&dict).unwrap();
        assert_eq!(
            installed_dir(&exe),
            None,
            "a folder without a manifest is not tables"
        );
        std::fs::write(dict.join("manifest.json"), "{\"format\": 1}").unwrap();
        let found = installed_dir(&exe).unwrap();
        assert_eq!(found.canonicalize().unwrap(), dict.canonicalize().unwrap());
    }
}

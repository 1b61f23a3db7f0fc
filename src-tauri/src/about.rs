//! What Settings → About shows: the version and the build it came from, where the data and
//! the log are, and the licenses — Ferry's own, and those of the dictionary data inside the
//! hints (CC-CEDICT is CC BY-SA 4.0, which asks that its authors be named and its license
//! shown wherever the data goes).

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub version: String,
    /// The commit the app was built from (`git rev-parse`), or "not from a git checkout".
    pub build: String,
    /// Debug or release, and the platform: `release · x86_64-linux`.
    pub target: String,
    pub data_dir: String,
    pub log_dir: String,
    pub licenses: Vec<License>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct License {
    /// What it covers: "Ferry", "CC-CEDICT (Chinese → English glosses, pinyin)" …
    pub covers: String,
    /// SPDX identifier.
    pub spdx: String,
    pub text: String,
}

const LICENSES: &[(&str, &str, &str)] = &[
    ("Ferry", "MIT", include_str!("../../LICENSE-MIT")),
    ("Ferry", "Apache-2.0", include_str!("../../LICENSE-APACHE")),
    (
        "CC-CEDICT (Chinese words, pinyin and English glosses in the hints)",
        "CC-BY-SA-4.0",
        include_str!("../../assets/dict/LICENSE-CC-CEDICT"),
    ),
    (
        "ECDICT (Chinese glosses of English words in the hints)",
        "MIT",
        include_str!("../../assets/dict/LICENSE-ECDICT"),
    ),
    (
        "jieba (the word list Chinese text is split with)",
        "MIT",
        include_str!("../../assets/dict/LICENSE-JIEBA"),
    ),
];

pub fn about(data_dir: Option<&std::path::Path>) -> About {
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    let shown = |path: Option<std::path::PathBuf>| {
        path.map(|p| p.display().to_string()).unwrap_or_default()
    };
    About {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        build: env!("FERRY_BUILD").to_owned(),
        target: format!(
            "{profile} · {}-{}",
            std::env::consts::ARCH,
            std::env::consts::OS
        ),
        data_dir: shown(data_dir.map(std::path::Path::to_path_buf)),
        log_dir: shown(data_dir.map(crate::logging::log_dir)),
        licenses: LICENSES
            .iter()
            .map(|(covers, spdx, text)| License {
                covers: (*covers).to_owned(),
                spdx: (*spdx).to_owned(),
                text: (*text).to_owned(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_version_the_folders_and_every_data_license() {
        let about = about(Some(std::path::Path::new("/home/mei/.local/share/Ferry")));
        assert_eq!(about.version, env!("CARGO_PKG_VERSION"));
        assert!(!about.build.is_empty());
        assert_eq!(about.log_dir, "/home/mei/.local/share/Ferry/logs");
        let spdx: Vec<&str> = about.licenses.iter().map(|l| l.spdx.as_str()).collect();
        assert_eq!(spdx, ["MIT", "Apache-2.0", "CC-BY-SA-4.0", "MIT", "MIT"]);
        let cedict = &about.licenses[2].text;
        assert!(cedict.contains("Creative Commons"), "{cedict}");
        assert!(about.licenses.iter().all(|l| l.text.len() > 200));
    }
}

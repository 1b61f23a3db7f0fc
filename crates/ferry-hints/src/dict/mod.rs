//! The dictionaries: CC-CEDICT (Chinese → English, and reversed), ECDICT (English → Chinese).
//!
//! ```no_run
//! use ferry_hints::dict::Dictionaries;
//! let dicts = Dictionaries::shared(); // tables from FERRY_DICT_DIR or ~/.cache/ferry/dict
//! let cedict = dicts.cedict()?;       // loaded on first use, then kept
//! println!("{:?}", cedict.lookup("银行")[0].glosses().collect::<Vec<_>>());
//! # Ok::<(), ferry_hints::HintsError>(())
//! ```
//!
//! Each table loads on first use, once per process (about 16 MB of text for all four), so a
//! window that never shows the hints panel never pays for them. Where the files come from:
//! `files`.

mod cedict;
mod ecdict;
mod files;
mod reverse;
mod table;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub use cedict::{Cedict, CedictEntry, Usage};
pub use ecdict::{Ecdict, EnglishEntry};
pub use files::{FORMAT, default_dir};
pub use reverse::ReverseIndex;
pub use table::SortedTable;

use crate::error::HintsError;

type Slot<T> = OnceLock<Result<T, Arc<HintsError>>>;

/// Lazily loaded dictionaries from one folder.
#[derive(Debug)]
pub struct Dictionaries {
    dir: PathBuf,
    cedict: Slot<Cedict>,
    ecdict: Slot<Ecdict>,
    reverse: Slot<ReverseIndex>,
}

impl Dictionaries {
    /// Dictionaries in `dir` (nothing is read until a table is first asked for).
    pub fn open(dir: impl Into<PathBuf>) -> Dictionaries {
        Dictionaries {
            dir: dir.into(),
            cedict: OnceLock::new(),
            ecdict: OnceLock::new(),
            reverse: OnceLock::new(),
        }
    }

    /// The process-wide instance over `default_dir()`.
    pub fn shared() -> &'static Dictionaries {
        static SHARED: OnceLock<Dictionaries> = OnceLock::new();
        SHARED.get_or_init(|| Dictionaries::open(default_dir()))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn cedict(&self) -> Result<&Cedict, HintsError> {
        get(&self.cedict, || Ok(Cedict::new(self.table("cedict.tsv")?)))
    }

    pub fn ecdict(&self) -> Result<&Ecdict, HintsError> {
        get(&self.ecdict, || {
            Ok(Ecdict::new(
                self.table("ecdict.tsv")?,
                self.table("ecdict-forms.tsv")?,
            ))
        })
    }

    pub fn reverse(&self) -> Result<&ReverseIndex, HintsError> {
        get(&self.reverse, || {
            Ok(ReverseIndex::new(self.table("cedict-en.tsv")?))
        })
    }

    /// Loads every table now (for a warm-up, or to fail early with a clear error).
    pub fn load_all(&self) -> Result<(), HintsError> {
        self.cedict()?;
        self.ecdict()?;
        self.reverse()?;
        Ok(())
    }

    /// Approximate heap bytes of the tables loaded so far.
    pub fn heap_bytes(&self) -> usize {
        let size = |slot: Option<usize>| slot.unwrap_or(0);
        size(
            self.cedict
                .get()
                .and_then(|r| r.as_ref().ok())
                .map(Cedict::heap_bytes),
        ) + size(
            self.ecdict
                .get()
                .and_then(|r| r.as_ref().ok())
                .map(Ecdict::heap_bytes),
        ) + size(
            self.reverse
                .get()
                .and_then(|r| r.as_ref().ok())
                .map(ReverseIndex::heap_bytes),
        )
    }

    fn table(&self, name: &str) -> Result<SortedTable, HintsError> {
        let text = files::read_table(&self.dir, name)?;
        SortedTable::new(text, &self.dir.join(name))
    }
}

/// The slot's value, loading it on first use. A failed load is remembered too, so a missing
/// file costs one stat, not one per keystroke.
fn get<T>(slot: &Slot<T>, load: impl FnOnce() -> Result<T, HintsError>) -> Result<&T, HintsError> {
    slot.get_or_init(|| load().map_err(Arc::new))
        .as_ref()
        .map_err(|err| clone_error(err))
}

fn clone_error(err: &HintsError) -> HintsError {
    match err {
        HintsError::DictMissing { path } => HintsError::DictMissing { path: path.clone() },
        HintsError::DictRead { path, source } => HintsError::DictRead {
            path: path.clone(),
            source: std::io::Error::new(source.kind(), source.to_string()),
        },
        HintsError::DictFormat {
            path,
            line,
            problem,
        } => HintsError::DictFormat {
            path: path.clone(),
            line: *line,
            problem: problem.clone(),
        },
        other => HintsError::DictFormat {
            path: PathBuf::new(),
            line: 0,
            problem: other.to_string(),
        },
    }
}

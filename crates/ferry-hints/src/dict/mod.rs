//! The dictionaries: CC-CEDICT (Chinese → English, and reversed), ECDICT (English → Chinese),
//! and jieba's word list for segmentation.
//!
//! ```no_run
//! use ferry_hints::dict::Dictionaries;
//! let dicts = Dictionaries::shared(); // tables from FERRY_DICT_DIR or ~/.cache/ferry/dict
//! let cedict = dicts.cedict()?;       // loaded on first use, then kept
//! println!("{:?}", cedict.lookup("银行")[0].glosses().collect::<Vec<_>>());
//! # Ok::<(), ferry_hints::HintsError>(())
//! ```
//!
//! Each table loads on first use, once per process (about 16 MB of text for all four, plus
//! jieba), so a window that never shows the hints panel never pays for them. An app that will
//! show it calls [`Dictionaries::warm_up`] on a background thread at start, so the first
//! keystroke finds everything loaded instead of waiting for it:
//!
//! ```no_run
//! std::thread::spawn(|| ferry_hints::dict::Dictionaries::shared().warm_up());
//! ```
//!
//! Where the files come from: `files`.

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
use crate::segment::Segmenter;

type Slot<T> = OnceLock<Result<T, Arc<HintsError>>>;

/// Lazily loaded dictionaries from one folder.
#[derive(Debug)]
pub struct Dictionaries {
    dir: PathBuf,
    cedict: Slot<Cedict>,
    ecdict: Slot<Ecdict>,
    reverse: Slot<ReverseIndex>,
    segmenter: Slot<Segmenter>,
}

impl Dictionaries {
    /// Dictionaries in `dir` (nothing is read until a table is first asked for).
    pub fn open(dir: impl Into<PathBuf>) -> Dictionaries {
        Dictionaries {
            dir: dir.into(),
            cedict: OnceLock::new(),
            ecdict: OnceLock::new(),
            reverse: OnceLock::new(),
            segmenter: OnceLock::new(),
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

    /// jieba with the word list `make assets` built (see `segment`).
    pub fn segmenter(&self) -> Result<&Segmenter, HintsError> {
        get(&self.segmenter, || {
            files::check_format(&self.dir)?;
            Segmenter::from_file(&self.dir.join("jieba.txt"))
        })
    }

    /// Whether every table and the segmenter have been loaded (or failed to): then no call
    /// waits for a file. See `HintOptions::skip_unloaded`.
    pub fn ready(&self) -> bool {
        self.cedict.get().is_some()
            && self.ecdict.get().is_some()
            && self.reverse.get().is_some()
            && self.segmenter.get().is_some()
    }

    /// Loads every table now (to fail early with a clear error).
    pub fn load_all(&self) -> Result<(), HintsError> {
        self.cedict()?;
        self.ecdict()?;
        self.reverse()?;
        self.segmenter()?;
        Ok(())
    }

    /// Loads everything the hints panel uses — these tables, jieba, lingua's models, OpenCC's
    /// converters and the hint tables — by computing hints for a small mixed text once. Meant
    /// for a background thread at start (it takes about a quarter of a second in a release
    /// build); a failure only means the panel will show the same warning later.
    pub fn warm_up(&'static self) {
        let options = crate::panel::HintOptions {
            dictionaries: Some(self),
            ..Default::default()
        };
        crate::panel::hints(WARM_UP_TEXT, &options);
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

/// Touches every language path once: Simplified and Traditional Chinese, English words and a
/// phrase, French (lingua's other models), a hashtag and slang (the hint tables).
const WARM_UP_TEXT: &str =
    "今天去了银行，我們的軟體 look forward to it! Bonjour à tous. #TikTokRefugee yyds";

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

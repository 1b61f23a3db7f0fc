//! Opening the database in the data folder for a subcommand: `--data-dir` if given, else
//! `$FERRY_DATA_DIR`, else the OS data folder. Every subcommand that reads or writes drafts,
//! accounts or providers opens it here, so they all fail the same way (with the engine's code
//! and a message naming the file).

use std::path::PathBuf;

use ferry_core::Store;

use crate::output::Failure;

/// The options of every subcommand on the database: `--json` and `--data-dir`, accepted
/// before or after the sub-subcommand.
#[derive(clap::Args)]
pub struct DataArgs {
    /// Print results as one line of JSON on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

pub async fn open_store(data_dir: Option<PathBuf>) -> Result<Store, Failure> {
    Ok(match data_dir {
        Some(dir) => Store::open(&dir).await?,
        None => Store::open_default().await?,
    })
}

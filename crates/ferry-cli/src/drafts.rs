//! `ferry drafts …` — owned by the drafts work (issue: foundation).

use std::process::ExitCode;

use crate::output::{Failure, fail};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, global = true)]
    json: bool,
}

pub async fn run(args: Args) -> ExitCode {
    fail(args.json, &Failure::new("unimplemented", "ferry drafts is not built yet"))
}

//! `ferry check`, `ferry facets`, `ferry split` — owned by the network text rules work.

use std::process::ExitCode;

use crate::output::{Failure, fail};

#[derive(clap::Args)]
pub struct CheckArgs {
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct FacetsArgs {
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct SplitArgs {
    #[arg(long)]
    json: bool,
}

pub async fn run_check(args: CheckArgs) -> ExitCode {
    fail(args.json, &Failure::new("unimplemented", "ferry check is not built yet"))
}

pub async fn run_facets(args: FacetsArgs) -> ExitCode {
    fail(args.json, &Failure::new("unimplemented", "ferry facets is not built yet"))
}

pub async fn run_split(args: SplitArgs) -> ExitCode {
    fail(args.json, &Failure::new("unimplemented", "ferry split is not built yet"))
}

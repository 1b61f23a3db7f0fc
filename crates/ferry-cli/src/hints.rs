//! `ferry detect`, `ferry hints`, `ferry convert` — owned by the translation hints work.

use std::process::ExitCode;

use crate::output::{Failure, fail};

#[derive(clap::Args)]
pub struct DetectArgs {
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct HintsArgs {
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ConvertArgs {
    #[arg(long)]
    json: bool,
}

pub async fn run_detect(args: DetectArgs) -> ExitCode {
    fail(args.json, &Failure::new("unimplemented", "ferry detect is not built yet"))
}

pub async fn run_hints(args: HintsArgs) -> ExitCode {
    fail(args.json, &Failure::new("unimplemented", "ferry hints is not built yet"))
}

pub async fn run_convert(args: ConvertArgs) -> ExitCode {
    fail(args.json, &Failure::new("unimplemented", "ferry convert is not built yet"))
}

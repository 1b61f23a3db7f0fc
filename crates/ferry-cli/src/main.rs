//! `ferry`: the command line (the library's [`ferry_cli::run`]).

fn main() -> std::process::ExitCode {
    ferry_cli::run()
}

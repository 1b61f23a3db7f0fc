// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    // Run by a `ferry` launcher (the Linux packages' /usr/bin/ferry): the command line, on the
    // same engine this binary carries anyway, named `ferry` in its help and errors.
    if std::env::var_os(ferry_cli::CLI_EXE_ENV).is_some() {
        let args = std::iter::once("ferry".into()).chain(std::env::args_os().skip(1));
        return ferry_cli::run_with_args(args);
    }
    // Before any thread starts: the webview, the browser and plugins never see it.
    ferry_core::secrets::take_passphrase_from_env();
    // Before the webview starts: WebKit reads it once.
    #[cfg(target_os = "linux")]
    ferry_app::rendering::choose_compositing();
    ferry_app::run();
    ExitCode::SUCCESS
}

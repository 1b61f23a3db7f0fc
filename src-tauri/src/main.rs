// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before any thread starts: the webview, the browser and plugins never see it.
    ferry_core::secrets::take_passphrase_from_env();
    ferry_app::run();
}

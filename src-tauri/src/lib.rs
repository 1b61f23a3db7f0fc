//! The desktop shell. It owns windows, plugins and events; every command body is a thin
//! wrapper over `ferry-core` so the same behaviour is tested without a window.
//!
//! Layout: `about` (version, build and licenses for Settings), `background` (running on without a window while posts are scheduled, the tray),
//! `commands/` (one file per domain, listed once in `commands/mod.rs`), `database` (the
//! store in managed state, opened on the UI's first call), `open_store` (the command argument
//! that is the open store), `preferences` (UI language and theme), `os_locale` (the OS's
//! preferred languages), `media_protocol` (thumbnails from the data folder),
//! `feed_image_protocol` (feed items' images, fetched by the engine), `close_guard` (a
//! last autosave before the window closes), `publishing` (the accounts and the outbox, the
//! keychain opened on first use), `scheduling` (the scheduler loop, started on the first
//! scheduling call), `feeding` (feed refreshes in the background), `sign_ins` (Mastodon and X)
//! (Mastodon sign-ins waiting for the browser), `browser` (web pages opened in the system
//! browser), `notifications` and `native_text` (OS notifications for scheduled posts, and the
//! words shown outside the webview), `logging` (the log file in the data folder), `events`
//! (what the shell emits, with its payloads),
//! `contract` (the commands and events described for the UI) and `bindings` (the TypeScript
//! the UI imports, generated from these declarations).

pub mod about;
pub mod autostart;
pub mod background;
pub mod bindings;
pub mod browser;
pub mod close_guard;
pub mod commands;
pub mod contract;
pub mod database;
pub mod error;
pub mod events;
pub mod feed_image_protocol;
pub mod feeding;
pub mod keychain;
pub mod logging;
pub mod media_protocol;
pub mod native_text;
pub mod notifications;
pub mod open_store;
pub mod os_locale;
pub mod preferences;
pub mod publishing;
pub mod relaunch;
#[cfg(target_os = "linux")]
pub mod rendering;
pub mod scheduling;
pub mod sign_ins;
pub mod welcome;

use tauri::{Manager, RunEvent};

use crate::close_guard::CloseGuard;
use crate::database::Database;

pub fn run() {
    let data_dir = ferry_core::default_data_dir().ok();
    let _log = logging::init(data_dir.as_deref());
    // The hints panel's dictionaries load while the window opens, not on the first keystroke.
    commands::hints::warm_dictionaries();

    let app = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            background::show_main_window(app);
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(autostart::plugin())
        .manage(Database::from_env())
        .manage(CloseGuard::default())
        .manage(publishing::Publishing::default())
        .manage(scheduling::Scheduling::default())
        .manage(feeding::Feeding::default())
        .manage(sign_ins::MastodonSignIns::new("mastodon"))
        .manage(sign_ins::XSignIns::new("x"))
        .manage(ferry_core::handoff::LanPages::default())
        .register_asynchronous_uri_scheme_protocol(media_protocol::SCHEME, media_protocol::handle)
        .register_asynchronous_uri_scheme_protocol(
            feed_image_protocol::SCHEME,
            feed_image_protocol::handle,
        )
        .setup(|app| {
            // The window is not made from the configuration at start ("create": false), so
            // a start at login never shows one.
            if !autostart::in_background() {
                background::open_main_window(app.handle())?;
            }
            Ok(())
        })
        .on_window_event(close_guard::on_window_event)
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!());
    let app = match app {
        Ok(app) => app,
        Err(err) => {
            let said = err.to_string();
            if relaunch::is_quitting_instance(&said) {
                let why = relaunch::start_again();
                eprintln!("Ferry could not start its window: {said} ({why})");
            } else {
                eprintln!("Ferry could not start its window: {said}");
            }
            std::process::exit(1);
        }
    };
    let at_login = autostart::in_background();
    app.run(move |app, event| match event {
        RunEvent::Ready if at_login => autostart::start_in_background(app),
        RunEvent::ExitRequested { code, api, .. } => {
            background::on_exit_requested(app, code, &api);
        }
        RunEvent::Exit => {
            // Closing the pool checkpoints the WAL, so the database file alone is complete.
            tauri::async_runtime::block_on(app.state::<Database>().close());
        }
        _ => {}
    });
}

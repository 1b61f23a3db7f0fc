//! The commands the UI invokes, one file per domain. Each body is one or two lines over an
//! engine call; what the engine does is tested in `ferry-core`, and each command here is
//! called directly against a temporary database in `tests/it/commands.rs`.
//!
//! Adding a command: write it in its domain's file, list it in [`handler`], call it from
//! `ui/src/lib/backend/tauri.ts`, and if it returns a new type, add that type to the bindings
//! list in `src/bindings.rs`.

pub mod accounts;
pub mod database;
pub mod drafts;
pub mod hints;
pub mod media;
pub mod publish;
pub mod rules;
pub mod settings;
pub mod translation;
pub mod window;

/// The invoke handler with every command the UI may call.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        database::database_status,
        database::retry_database,
        database::start_fresh,
        drafts::list_drafts,
        drafts::get_draft,
        drafts::create_draft,
        drafts::save_draft,
        drafts::delete_draft,
        drafts::draft_history,
        drafts::get_revision,
        drafts::restore_revision,
        media::attach_media,
        rules::check_variant,
        settings::get_settings,
        settings::save_settings,
        settings::system_languages,
        window::close_main_window,
        accounts::list_accounts,
        accounts::add_bluesky,
        accounts::add_nostr,
        accounts::set_account_audience,
        accounts::remove_account,
        accounts::start_mastodon_sign_in,
        accounts::wait_mastodon_sign_in,
        accounts::finish_mastodon_sign_in,
        accounts::cancel_mastodon_sign_in,
        publish::post_now,
        publish::retry_failed,
        publish::draft_publish_jobs,
        publish::resume_publishing,
        publish::open_link,
        hints::hints,
        hints::convert_chinese,
        translation::translation_status,
        translation::list_translation_providers,
        translation::add_translation_provider,
        translation::update_translation_provider,
        translation::remove_translation_provider,
        translation::translate_text,
    ]
}

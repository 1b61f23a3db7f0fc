//! The commands the UI invokes, one file per domain. Each body is one or two lines over an
//! engine call; what the engine does is tested in `ferry-core`, and each command here is
//! called directly against a temporary database in `tests/it/commands.rs`.
//!
//! Adding a command: write it with `#[ferry_macros::command]` in its domain's file, add its
//! path to the one list below, run `make bindings`. The list makes both the invoke
//! [`handler`] and the [`declarations`] that `ui/src/lib/backend/bindings/contract.ts` (and
//! the file of every type the commands take and return) is generated from, so the UI sees a
//! new command, a renamed argument or a changed result as a type error.

pub mod accounts;
pub mod database;
pub mod drafts;
pub mod feed;
pub mod handoff;
pub mod hints;
pub mod media;
pub mod media_host;
pub mod publish;
pub mod rules;
pub mod schedule;
pub mod settings;
pub mod translation;
pub mod window;
pub mod x_sign_in;

/// Takes each command's path once and makes both the handler and the declarations from it.
macro_rules! commands {
    ($($module:ident::$command:ident),* $(,)?) => {
        /// The invoke handler with every command the UI may call.
        pub fn handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$command),*]
        }

        /// Every command's name, arguments and result, in the order of the list.
        pub fn declarations() -> Vec<crate::contract::Command> {
            vec![$(crate::contract::Command::of::<$module::$command>()),*]
        }
    };
}

commands![
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
    drafts::drop_draft_reply,
    media::attach_media,
    media::set_attachment_focus,
    media_host::get_media_host,
    media_host::add_s3_media_host,
    media_host::remove_media_host,
    media_host::set_media_host_delete_after_post,
    rules::check_variant,
    settings::get_settings,
    settings::save_settings,
    settings::system_languages,
    settings::autostart_enabled,
    settings::set_autostart,
    settings::log_folder,
    settings::open_log_folder,
    settings::about,
    settings::welcome_needed,
    settings::finish_welcome,
    window::close_main_window,
    window::keep_main_window_open,
    accounts::list_accounts,
    accounts::add_bluesky,
    accounts::add_nostr,
    accounts::add_telegram,
    accounts::add_threads,
    accounts::set_nostr_media_server,
    accounts::set_account_audience,
    accounts::remove_account,
    accounts::start_mastodon_sign_in,
    accounts::wait_mastodon_sign_in,
    accounts::finish_mastodon_sign_in,
    accounts::cancel_mastodon_sign_in,
    x_sign_in::start_x_sign_in,
    x_sign_in::wait_x_sign_in,
    x_sign_in::cancel_x_sign_in,
    publish::post_now,
    publish::preview_post,
    publish::retry_failed,
    publish::draft_publish_jobs,
    publish::mark_published,
    publish::settle_target,
    handoff::export_rednote_kit,
    handoff::open_kit_folder,
    handoff::send_rednote_kit,
    handoff::start_lan_handoff,
    handoff::lan_handoff_state,
    handoff::stop_lan_handoff,
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
    schedule::scheduler_status,
    schedule::list_schedules,
    schedule::check_wall_time,
    schedule::add_schedule,
    schedule::schedule_next_slots,
    schedule::move_schedule,
    schedule::cancel_schedule,
    schedule::post_held_now,
    schedule::skip_held,
    schedule::set_catch_up_minutes,
    schedule::account_zones,
    schedule::set_account_zone,
    schedule::set_server_schedule,
    schedule::system_zone,
    schedule::list_slots,
    schedule::add_slot,
    schedule::remove_slot,
    feed::list_feed_sources,
    feed::add_feed,
    feed::add_feed_creator,
    feed::remove_feed_source,
    feed::refresh_feeds,
    feed::list_feed_items,
    feed::bring_feed_item,
    feed::reply_to_feed_item,
    feed::list_feed_people,
    feed::link_feed_people,
    feed::remove_feed_person,
    feed::interact_feed_item,
    feed::undo_feed_interaction,
    feed::load_feed_gap,
    feed::forget_feed_gap,
    feed::feed_settings,
    feed::set_feed_retention,
];

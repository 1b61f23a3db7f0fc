//! The `ferry` binary's integration tests, built as one test binary: each file of its own
//! would link the engine again, which on two cores costs more than running every test. Test
//! names keep their file as a prefix (`accounts_cli::…`, `drafts::…`).

mod accounts_support;
mod schedule_support;
mod slow_proxy;

mod accounts_cli;
mod check_cli;
mod check_draft_cli;
mod daemon_cli;
mod daemon_kill;
mod daemon_wake;
mod drafts;
mod drafts_failures;
mod feed_cli;
mod hints_cli;
mod kill_autosave_publish;
mod media_host_cli;
mod post_cli;
mod rednote_cli;
mod schedule_cli;
mod telegram_cli;
mod threads_cli;
mod translate_cli;
mod x_cli;

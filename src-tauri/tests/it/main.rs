//! The shell's integration tests, built as one binary: each file of its own would link all of
//! Tauri again, which on two cores costs more than running every test.

mod accounts_publish_commands;
mod capabilities;
mod commands;
mod contract;
mod feed_commands;
mod hints_commands;
mod notifications;
mod rules_commands;
mod translation_commands;
mod x_commands;

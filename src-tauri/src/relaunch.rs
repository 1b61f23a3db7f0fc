//! Starting again when Ferry is opened while its previous window is still quitting.
//!
//! On Linux the single-instance plugin owns a D-Bus name; a second start asks the owner to show
//! its window and exits. An owner that is quitting (its window just closed, the database being
//! checkpointed) leaves the bus without answering, and the plugin then fails the new start —
//! quitting Ferry and opening it again at once showed nothing. So that start waits a moment
//! and runs itself again, in the same process (`exec`), until the old one is gone and the name
//! is free, at most [`MAX_TRIES`] times.

/// Set on the restarted process: how many times it was started again.
const TRIES_ENV: &str = "FERRY_RELAUNCH_TRIES";
/// 5 × 600 ms: longer than a quit takes, short enough to give up on a stuck instance.
const MAX_TRIES: u32 = 5;
const WAIT: std::time::Duration = std::time::Duration::from_millis(600);

/// Whether `error` (from building the app) says the running instance did not take the start.
pub fn is_quitting_instance(error: &str) -> bool {
    error.contains("failed to forward arguments to the running instance")
}

/// Waits and runs this program again with the same arguments; returns only when it may not
/// (tried enough, or the program can't be run), with why.
pub fn start_again() -> String {
    let tries: u32 = std::env::var(TRIES_ENV)
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    if tries >= MAX_TRIES {
        return format!("the running Ferry did not answer after {MAX_TRIES} tries");
    }
    std::thread::sleep(WAIT);
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(err) => return format!("cannot find this program to start it again: {err}"),
    };
    let mut again = std::process::Command::new(exe);
    again
        .args(std::env::args_os().skip(1))
        .env(TRIES_ENV, (tries + 1).to_string());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        format!("cannot start again: {}", again.exec())
    }
    #[cfg(not(unix))]
    {
        // Windows and macOS don't take this path: their single-instance plugins don't fail a
        // start this way. Spawn rather than exec there, should they ever.
        match again.spawn() {
            Ok(_) => std::process::exit(0),
            Err(err) => format!("cannot start again: {err}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_quitting_instance;

    #[test]
    fn only_the_plugins_forwarding_failure_starts_again() {
        // What Ferry printed when opened while the old window was quitting.
        let seen = "failed to initialize plugin `single-instance`: failed to forward arguments \
                    to the running instance: org.freedesktop.DBus.Error.NoReply: Message \
                    recipient disconnected from message bus without replying";
        assert!(is_quitting_instance(seen));
        assert!(!is_quitting_instance(
            "failed to initialize plugin `dialog`: no display"
        ));
    }
}

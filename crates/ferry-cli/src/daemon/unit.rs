//! `ferry daemon --print-systemd-unit`: a systemd *user* unit running this very binary, so an
//! always-on machine sends scheduled posts with nobody logged in to the desktop.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use ferry_core::DATA_DIR_ENV;
use ferry_core::secrets::{BACKEND_ENV, FILE_ENV};

use crate::output::fail_plain;

pub fn print(data_dir: Option<&Path>) -> ExitCode {
    // A launcher that runs another program as `ferry` names itself (`crate::CLI_EXE_ENV`):
    // the unit must start the launcher, not the app's binary.
    let launcher = std::env::var_os(crate::CLI_EXE_ENV).map(std::path::PathBuf::from);
    let exe = match launcher.map_or_else(
        || std::env::current_exe().and_then(|p| p.canonicalize()),
        Ok,
    ) {
        Ok(path) => path,
        Err(err) => return fail_plain(&format!("cannot find this program's own path: {err}")),
    };
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "{}", unit(&exe, data_dir));
    ExitCode::SUCCESS
}

fn unit(exe: &Path, data_dir: Option<&Path>) -> String {
    let mut env = Vec::new();
    // The data folder as this shell has it, so the unit uses the same database.
    let data = data_dir
        .map(|d| d.to_path_buf())
        .or_else(|| std::env::var_os(DATA_DIR_ENV).map(Into::into));
    if let Some(dir) = data {
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        env.push(format!("{DATA_DIR_ENV}={}", dir.display()));
    }
    for name in [BACKEND_ENV, FILE_ENV] {
        if let Ok(value) = std::env::var(name) {
            env.push(format!("{name}={value}"));
        }
    }
    let env: String = env
        .iter()
        .map(|e| format!("Environment={}\n", quote(e)))
        .collect();
    format!(
        "# Ferry's scheduler as a systemd user service: scheduled posts go out while this \
         machine is on.\n\
         # Install:\n\
         #   mkdir -p ~/.config/systemd/user\n\
         #   ferry daemon --print-systemd-unit > ~/.config/systemd/user/ferry.service\n\
         #   systemctl --user daemon-reload\n\
         #   systemctl --user enable --now ferry.service\n\
         #   loginctl enable-linger \"$USER\"   # keep it running while you are logged out\n\
         # Logs: journalctl --user -u ferry.service -f\n\
         # Without a keychain (FERRY_SECRETS_BACKEND=file), put FERRY_SECRETS_PASSPHRASE=… in a\n\
         # file only you can read (chmod 600) and uncomment EnvironmentFile below; never write\n\
         # the passphrase into this unit.\n\
         [Unit]\n\
         Description=Ferry scheduler: sends scheduled posts\n\
         \n\
         [Service]\n\
         Type=simple\n\
         ExecStart={} daemon\n\
         {env}\
         # EnvironmentFile=%h/.config/ferry/daemon.env\n\
         Restart=on-failure\n\
         RestartSec=30\n\
         \n\
         [Install]\n\
         WantedBy=default.target\n",
        quote(&exe.display().to_string())
    )
}

/// systemd's quoting: a word with spaces, quotes or backslashes goes in double quotes.
fn quote(word: &str) -> String {
    if word
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '\\' | '\''))
    {
        format!("\"{}\"", word.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{quote, unit};
    use std::path::Path;

    #[test]
    fn the_unit_runs_this_binary_and_restarts_on_failure() {
        let text = unit(
            Path::new("/opt/ferry tools/ferry"),
            Some(Path::new("/srv/ferry")),
        );
        assert!(
            text.contains("ExecStart=\"/opt/ferry tools/ferry\" daemon\n"),
            "{text}"
        );
        assert!(
            text.contains("Environment=FERRY_DATA_DIR=/srv/ferry\n"),
            "{text}"
        );
        assert!(text.contains("Restart=on-failure"));
        assert!(text.contains("systemctl --user enable --now"));
        assert_eq!(quote("a\"b c"), "\"a\\\"b c\"");
    }
}

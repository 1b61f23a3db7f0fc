//! The login entry on Linux and the BSDs: a desktop file in `$XDG_CONFIG_HOME/autostart`
//! (`~/.config/autostart` when unset), as the XDG Autostart specification says desktops read
//! it. Written here rather than by `tauri-plugin-autostart`, whose Linux side (auto-launch
//! 0.5) fails on a home without `~/.config` ("No such file or directory"), ignores
//! `XDG_CONFIG_HOME`, writes the program path unquoted (a path with a space runs something
//! else) and panics without a home.
//!
//! ```no_run
//! # fn demo() -> std::io::Result<()> {
//! # use ferry_app::autostart::xdg_entry::LoginEntry;
//! let entry = LoginEntry::for_this_user().expect("a home folder");
//! entry.write(&std::env::current_exe()?, &["--background"])?;
//! assert!(entry.exists());
//! entry.remove()?;
//! # Ok(()) }
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};

/// The file's name (the plugin's, so an entry it made earlier is the same entry).
const FILE_NAME: &str = "Ferry.desktop";

/// Where this user's login entry lives.
#[derive(Debug, Clone)]
pub struct LoginEntry {
    path: PathBuf,
}

impl LoginEntry {
    /// `$XDG_CONFIG_HOME/autostart/Ferry.desktop`, else under `$HOME/.config`; `None` when
    /// neither is known.
    pub fn for_this_user() -> Option<LoginEntry> {
        let config = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
        Some(LoginEntry::in_config(&config))
    }

    /// The entry under a given configuration folder.
    pub fn in_config(config: &Path) -> LoginEntry {
        LoginEntry {
            path: config.join("autostart").join(FILE_NAME),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn exists(&self) -> bool {
        self.path.is_file()
    }

    /// Writes the entry to start `program` with `args`, making the folders it needs. Written
    /// to a temporary file and renamed, so a desktop never reads half an entry.
    pub fn write(&self, program: &Path, args: &[&str]) -> std::io::Result<()> {
        let folder = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder)?;
        let exec = std::iter::once(program.to_string_lossy().into_owned())
            .chain(args.iter().map(|a| (*a).to_owned()))
            .map(|word| quote(&word))
            .collect::<Vec<_>>()
            .join(" ");
        let text = format!(
            "[Desktop Entry]\nType=Application\nVersion=1.0\nName=Ferry\n\
             Comment=Sends scheduled posts after a restart\nExec={exec}\n\
             StartupNotify=false\nTerminal=false\nX-GNOME-Autostart-enabled=true\n"
        );
        let temporary = self.path.with_extension("desktop.tmp");
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temporary, &self.path)
    }

    /// Removes the entry; nothing to do when there is none.
    pub fn remove(&self) -> std::io::Result<()> {
        match std::fs::remove_file(&self.path) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            done => done,
        }
    }
}

/// One word of an `Exec` line, quoted as the Desktop Entry specification asks: inside double
/// quotes when it holds a reserved character, with `"`, `` ` ``, `$` and `\` escaped; `%`
/// doubled everywhere (a lone `%` starts a field code). The key's value then escapes `\`
/// once more, as every string value does.
fn quote(word: &str) -> String {
    let word = word.replace('%', "%%");
    let reserved = |c: char| " \t\n\"'\\><~|&;$*?#()`".contains(c);
    if !word.is_empty() && !word.contains(reserved) {
        return word;
    }
    let mut quoted = String::from("\"");
    for c in word.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted.replace('\\', "\\\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exec_line(entry: &LoginEntry) -> String {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix("Exec="))
            .unwrap()
            .to_owned()
    }

    #[test]
    fn writes_the_entry_in_a_config_folder_that_does_not_exist_yet() {
        let home = tempfile::tempdir().unwrap();
        let entry = LoginEntry::in_config(&home.path().join(".config"));
        entry
            .write(Path::new("/usr/bin/ferry-app"), &["--background"])
            .unwrap();
        assert!(entry.exists());
        assert_eq!(exec_line(&entry), "/usr/bin/ferry-app --background");
        assert!(entry.path().ends_with(".config/autostart/Ferry.desktop"));
        entry.remove().unwrap();
        assert!(!entry.exists());
        entry.remove().unwrap(); // removing what is gone is not an error
    }

    #[test]
    fn a_program_path_with_spaces_and_reserved_characters_is_quoted() {
        let dir = tempfile::tempdir().unwrap();
        let entry = LoginEntry::in_config(dir.path());
        entry
            .write(
                Path::new("/opt/My Apps/$ferry 100%/ferry-app"),
                &["--background"],
            )
            .unwrap();
        // The spec's quoting (\$), then the string value's escaping of \ (\\$).
        assert_eq!(
            exec_line(&entry),
            r#""/opt/My Apps/\\$ferry 100%%/ferry-app" --background"#
        );
        assert_eq!(quote(""), "\"\"");
        assert_eq!(quote("plain-word"), "plain-word");
    }
}

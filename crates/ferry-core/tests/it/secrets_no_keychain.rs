//! Where there is no usable keychain, opening it fails with `secrets.no_keychain` and a
//! message on how to opt into the encrypted file, instead of storing the secret somewhere
//! else. Each case runs the open in a child process whose D-Bus environment is broken in one
//! way (the session bus address is read from the environment, which a test must not change
//! in its own process).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use crate::secrets_support::{child_result, is_child, rerun_as_child, rerun_as_child_in};
use ferry_core::secrets::{self, PassphraseSource, SecretsConfig};

/// In the child: open the keychain the way the app does and report the outcome.
fn report_open() {
    match secrets::open(&SecretsConfig::keychain(), PassphraseSource::none()) {
        Ok(_) => child_result("opened"),
        Err(err) => child_result(&format!("{}\n{err}", err.code())),
    }
}

fn assert_no_keychain(result: &str, reason: &str) {
    let (code, message) = result.split_once('\n').unwrap_or((result, ""));
    assert_eq!(code, "secrets.no_keychain", "{result}");
    assert!(
        message.contains(reason),
        "the message should say {reason:?}: {message}"
    );
    assert!(
        message.contains("FERRY_SECRETS_BACKEND=file")
            && message.contains("FERRY_SECRETS_PASSPHRASE"),
        "the message should say how to opt into the encrypted file: {message}"
    );
}

#[test]
fn no_session_bus_address_means_no_keychain() {
    if is_child() {
        return report_open();
    }
    let result = rerun_as_child(
        "secrets_no_keychain::no_session_bus_address_means_no_keychain",
        &[
            ("DBUS_SESSION_BUS_ADDRESS", None),
            ("XDG_RUNTIME_DIR", None),
        ],
    );
    assert_no_keychain(&result, "no D-Bus session bus");
}

#[test]
fn session_bus_pointing_nowhere_means_no_keychain() {
    if is_child() {
        return report_open();
    }
    let dir = tempfile::tempdir().unwrap();
    let nowhere = format!("unix:path={}/no-bus-here", dir.path().display());
    let result = rerun_as_child(
        "secrets_no_keychain::session_bus_pointing_nowhere_means_no_keychain",
        &[("DBUS_SESSION_BUS_ADDRESS", Some(&nowhere))],
    );
    assert_no_keychain(&result, "session bus cannot be reached");
}

/// A real session bus (dbus-daemon) with nothing providing org.freedesktop.secrets and no
/// service files, so D-Bus cannot start one either.
#[test]
fn bus_without_secret_service_means_no_keychain() {
    if is_child() {
        return report_open();
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bus.conf");
    std::fs::write(
        &config,
        format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={}/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
            dir.path().display()
        ),
    )
    .unwrap();
    let mut bus = Bus::start(&config);
    let result = rerun_as_child(
        "secrets_no_keychain::bus_without_secret_service_means_no_keychain",
        &[("DBUS_SESSION_BUS_ADDRESS", Some(&bus.address))],
    );
    bus.stop();
    assert_no_keychain(&result, "no Secret Service provider");
}

/// gnome-keyring with a "login" collection that is locked, on a machine without a display:
/// unlocking needs its password prompt, which cannot appear, so the keychain is unusable.
#[test]
fn locked_collection_that_cannot_be_unlocked_means_no_keychain() {
    if is_child() {
        return report_open();
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let run = dir.path().join("run");
    std::fs::create_dir(&data).unwrap();
    std::fs::create_dir(&run).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let (data, run) = (data.to_str().unwrap(), run.to_str().unwrap());
    let env = [
        ("XDG_DATA_HOME", Some(data)),
        ("XDG_RUNTIME_DIR", Some(run)),
        ("DISPLAY", None),
        ("WAYLAND_DISPLAY", None),
    ];
    // First session: create the login collection with a password, then stop.
    let created = Command::new("dbus-run-session")
        .args(["--", "bash", "-c", CREATE_LOGIN_KEYRING])
        .env("XDG_DATA_HOME", data)
        .env("XDG_RUNTIME_DIR", run)
        .output()
        .expect("dbus-run-session (Debian package dbus) must run");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    // Second session: the daemon starts without the password, so the collection stays locked.
    let result = rerun_as_child_in(
        &[
            "dbus-run-session",
            "--",
            "bash",
            "-c",
            RUN_WITH_LOCKED_KEYRING,
            "bash",
        ],
        "secrets_no_keychain::locked_collection_that_cannot_be_unlocked_means_no_keychain",
        &env,
    );
    assert_no_keychain(&result, "locked and could not be unlocked");
}

const CREATE_LOGIN_KEYRING: &str = r#"
printf %s 'a password nobody types' |
  gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  [ -s "$XDG_DATA_HOME/keyrings/login.keyring" ] && break
  sleep 0.1
done
kill "$pid"; wait "$pid" 2>/dev/null
[ -s "$XDG_DATA_HOME/keyrings/login.keyring" ] || { echo "no login.keyring was created" >&2; exit 1; }
"#;

const RUN_WITH_LOCKED_KEYRING: &str = r#"
gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus     org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true' && break
  sleep 0.1
done
status=0
"$@" || status=$?
kill "$pid"; wait "$pid" 2>/dev/null
exit "$status"
"#;

struct Bus {
    child: Child,
    address: String,
}

impl Bus {
    fn start(config: &std::path::Path) -> Bus {
        let mut child = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon (Debian package dbus-daemon, installed by make test) must run");
        let mut address = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_owned();
        assert!(
            address.starts_with("unix:"),
            "dbus-daemon printed {address:?}"
        );
        Bus { child, address }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        self.stop();
    }
}

//! Shared by the `secrets_*` tests: unique names, cheap key derivation for the file tests, and
//! re-running one test in a child process with a different environment.
#![allow(dead_code)] // each test file uses a different part

use std::process::Command;

use ferry_core::secrets::{KdfParams, SecretKey, SecretKind};

/// An account id no other test (or parallel nextest process, or earlier run) uses, so tests
/// sharing the one keyring never see each other's items. Contains CJK on purpose.
pub fn unique_account(test: &str) -> String {
    format!("test-{test}-渡-{}", uuid::Uuid::new_v4())
}

pub fn key(account: &str, kind: SecretKind) -> SecretKey {
    SecretKey::new(account, kind).unwrap()
}

/// Argon2id settings that take milliseconds, for tests about the file rather than the KDF
/// (one test still uses the defaults).
pub fn cheap_kdf() -> KdfParams {
    KdfParams {
        memory_kib: 64,
        iterations: 1,
        lanes: 1,
    }
}

/// Environment variable telling a test that it runs as the child of [`rerun_as_child`].
pub const CHILD_ENV: &str = "FERRY_SECRETS_TEST_CHILD";

pub fn is_child() -> bool {
    std::env::var_os(CHILD_ENV).is_some()
}

/// Runs test `name` of this test binary again in a new process with `env` changed (a `None`
/// value removes the variable), and returns what the child printed after `CHILD-RESULT `.
/// `name` is the test's full path in the one test binary (`secrets_file::…`): with `--exact`
/// a bare function name matches nothing, and the missing result then fails the test.
/// Needed for what only the environment controls, like which D-Bus session bus to use.
pub fn rerun_as_child(name: &str, env: &[(&str, Option<&str>)]) -> String {
    rerun_as_child_in(&[], name, env)
}

/// [`rerun_as_child`] with the child started through `wrapper` (a command that runs its
/// arguments, like `dbus-run-session --`).
pub fn rerun_as_child_in(wrapper: &[&str], name: &str, env: &[(&str, Option<&str>)]) -> String {
    let exe = std::env::current_exe().unwrap();
    let exe = exe.to_str().unwrap();
    let mut args: Vec<&str> = wrapper.to_vec();
    args.extend([exe, "--exact", name, "--nocapture", "--test-threads=1"]);
    let mut cmd = Command::new(args[0]);
    cmd.args(&args[1..]).env(CHILD_ENV, "1");
    for (var, value) in env {
        match value {
            Some(value) => cmd.env(var, value),
            None => cmd.env_remove(var),
        };
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child run of {name} failed: {}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, result) = stdout
        .split_once("CHILD-RESULT ")
        .unwrap_or_else(|| panic!("child run of {name} printed no result:\n{stdout}"));
    result.split("\nCHILD-END").next().unwrap().to_owned()
}

/// What a child prints for the parent to check.
pub fn child_result(text: &str) {
    println!("CHILD-RESULT {text}\nCHILD-END");
}

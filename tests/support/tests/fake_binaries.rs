//! The FAKE API binaries as the E2E suite starts them (`start_fake` in tests/peers/common.sh):
//! each, given an address, prints `VAR=<base>` on its first line once listening and then
//! answers HTTP at that base until killed. A binary that printed another name, printed before
//! it listened, or died would fail every E2E test of its network with a vague timeout; this
//! names it.
//!
//! Being an integration test also makes `cargo test --workspace` build the three binaries with
//! the test build's features, so `make test-e2e` takes them from that build instead of
//! compiling the dependency tree again (mk/40-e2e.mk).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Kills the fake when the test ends, passed or not.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn starts_and_serves(binary: &str, var: &str) {
    let child = Command::new(binary)
        .arg("127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{binary} did not start: {e}"));
    let mut running = Running(child);
    let stdout = running.0.stdout.take().expect("stdout is piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|_| panic!("{binary} printed nothing within 20 s"));
    let base = line
        .trim_end()
        .strip_prefix(&format!("{var}="))
        .unwrap_or_else(|| panic!("{binary}'s first line is {line:?}, not {var}=<base>"));
    let authority = base
        .strip_prefix("http://")
        .unwrap_or_else(|| panic!("{binary}'s base {base:?} is not http://…"))
        .trim_end_matches('/');
    assert!(
        authority.starts_with("127.0.0.1:") && !authority.ends_with(":0"),
        "{binary} should name the port it listens on, at 127.0.0.1: {base}"
    );

    // Listening already when it printed: the E2E connects at once.
    let mut stream = TcpStream::connect(authority)
        .unwrap_or_else(|e| panic!("{binary} printed {base} but refused a connection: {e}"));
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("a read timeout");
    write!(
        stream,
        "GET /ferry-no-such-path HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
    )
    .expect("the request is written");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(
        answer.starts_with("HTTP/1.1 "),
        "{binary} did not answer HTTP: {answer:?}"
    );
}

#[test]
fn fake_x_prints_its_base_and_serves() {
    starts_and_serves(env!("CARGO_BIN_EXE_fake-x"), "FERRY_TEST_X");
}

#[test]
fn fake_telegram_prints_its_base_and_serves() {
    starts_and_serves(env!("CARGO_BIN_EXE_fake-telegram"), "FERRY_TEST_TELEGRAM");
}

#[test]
fn fake_threads_prints_its_base_and_serves() {
    starts_and_serves(env!("CARGO_BIN_EXE_fake-threads"), "FERRY_TEST_THREADS");
}

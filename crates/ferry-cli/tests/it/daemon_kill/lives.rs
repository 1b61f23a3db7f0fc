//! Starting `ferry daemon` and killing it: `KILLS` lives of a random length each, and what
//! each got through before its SIGKILL, read from its log and from the database it left.

use std::collections::HashSet;
use std::fs::File;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::{Connection, SqliteConnection};

use crate::schedule_support::command;

pub const KILLS: usize = 50;
/// How long a daemon lives before its SIGKILL, in ms: from inside its start-up (~0.3 s to
/// open the secrets file, Argon2id) to well into its passes and sends.
const LIFE_MS: std::ops::Range<u64> = 50..700;

/// What the kills left behind.
pub struct Kills {
    pub lives: Vec<Life>,
    /// Parts (network, part) whose request was on its way when a kill landed.
    pub cut_off: HashSet<(String, String)>,
    /// Items claimed by a daemon killed before it handed them over.
    pub stranded: HashSet<String>,
    pub secs: f64,
}

/// Starts a daemon and SIGKILLs it after a random while, `KILLS` times.
pub async fn kill_daemons(data: &Path, seed: u64) -> Kills {
    let db = data.join("ferry.db");
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    let mut moments = Moments::new(seed, LIFE_MS);
    let started = Instant::now();
    let mut kills = Kills {
        lives: Vec::with_capacity(KILLS),
        cut_off: HashSet::new(),
        stranded: HashSet::new(),
        secs: 0.0,
    };
    for _ in 0..KILLS {
        let mut daemon = start_daemon(data);
        std::thread::sleep(Duration::from_millis(moments.next_ms()));
        daemon.kill().expect("SIGKILL the daemon"); // Child::kill is SIGKILL on Unix
        let status = daemon.wait().unwrap();
        // Not an exit of its own (a locked database, a bad secrets file): that kills nothing.
        assert_eq!(status.signal(), Some(9), "{status}: {}", stderr(data));
        kills.lives.push(Life::read(data));
        // Every daemon is dead now: a part still `sending` had its request on the way.
        let sending: Vec<(String, String)> = sqlx::query_as(
            "SELECT t.network, p.target_id || '#' || p.idx FROM outbox_parts p \
             JOIN outbox_targets t ON t.id = p.target_id WHERE p.state = 'sending'",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap();
        kills.cut_off.extend(sending);
        // Items a killed daemon had claimed and not handed over. Their 2-minute leases are left
        // as they are: the next daemon's pass must see the holder is gone and take them at
        // once (`claim.rs`), or the last daemon's 90 s would run out waiting for them.
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT id FROM schedules WHERE state = 'claimed'")
                .fetch_all(&mut conn)
                .await
                .unwrap();
        kills.stranded.extend(ids);
    }
    conn.close().await.unwrap();
    kills.secs = started.elapsed().as_secs_f64();
    kills
}

/// `ferry daemon --json` with its log in files: a pipe read only after the daemon ends
/// could fill up and block the last daemon's writes.
pub fn start_daemon(data: &Path) -> Child {
    command(data, &["daemon", "--json"])
        .stdout(File::create(data.join("daemon.log")).unwrap())
        .stderr(File::create(data.join("daemon.err")).unwrap())
        .spawn()
        .expect("start ferry daemon")
}

pub fn stderr(data: &Path) -> String {
    std::fs::read_to_string(data.join("daemon.err")).unwrap_or_default()
}

/// What one daemon got through before it was killed (or stopped), from its log.
#[derive(Debug, Default)]
pub struct Life {
    pub started: bool,
    /// Jobs it started sending: resumed at start, or handed over by its loop.
    pub jobs: usize,
    pub resumed: usize,
    pub finished: usize,
    pub posted: usize,
    pub stopped: bool,
}

impl Life {
    pub fn read(data: &Path) -> Life {
        let log = std::fs::read_to_string(data.join("daemon.log")).unwrap();
        let mut life = Life::default();
        // A line the kill cut short is not JSON and is left out; every whole line must be.
        for line in log.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            let line: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("a log line is not JSON ({e}): {line}"));
            let event = &line["event"];
            match (line["kind"].as_str(), event["kind"].as_str()) {
                (Some("started"), _) => {
                    life.started = true;
                    life.resumed = line["resumed_jobs"].as_u64().unwrap_or_default() as usize;
                    life.jobs += life.resumed;
                }
                (Some("handed"), _) => life.jobs += 1,
                (Some("publish"), Some("finished")) => life.finished += 1,
                (Some("publish"), Some("target")) if event["state"] == "posted" => life.posted += 1,
                (Some("stopped"), _) => life.stopped = true,
                _ => {}
            }
        }
        life
    }
}

/// Lifetimes in ms within `range`, replayable from a seed: SplitMix64, a few lines rather
/// than a crate. Also used by `kill_autosave_publish.rs`.
pub struct Moments {
    state: u64,
    range: std::ops::Range<u64>,
}

impl Moments {
    pub fn new(seed: u64, range: std::ops::Range<u64>) -> Moments {
        Moments { state: seed, range }
    }

    pub fn next_ms(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        self.range.start + z % (self.range.end - self.range.start)
    }
}

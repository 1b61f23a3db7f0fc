//! How many sources a refresh fetches at once: up to [`AT_ONCE`] in all, so 3 accounts and 20
//! feeds take about as long as the slowest of them rather than their sum, but at most
//! [`PER_HOST`] from one server (scheme, host and port of the source's address), so twenty
//! creators on one RSSHub, or two accounts on one Mastodon server, do not hit it all at once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Sources fetched at once in all.
pub(super) const AT_ONCE: usize = 24;
/// Sources fetched at once from one server.
pub(super) const PER_HOST: usize = 2;

/// The gates of one refresh.
#[derive(Clone)]
pub(super) struct HostGates {
    all: Arc<Semaphore>,
    hosts: Arc<Mutex<HashMap<String, Arc<Semaphore>>>>,
}

/// Both permits; the fetch may go while it is held.
pub(super) struct Pass {
    _host: OwnedSemaphorePermit,
    _all: OwnedSemaphorePermit,
}

impl HostGates {
    pub(super) fn new() -> Self {
        HostGates {
            all: Arc::new(Semaphore::new(AT_ONCE)),
            hosts: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// Waits for a turn at `address`'s server, then for a turn in all. In that order, so a
    /// source queued behind its own server holds no place another server's source could use.
    pub(super) async fn pass(&self, address: &str) -> Option<Pass> {
        let host = server_of(address);
        let gate = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(
                hosts
                    .entry(host)
                    .or_insert_with(|| Arc::new(Semaphore::new(PER_HOST))),
            )
        };
        let host = gate.acquire_owned().await.ok()?;
        let all = Arc::clone(&self.all).acquire_owned().await.ok()?;
        Some(Pass {
            _host: host,
            _all: all,
        })
    }
}

/// `scheme://host:port` of an address; the address itself when it does not parse (it then
/// only shares a gate with itself).
fn server_of(address: &str) -> String {
    match url::Url::parse(address) {
        Ok(url) => format!(
            "{}://{}:{}",
            url.scheme(),
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        ),
        Err(_) => address.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn one_server_is_its_scheme_host_and_port() {
        assert_eq!(
            server_of("https://rsshub.example/weibo/user/1"),
            server_of("https://rsshub.example:443/xiaohongshu/user/2")
        );
        assert_ne!(
            server_of("http://127.0.0.1:8001/a.rss"),
            server_of("http://127.0.0.1:8002/a.rss")
        );
        assert_eq!(server_of("not a url"), "not a url");
    }

    #[tokio::test]
    async fn a_third_source_on_one_server_waits_but_another_server_does_not() {
        let gates = HostGates::new();
        let first = gates.pass("https://rsshub.example/a").await.unwrap();
        let _second = gates.pass("https://rsshub.example/b").await.unwrap();
        let third = tokio::time::timeout(
            Duration::from_millis(50),
            gates.pass("https://rsshub.example/c"),
        );
        assert!(third.await.is_err(), "a third at once on one server");
        let other = tokio::time::timeout(
            Duration::from_millis(50),
            gates.pass("https://mastodon.example/"),
        );
        assert!(other.await.is_ok(), "another server goes at once");
        drop(first);
        let third = tokio::time::timeout(
            Duration::from_millis(50),
            gates.pass("https://rsshub.example/c"),
        );
        assert!(third.await.is_ok(), "its turn once one finished");
    }
}

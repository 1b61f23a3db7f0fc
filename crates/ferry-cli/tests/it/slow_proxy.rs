//! A TCP relay in front of a test peer that holds every chunk, each way, for a while: on
//! 127.0.0.1 a post takes ~10 ms, so a kill would almost never land while a request is on
//! its way; real servers are this far away and more.
//!
//! ```text
//! let relay = slow_proxy::slow("ws://127.0.0.1:7000", Duration::from_millis(80));
//! // "ws://127.0.0.1:<its own port>": each request and answer 80 ms later than direct
//! ```
//!
//! Plain threads and blocking sockets, so it keeps relaying while the test blocks its own
//! thread (sleeping between kills, waiting for a `ferry` command).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::time::Duration;

/// Starts a relay to `url`'s host and port (`scheme://host:port`, no path); the same URL
/// with the relay's port.
pub fn slow(url: &str, latency: Duration) -> String {
    let (scheme, upstream) = url
        .trim_end_matches('/')
        .split_once("://")
        .unwrap_or_else(|| panic!("not scheme://host:port: {url}"));
    let upstream = upstream.to_owned();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            // A peer that is down: the client sees its connection closed, as it would.
            let Ok(server) = TcpStream::connect(&upstream) else {
                continue;
            };
            for (from, to) in [(&client, &server), (&server, &client)] {
                let (from, to) = (from.try_clone().unwrap(), to.try_clone().unwrap());
                std::thread::spawn(move || pump(from, to, latency));
            }
        }
    });
    format!("{scheme}://127.0.0.1:{port}")
}

/// Copies `from` to `to`, each chunk `latency` late. When either side closes (a killed
/// daemon's sockets close with it), both are shut so the other direction ends too.
fn pump(mut from: TcpStream, mut to: TcpStream, latency: Duration) {
    let mut chunk = [0u8; 16 * 1024];
    while let Ok(n @ 1..) = from.read(&mut chunk) {
        std::thread::sleep(latency);
        if to.write_all(&chunk[..n]).is_err() {
            break;
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}

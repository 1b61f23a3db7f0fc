//! The doorbell: how a change made in one process wakes the scheduler loops of the others on
//! the same database at once, instead of at their next 30-second pass.
//!
//! Each running loop listens on a Unix datagram socket and writes its address in its heartbeat
//! row (`scheduler_runs.doorbell`). Whoever changes the schedule (`ferry schedule add`, the app)
//! reads the addresses of the loops that have not stopped and sends each one byte. The loop
//! then passes again, and the pass re-reads everything from the database: a ring carries no
//! data, so a stray or forged one costs one pass and nothing else.
//!
//! On Linux the socket has an abstract name (no file to leave behind when a loop is killed);
//! on other Unix systems it is a file in the temporary folder, removed when the loop stops.
//! Elsewhere there is no doorbell and the 30-second pass is the bound.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! use ferry_core::schedule::Doorbell;
//! let bell = Doorbell::open("daemon-doc").expect("a doorbell on Unix");
//! assert!(ferry_core::schedule::ring(bell.address()));
//! bell.rung().await; // returns at once: it was rung
//! # }
//! ```

/// The listening end, held by one scheduler loop.
#[derive(Debug)]
pub struct Doorbell {
    #[cfg(unix)]
    socket: tokio::net::UnixDatagram,
    address: String,
}

impl Doorbell {
    /// A new doorbell for loop `owner`; `None` when this system has none (the loop then
    /// relies on its 30-second pass).
    pub fn open(owner: &str) -> Option<Doorbell> {
        match listen(owner) {
            Ok(bell) => Some(bell),
            Err(err) => {
                tracing::warn!("no doorbell for the scheduler (changes wait for its pass): {err}");
                None
            }
        }
    }

    /// Where to ring it, as stored in the heartbeat row.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Waits until rung, then swallows every ring already queued, so a burst of changes costs
    /// one pass.
    pub async fn rung(&self) {
        #[cfg(unix)]
        {
            let mut byte = [0u8; 1];
            if self.socket.recv(&mut byte).await.is_err() {
                // A broken socket must not spin the loop: wait for the pass instead.
                std::future::pending::<()>().await;
            }
            while self.socket.try_recv(&mut byte).is_ok() {}
        }
        #[cfg(not(unix))]
        std::future::pending::<()>().await;
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
impl Drop for Doorbell {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.address);
    }
}

/// An abstract socket's address is written with a leading `@`, as `ss -x` shows it.
#[cfg(target_os = "linux")]
fn listen(owner: &str) -> std::io::Result<Doorbell> {
    use std::os::linux::net::SocketAddrExt;
    let name = format!("ferry-scheduler-{owner}");
    let address = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes())?;
    let socket = std::os::unix::net::UnixDatagram::bind_addr(&address)?;
    socket.set_nonblocking(true)?;
    Ok(Doorbell {
        socket: tokio::net::UnixDatagram::from_std(socket)?,
        address: format!("@{name}"),
    })
}

#[cfg(all(unix, not(target_os = "linux")))]
fn listen(owner: &str) -> std::io::Result<Doorbell> {
    // Socket paths are limited to ~104 bytes: a short name in the temporary folder.
    let short: String = owner.chars().rev().take(12).collect();
    let path = std::env::temp_dir().join(format!("ferry-{short}.sock"));
    let _ = std::fs::remove_file(&path);
    let socket = std::os::unix::net::UnixDatagram::bind(&path)?;
    socket.set_nonblocking(true)?;
    Ok(Doorbell {
        socket: tokio::net::UnixDatagram::from_std(socket)?,
        address: path.to_string_lossy().into_owned(),
    })
}

#[cfg(not(unix))]
fn listen(_owner: &str) -> std::io::Result<Doorbell> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "doorbells are Unix sockets",
    ))
}

/// Rings the doorbell at `address` without waiting; false when nothing listens there (the
/// loop stopped or was killed).
pub fn ring(address: &str) -> bool {
    #[cfg(unix)]
    {
        let Ok(sender) = std::os::unix::net::UnixDatagram::unbound() else {
            return false;
        };
        // A full queue means it was rung already and not yet answered: that is enough.
        let _ = sender.set_nonblocking(true);
        match send(&sender, address) {
            Ok(()) => true,
            Err(err) => err.kind() == std::io::ErrorKind::WouldBlock,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = address;
        false
    }
}

#[cfg(unix)]
fn send(sender: &std::os::unix::net::UnixDatagram, address: &str) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if let Some(name) = address.strip_prefix('@') {
        use std::os::linux::net::SocketAddrExt;
        let to = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes())?;
        return sender.send_to_addr(&[1], &to).map(|_| ());
    }
    sender.send_to(&[1], address).map(|_| ())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_ring_reaches_its_loop_and_a_burst_is_one_wake() {
        let bell = Doorbell::open("test-burst").unwrap();
        for _ in 0..100 {
            assert!(ring(bell.address()));
        }
        bell.rung().await;
        // The burst was swallowed: nothing more is waiting.
        let again = tokio::time::timeout(std::time::Duration::from_millis(50), bell.rung());
        assert!(again.await.is_err(), "one wake for a burst of rings");
    }

    #[test]
    fn nobody_answers_a_doorbell_whose_loop_is_gone() {
        let address = {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
                .unwrap();
            let _entered = runtime.enter();
            Doorbell::open("test-gone").unwrap().address().to_owned()
        };
        assert!(!ring(&address), "{address} should be closed");
    }
}

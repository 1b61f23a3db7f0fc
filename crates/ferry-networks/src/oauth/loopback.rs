//! The OAuth redirect target on this machine: `http://127.0.0.1:<port>/callback`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::oauth::LoopbackRedirect;
//! let redirect = LoopbackRedirect::bind("mastodon").await?;
//! let uri = redirect.redirect_uri(); // register the app with this, open the authorize URL
//! let code = redirect.wait_for_code("the-state", std::time::Duration::from_secs(300)).await?;
//! # Ok(()) }
//! ```

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use url::Url;

use crate::http::ClientError;

/// A listener on a free loopback port waiting for the browser to come back with a code.
#[derive(Debug)]
pub struct LoopbackRedirect {
    listener: TcpListener,
    port: u16,
    /// The network errors name.
    network: &'static str,
}

impl LoopbackRedirect {
    /// Listens on any free port, for a sign-in to `network` (the name errors carry).
    pub async fn bind(network: &'static str) -> Result<Self, ClientError> {
        Self::bind_port(network, 0).await
    }

    /// Listens on `port` (0: any free port). An app registered with a loopback redirect URI
    /// keeps working only on the same port, so a sign-in tries the registered one first.
    pub async fn bind_port(network: &'static str, port: u16) -> Result<Self, ClientError> {
        let fail = |e: std::io::Error| ClientError::InvalidInput {
            network,
            field: "sign-in redirect listener".into(),
            detail: format!("cannot listen on 127.0.0.1 port {port}: {e}"),
        };
        let listener = TcpListener::bind(("127.0.0.1", port)).await.map_err(fail)?;
        let port = listener.local_addr().map_err(fail)?.port();
        Ok(Self {
            listener,
            port,
            network,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn redirect_uri(&self) -> String {
        format!("http://127.0.0.1:{}/callback", self.port)
    }

    /// Waits for `GET /callback?code=…&state=…`, checks `state`, answers the browser with a
    /// short page and returns the code. Other requests (a favicon) get a 404 and the wait
    /// goes on. Connections are served side by side, each given [`READ_TIMEOUT`] to send its
    /// request, so a connection that sends nothing (a browser's preconnect, another program)
    /// can't hold up the browser's real answer. An answer whose `state` isn't this sign-in's
    /// is refused and ignored — anything on this machine can reach the port, and must not be
    /// able to cancel the sign-in; the server's `error=access_denied` with the right state
    /// ends it with an `Auth` error.
    pub async fn wait_for_code(
        self,
        expected_state: &str,
        timeout: Duration,
    ) -> Result<String, ClientError> {
        let (sender, mut outcomes) = tokio::sync::mpsc::channel::<Result<String, ClientError>>(4);
        let expected = std::sync::Arc::new(expected_state.to_owned());
        let network = self.network;
        let waited = tokio::time::timeout(timeout, async {
            loop {
                tokio::select! {
                    accepted = self.listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        let (sender, expected) = (sender.clone(), expected.clone());
                        tokio::spawn(async move {
                            let handled = tokio::time::timeout(READ_TIMEOUT, handle(network, stream, &expected)).await;
                            if let Ok(Some(outcome)) = handled {
                                let _ = sender.send(outcome).await;
                            }
                        });
                    }
                    Some(outcome) = outcomes.recv() => return outcome,
                }
            }
        })
        .await;
        waited.unwrap_or_else(|_| {
            Err(auth(
                network,
                format!("no answer from the browser within {} s", timeout.as_secs()),
            ))
        })
    }
}

/// How long one connection may take to send its request line and headers.
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);

fn auth(network: &'static str, detail: String) -> ClientError {
    ClientError::Auth {
        network,
        what: "sign-in in the browser".into(),
        detail,
    }
}

/// `None` when the request wasn't the callback.
async fn handle(
    network: &'static str,
    mut stream: TcpStream,
    expected_state: &str,
) -> Option<Result<String, ClientError>> {
    let mut buf = vec![0u8; 8192];
    let mut len = 0;
    while !buf[..len].windows(4).any(|w| w == b"\r\n\r\n") && len < buf.len() {
        match stream.read(&mut buf[len..]).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => len += n,
        }
    }
    let head = String::from_utf8_lossy(&buf[..len]);
    let target = head.lines().next()?.split(' ').nth(1)?.to_owned();
    let url = Url::parse(&format!("http://127.0.0.1{target}")).ok()?;
    if url.path() != "/callback" {
        let _ = stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .await;
        return None;
    }
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    if param("state").as_deref() != Some(expected_state) {
        // Not this sign-in's answer (an old tab, another program): refused, and the wait
        // goes on for the real one.
        let _ = respond(
            &mut stream,
            400,
            "This is not the sign-in Ferry is waiting for.",
        )
        .await;
        return None;
    }
    let outcome = if let Some(error) = param("error") {
        Err(auth(
            network,
            format!(
                "the server said {error:?}: {}",
                param("error_description").unwrap_or_default()
            ),
        ))
    } else {
        param("code").ok_or_else(|| auth(network, "the answer carries no code".into()))
    };
    let page = match &outcome {
        Ok(_) => "Ferry is signed in. You can close this tab.",
        Err(_) => "Ferry could not sign in. Go back to Ferry and try again.",
    };
    let _ = respond(&mut stream, 200, page).await;
    Some(outcome)
}

async fn respond(stream: &mut TcpStream, status: u16, page: &str) -> std::io::Result<()> {
    let body = format!("<!doctype html><meta charset=\"utf-8\"><title>Ferry</title><p>{page}</p>");
    let reason = if status == 200 { "OK" } else { "Bad Request" };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn get(port: u16, target: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let request = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).await.unwrap();
        answer
    }

    #[tokio::test]
    async fn a_silent_connection_and_a_wrong_state_do_not_stop_the_sign_in() {
        let redirect = LoopbackRedirect::bind("mastodon").await.unwrap();
        let port = redirect.port;
        let waiting = tokio::spawn(redirect.wait_for_code("s3cret", Duration::from_secs(20)));
        // Connects and says nothing, holding its connection open throughout.
        let _silent = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let wrong = get(port, "/callback?code=evil&state=guess").await;
        assert!(wrong.starts_with("HTTP/1.1 400"), "{wrong}");
        let cancel = get(port, "/callback?error=access_denied&state=guess").await;
        assert!(cancel.starts_with("HTTP/1.1 400"), "{cancel}");
        assert!(
            !waiting.is_finished(),
            "a wrong state must not end the sign-in"
        );
        let right = get(port, "/callback?code=abc&state=s3cret").await;
        assert!(right.starts_with("HTTP/1.1 200"), "{right}");
        assert_eq!(waiting.await.unwrap().unwrap(), "abc");
    }

    #[tokio::test]
    async fn the_server_refusing_with_the_right_state_ends_it() {
        let redirect = LoopbackRedirect::bind("mastodon").await.unwrap();
        let port = redirect.port;
        let waiting = tokio::spawn(redirect.wait_for_code("s3cret", Duration::from_secs(20)));
        get(port, "/favicon.ico").await;
        get(
            port,
            "/callback?error=access_denied&error_description=no&state=s3cret",
        )
        .await;
        let err = waiting.await.unwrap().unwrap_err();
        assert!(err.to_string().contains("access_denied"), "{err}");
    }
}

//! The OAuth redirect target on this machine: `http://127.0.0.1:<port>/callback`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::mastodon::client::LoopbackRedirect;
//! let redirect = LoopbackRedirect::bind().await?;
//! let uri = redirect.redirect_uri(); // register the app with this, open the authorize URL
//! let code = redirect.wait_for_code("the-state", std::time::Duration::from_secs(300)).await?;
//! # Ok(()) }
//! ```

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use url::Url;

use super::NETWORK;
use crate::http::ClientError;

/// A listener on a free loopback port waiting for the browser to come back with a code.
#[derive(Debug)]
pub struct LoopbackRedirect {
    listener: TcpListener,
    port: u16,
}

impl LoopbackRedirect {
    pub async fn bind() -> Result<Self, ClientError> {
        Self::bind_port(0).await
    }

    /// Listens on `port` (0: any free port). An app registered with a loopback redirect URI
    /// keeps working only on the same port, so a sign-in tries the registered one first.
    pub async fn bind_port(port: u16) -> Result<Self, ClientError> {
        let fail = |e: std::io::Error| ClientError::InvalidInput {
            network: NETWORK,
            field: "sign-in redirect listener".into(),
            detail: format!("cannot listen on 127.0.0.1: {e}"),
        };
        let listener = TcpListener::bind(("127.0.0.1", port)).await.map_err(fail)?;
        let port = listener.local_addr().map_err(fail)?.port();
        Ok(Self { listener, port })
    }

    pub fn redirect_uri(&self) -> String {
        format!("http://127.0.0.1:{}/callback", self.port)
    }

    /// Waits for `GET /callback?code=…&state=…`, checks `state`, answers the browser with a
    /// short page and returns the code. Other requests (a favicon) get a 404 and the wait
    /// goes on; `error=access_denied` or a wrong `state` end it with an `Auth` error.
    pub async fn wait_for_code(
        self,
        expected_state: &str,
        timeout: Duration,
    ) -> Result<String, ClientError> {
        let waited = tokio::time::timeout(timeout, async {
            loop {
                let Ok((stream, _)) = self.listener.accept().await else {
                    continue;
                };
                if let Some(outcome) = handle(stream, expected_state).await {
                    return outcome;
                }
            }
        })
        .await;
        waited.unwrap_or_else(|_| {
            Err(auth(format!(
                "no answer from the browser within {} s",
                timeout.as_secs()
            )))
        })
    }
}

fn auth(detail: String) -> ClientError {
    ClientError::Auth {
        network: NETWORK,
        what: "sign-in in the browser".into(),
        detail,
    }
}

/// `None` when the request wasn't the callback.
async fn handle(
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
    let outcome = if let Some(error) = param("error") {
        Err(auth(format!(
            "the server said {error:?}: {}",
            param("error_description").unwrap_or_default()
        )))
    } else if param("state").as_deref() != Some(expected_state) {
        Err(auth(
            "the answer's state does not match this sign-in; start again".into(),
        ))
    } else {
        param("code").ok_or_else(|| auth("the answer carries no code".into()))
    };
    let page = match &outcome {
        Ok(_) => "Ferry is signed in. You can close this tab.",
        Err(_) => "Ferry could not sign in. Go back to Ferry and try again.",
    };
    let body = format!("<!doctype html><meta charset=\"utf-8\"><title>Ferry</title><p>{page}</p>");
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    Some(outcome)
}

//! A fault-injecting proxy between a client under test and a real peer.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use ferry_test_support::{Fault, FaultProxy};
//! let proxy = FaultProxy::start("http://127.0.0.1:3000").await?;
//! proxy.push(Fault::DropAfterForward); // 1st request reaches the server, its answer is lost
//! proxy.push(Fault::status(503));      // 2nd request never reaches it
//! // point the client at proxy.http_url(); later requests are forwarded untouched
//! # Ok(()) }
//! ```
//!
//! Each incoming connection takes the next [`Fault`] from the plan (forwarding when the plan is
//! empty). The proxy rewrites every plain HTTP request to `Connection: close`, so a client that
//! pools connections still opens one per request and "per connection" means "per request".
//! Websocket upgrades are forwarded as a stream; for them `DropAfterForward` passes the
//! client's frames on and cuts the connection when the server first answers (a nostr relay's
//! `OK` to an `EVENT`).

mod request;

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use request::{find, read_request};

/// What the proxy does with one request.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Pass the request on and the response back.
    Forward,
    /// Pass the request on, wait until the server starts answering, then close the client's
    /// connection without a byte of the answer: the request took effect, the client can't know.
    DropAfterForward,
    /// Pass the request on, swallow the answer, and hold the client's connection open for the
    /// duration: the client's own timeout fires after the request took effect.
    ForwardThenStall(Duration),
    /// Pass the request on, swallow the server's answer, and answer this status instead: a
    /// gateway or server error that came after the request took effect (a 500 from a crash
    /// after the commit, a 502/504 from a proxy that gave up on a slow backend).
    ForwardThenStatus(u16),
    /// Hold the connection open without forwarding anything, then close it.
    Stall(Duration),
    /// Wait, then forward as usual: a slow network or a far-away server.
    Delay(Duration),
    /// Answer directly, without forwarding.
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
}

impl Fault {
    /// A bare error status (500, 502, 503 …) with a small JSON body.
    pub fn status(status: u16) -> Self {
        Self::json(
            status,
            &format!(r#"{{"error":"fault proxy answered {status}"}}"#),
        )
    }

    /// An answer with a JSON body (e.g. an XRPC error the real server would give).
    pub fn json(status: u16, body: &str) -> Self {
        Fault::Respond {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.into(),
        }
    }

    /// An HTML page where an API answer was expected: a wrong address, a parked domain.
    pub fn html(status: u16, body: &str) -> Self {
        Fault::Respond {
            status,
            headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
            body: body.into(),
        }
    }

    /// 429 Too Many Requests with `Retry-After` and any extra headers (e.g. Mastodon's
    /// `X-RateLimit-Reset`).
    pub fn too_many(retry_after: &str, extra: &[(&str, &str)]) -> Self {
        let mut headers = vec![
            ("Content-Type".to_owned(), "application/json".to_owned()),
            ("Retry-After".to_owned(), retry_after.to_owned()),
        ];
        headers.extend(
            extra
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        Fault::Respond {
            status: 429,
            headers,
            body: r#"{"error":"Too many requests"}"#.into(),
        }
    }
}

/// A running proxy; stops when dropped.
pub struct FaultProxy {
    addr: SocketAddr,
    state: Arc<State>,
    task: JoinHandle<()>,
}

struct State {
    upstream: String,
    plan: Mutex<VecDeque<Fault>>,
    /// What requests beyond the plan get.
    default: Mutex<Fault>,
    requests: AtomicUsize,
    forwarded: AtomicUsize,
}

impl FaultProxy {
    /// Listens on a free 127.0.0.1 port in front of `upstream` (`http://host:port`,
    /// `ws://host:port`, or `host:port`).
    pub async fn start(upstream: &str) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            upstream: host_port(upstream),
            plan: Mutex::new(VecDeque::new()),
            default: Mutex::new(Fault::Forward),
            requests: AtomicUsize::new(0),
            forwarded: AtomicUsize::new(0),
        });
        let accept_state = Arc::clone(&state);
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let state = Arc::clone(&accept_state);
                tokio::spawn(async move {
                    // A failed connection is the client's to notice; the proxy carries on.
                    let _ = serve(client, &state).await;
                });
            }
        });
        Ok(Self { addr, state, task })
    }

    /// Appends a fault to the plan; requests beyond the plan are forwarded.
    pub fn push(&self, fault: Fault) {
        self.state.plan.lock().unwrap().push_back(fault);
    }

    /// What every request beyond the plan gets (`Forward` unless set), e.g. a `Delay` on
    /// all of them.
    pub fn set_default(&self, fault: Fault) {
        *self.state.default.lock().unwrap() = fault;
    }

    pub fn http_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn ws_url(&self) -> String {
        format!("ws://{}", self.addr)
    }

    /// Requests received so far.
    pub fn requests(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }

    /// Requests that reached the upstream server.
    pub fn forwarded(&self) -> usize {
        self.state.forwarded.load(Ordering::SeqCst)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn host_port(upstream: &str) -> String {
    let rest = upstream
        .split_once("://")
        .map_or(upstream, |(_, rest)| rest);
    rest.split('/').next().unwrap_or(rest).to_owned()
}

async fn serve(mut client: TcpStream, state: &State) -> std::io::Result<()> {
    let Some(req) = read_request(&mut client).await? else {
        return Ok(());
    };
    state.requests.fetch_add(1, Ordering::SeqCst);
    let planned = state.plan.lock().unwrap().pop_front();
    let mut fault = planned.unwrap_or_else(|| state.default.lock().unwrap().clone());
    if let Fault::Delay(for_how_long) = fault {
        tokio::time::sleep(for_how_long).await;
        fault = Fault::Forward;
    }
    match fault {
        Fault::Respond {
            status,
            headers,
            body,
        } => respond(&mut client, status, &headers, &body).await,
        Fault::Stall(for_how_long) => {
            tokio::time::sleep(for_how_long).await;
            Ok(())
        }
        forwarding => {
            let mut upstream = TcpStream::connect(&state.upstream).await?;
            upstream.write_all(&req.bytes).await?;
            state.forwarded.fetch_add(1, Ordering::SeqCst);
            if req.is_upgrade {
                relay_websocket(client, upstream, forwarding).await
            } else {
                relay_http(client, upstream, forwarding).await
            }
        }
    }
}

async fn respond(
    client: &mut TcpStream,
    status: u16,
    headers: &[(String, String)],
    body: &str,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} Fault\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    client.write_all(head.as_bytes()).await?;
    client.write_all(body.as_bytes()).await?;
    client.shutdown().await
}

async fn relay_http(
    mut client: TcpStream,
    mut upstream: TcpStream,
    fault: Fault,
) -> std::io::Result<()> {
    match fault {
        Fault::DropAfterForward => {
            // The first byte of the answer means the server has handled the request.
            let mut first = [0u8; 1];
            let _ = upstream.read(&mut first).await?;
            Ok(())
        }
        Fault::ForwardThenStall(for_how_long) => {
            let mut sink = Vec::new();
            let _ = upstream.read_to_end(&mut sink).await;
            tokio::time::sleep(for_how_long).await;
            Ok(())
        }
        Fault::ForwardThenStatus(status) => {
            // The whole answer, so the server has certainly finished the request.
            let mut sink = Vec::new();
            let _ = upstream.read_to_end(&mut sink).await;
            let headers = [("Content-Type".to_owned(), "application/json".to_owned())];
            let body = format!(r#"{{"error":"fault proxy answered {status} after forwarding"}}"#);
            respond(&mut client, status, &headers, &body).await
        }
        _ => {
            tokio::io::copy(&mut upstream, &mut client).await?;
            client.shutdown().await
        }
    }
}

async fn relay_websocket(
    mut client: TcpStream,
    mut upstream: TcpStream,
    fault: Fault,
) -> std::io::Result<()> {
    // Pass the handshake answer through untouched.
    let mut handshake = Vec::new();
    while find(&handshake, b"\r\n\r\n").is_none() {
        let mut chunk = [0u8; 4096];
        let n = upstream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        handshake.extend_from_slice(&chunk[..n]);
    }
    client.write_all(&handshake).await?;
    match fault {
        Fault::DropAfterForward | Fault::ForwardThenStall(_) => {
            let (mut client_read, _client_write) = client.split();
            let (mut up_read, mut up_write) = upstream.split();
            let to_server = tokio::io::copy(&mut client_read, &mut up_write);
            let mut first = [0u8; 1];
            let server_answers = up_read.read(&mut first);
            tokio::select! {
                _ = to_server => {}
                _ = server_answers => {
                    if let Fault::ForwardThenStall(for_how_long) = fault {
                        tokio::time::sleep(for_how_long).await;
                    }
                }
            }
            Ok(())
        }
        _ => {
            tokio::io::copy_bidirectional(&mut client, &mut upstream).await?;
            Ok(())
        }
    }
}

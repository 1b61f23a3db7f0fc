//! The page's HTTP server: a listener on the LAN address, one short request per connection
//! (GET or HEAD, request head at most 8 KiB, 5 s to send it), `Connection: close`. The path is
//! `/k/<token>/` for the page and `/k/<token>/<picture>` for its pictures; anything else is
//! 404, another method 405, a used page or a page past its time 410. Opening the page binds
//! it to the phone's address: its pictures are then served to that phone alone. At the end of
//! its time the listener closes.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use super::{LanPage, LanPageState, page};
use crate::handoff::HandoffError;
use crate::handoff::kit::Kit;

const HEAD_MAX: usize = 8 * 1024;
const READ_TIMEOUT: Duration = Duration::from_secs(5);

struct Shared {
    token: String,
    kit: Kit,
    html: String,
    nonce: String,
    expires_at: chrono::DateTime<Utc>,
    /// The phone that opened the page.
    opened_by: Mutex<Option<IpAddr>>,
}

/// `Debug` leaves the token out.
impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running").field("page", &self.page).finish()
    }
}

pub(super) struct Running {
    shared: Arc<Shared>,
    page: LanPage,
    task: JoinHandle<()>,
}

impl Running {
    pub async fn start(ip: IpAddr, kit: Kit, lifetime: Duration) -> Result<Running, HandoffError> {
        let listener = TcpListener::bind(SocketAddr::new(ip, 0))
            .await
            .map_err(|e| HandoffError::Serve {
                detail: format!("cannot listen on {ip}: {e}"),
            })?;
        let port = listener
            .local_addr()
            .map_err(|e| HandoffError::Serve {
                detail: e.to_string(),
            })?
            .port();
        let token = random_hex();
        let nonce = random_hex();
        let expires_at = Utc::now()
            + chrono::Duration::from_std(lifetime).unwrap_or_else(|_| chrono::Duration::zero());
        let url = format!("http://{ip}:{port}/k/{token}/");
        let page = LanPage {
            qr_svg: qr_svg(&url),
            url,
            expires_at,
            pictures: kit.pictures.len() as u32,
            notes: kit.notes.clone(),
        };
        let shared = Arc::new(Shared {
            html: page::render(&kit, &nonce),
            token,
            kit,
            nonce,
            expires_at,
            opened_by: Mutex::new(None),
        });
        let task = tokio::spawn(accept(listener, Arc::clone(&shared), lifetime));
        Ok(Running { shared, page, task })
    }

    pub fn page(&self) -> LanPage {
        self.page.clone()
    }

    pub fn state(&self) -> LanPageState {
        if Utc::now() >= self.shared.expires_at || self.task.is_finished() {
            LanPageState::Expired
        } else if self.shared.opened().is_some() {
            LanPageState::Opened
        } else {
            LanPageState::Waiting
        }
    }

    pub fn stop(self) {
        self.task.abort();
    }
}

impl Shared {
    /// Marks the page opened by `peer`; `false` when it was opened before.
    fn open_for(&self, peer: IpAddr) -> bool {
        let mut opened = self.opened_by.lock().unwrap_or_else(|e| e.into_inner());
        if opened.is_some() {
            return false;
        }
        *opened = Some(peer);
        true
    }

    fn opened(&self) -> Option<IpAddr> {
        *self.opened_by.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// 32 random hex digits (two v4 UUIDs' random bits): not guessable in ten minutes.
fn random_hex() -> String {
    let a = uuid::Uuid::new_v4().simple().to_string();
    let b = uuid::Uuid::new_v4().simple().to_string();
    format!("{}{}", &a[..16], &b[..16])
}

fn qr_svg(url: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

async fn accept(listener: TcpListener, shared: Arc<Shared>, lifetime: Duration) {
    let deadline = tokio::time::sleep(lifetime);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            () = &mut deadline => return,
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else { continue };
                let shared = Arc::clone(&shared);
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(READ_TIMEOUT * 2, serve(stream, peer.ip(), &shared)).await;
                });
            }
        }
    }
}

async fn serve(mut stream: TcpStream, peer: IpAddr, shared: &Shared) -> std::io::Result<()> {
    let Some(head) = read_head(&mut stream).await else {
        return respond(&mut stream, 400, "text/plain", b"bad request", &[]).await;
    };
    let mut words = head.split(' ');
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            405,
            "text/plain",
            b"read-only",
            &[("Allow", "GET, HEAD")],
        )
        .await;
    }
    let head_only = method == "HEAD";
    let prefix = format!("/k/{}", shared.token);
    let Some(rest) = path.strip_prefix(&prefix) else {
        return respond(&mut stream, 404, "text/plain", b"not found", &[]).await;
    };
    if Utc::now() >= shared.expires_at {
        let why = "This link has expired. Make a new QR code in Ferry. 链接已过期。";
        return gone(&mut stream, why).await;
    }
    match rest {
        "" => {
            let to = format!("{prefix}/");
            respond(&mut stream, 308, "text/plain", b"", &[("Location", &to)]).await
        }
        "/" => {
            if !head_only && !shared.open_for(peer) {
                let why = "This link was used already. Make a new QR code in Ferry. 链接已用过。";
                return gone(&mut stream, why).await;
            }
            let csp = format!(
                "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; \
                 script-src 'nonce-{}'; base-uri 'none'; form-action 'none'",
                shared.nonce
            );
            let body = if head_only {
                &b""[..]
            } else {
                shared.html.as_bytes()
            };
            respond(
                &mut stream,
                200,
                "text/html; charset=utf-8",
                body,
                &[("Content-Security-Policy", &csp)],
            )
            .await
        }
        file => {
            let name = file.trim_start_matches('/');
            let Some(picture) = shared.kit.pictures.iter().find(|p| p.file == name) else {
                return respond(&mut stream, 404, "text/plain", b"not found", &[]).await;
            };
            if shared.opened().is_some_and(|ip| ip != peer) {
                return respond(
                    &mut stream,
                    403,
                    "text/plain",
                    b"this page belongs to another device",
                    &[],
                )
                .await;
            }
            let body = if head_only {
                &b""[..]
            } else {
                picture.bytes.as_slice()
            };
            respond(&mut stream, 200, picture.mime(), body, &[]).await
        }
    }
}

/// 410 with a short page saying why.
async fn gone(stream: &mut TcpStream, why: &str) -> std::io::Result<()> {
    let html = page::gone(why);
    respond(
        stream,
        410,
        "text/html; charset=utf-8",
        html.as_bytes(),
        &[],
    )
    .await
}

/// The request line, once the whole head (up to the blank line) arrived in time.
async fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = tokio::time::timeout(READ_TIMEOUT, stream.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if n == 0 || buf.len() + n > HEAD_MAX {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&buf);
    text.lines().next().map(str::to_owned)
}

async fn respond(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    extra: &[(&str, &str)],
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Gone",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    stream.shutdown().await
}

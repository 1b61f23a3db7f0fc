//! Reads one whole HTTP/1.1 request (head and body) off a client socket, so the proxy can
//! decide what to do with it before anything reaches the upstream server.

use tokio::io::{AsyncRead, AsyncReadExt};

/// One request as raw bytes, with its head rewritten to `Connection: close` (unless it is a
/// websocket upgrade) so that every request gets its own upstream connection and therefore
/// its own fault.
pub struct Request {
    pub bytes: Vec<u8>,
    pub is_upgrade: bool,
}

const MAX_HEAD: usize = 64 * 1024;

pub async fn read_request<R: AsyncRead + Unpin>(r: &mut R) -> std::io::Result<Option<Request>> {
    let mut buf = Vec::with_capacity(4096);
    let head_end = loop {
        if let Some(pos) = find(&buf, b"\r\n\r\n") {
            break pos + 4;
        }
        if buf.len() > MAX_HEAD {
            return Err(invalid("request head over 64 KiB"));
        }
        if read_more(r, &mut buf).await? == 0 {
            return Ok(None);
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let header = |name: &str| {
        head.lines().skip(1).find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_ascii_lowercase())
        })
    };
    let is_upgrade = header("upgrade").is_some_and(|v| v == "websocket");
    let chunked = header("transfer-encoding").is_some_and(|v| v.contains("chunked"));
    let length: usize = header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);

    let mut body = buf.split_off(head_end);
    if chunked {
        while chunked_end(&body).is_none() {
            if read_more(r, &mut body).await? == 0 {
                return Err(invalid("client closed inside a chunked body"));
            }
        }
    } else {
        while body.len() < length {
            if read_more(r, &mut body).await? == 0 {
                return Err(invalid("client closed inside the body"));
            }
        }
    }

    let mut bytes = rewrite_connection(&head, is_upgrade).into_bytes();
    bytes.extend_from_slice(&body);
    Ok(Some(Request { bytes, is_upgrade }))
}

fn rewrite_connection(head: &str, is_upgrade: bool) -> String {
    if is_upgrade {
        return head.to_owned();
    }
    let mut out = String::with_capacity(head.len() + 20);
    for line in head.trim_end_matches("\r\n").split("\r\n") {
        let is_connection = line
            .split_once(':')
            .is_some_and(|(k, _)| k.trim().eq_ignore_ascii_case("connection"));
        if !is_connection {
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    out.push_str("Connection: close\r\n\r\n");
    out
}

/// Where a complete chunked body ends, if it has ended.
fn chunked_end(body: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        let line_end = at + find(&body[at..], b"\r\n")?;
        let size_text = std::str::from_utf8(&body[at..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        at = line_end + 2;
        if size == 0 {
            // Optional trailers, then the final empty line.
            return find(&body[at..], b"\r\n").map(|_| at + 2);
        }
        at += size + 2;
        if at > body.len() {
            return None;
        }
    }
}

async fn read_more<R: AsyncRead + Unpin>(r: &mut R, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut chunk = [0u8; 16 * 1024];
    let n = r.read(&mut chunk).await?;
    buf.extend_from_slice(&chunk[..n]);
    Ok(n)
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn invalid(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn reads_a_chunked_body_and_forces_connection_close() {
        let raw = b"POST /x HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        let req = read_request(&mut &raw[..]).await.unwrap().unwrap();
        let text = String::from_utf8(req.bytes).unwrap();
        assert!(text.contains("Connection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
        assert!(!text.contains("keep-alive"));
        assert!(!req.is_upgrade);
    }
}

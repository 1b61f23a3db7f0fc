//! This computer's address on the local network: the one its route to the internet leaves
//! from. Asked of the kernel with a UDP socket "connected" to a documentation address
//! (RFC 5737's TEST-NET-1): nothing is sent, the kernel only picks the source address.

use std::net::{IpAddr, UdpSocket};

/// A private (RFC 1918) or link-local IPv4 address, or `None` off any local network — the
/// page is never bound to a public address or to every interface.
pub fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    match socket.local_addr().ok()?.ip() {
        IpAddr::V4(v4) if v4.is_private() || v4.is_link_local() => Some(IpAddr::V4(v4)),
        _ => None,
    }
}

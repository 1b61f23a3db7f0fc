//! A Nostr account's own media server: where its notes' pictures are stored, each upload
//! signed with the account's key, instead of the S3 media host. Blossom and NIP-96 servers
//! both serve; the person gives an address and Ferry finds which one it is (a NIP-96 server
//! publishes `/.well-known/nostr/nip96.json`; any other is tried as Blossom).
//!
//! Choosing one checks it the way a post will use it: a one-pixel picture is uploaded with
//! the account's key and read back from the address the server gives.

use ferry_networks::media_host::{BlossomHost, Nip96Host};

use super::Accounts;
use super::bluesky::expect_network;
use super::error::AccountError;
use super::model::{Account, MediaServerProtocol, NostrMediaServer};
use crate::model::Network;

impl Accounts {
    /// Finds out what kind of server `server` is, checks it, and keeps it as the account's
    /// media server; `None` (or an empty address) goes back to the media host.
    pub async fn set_nostr_media_server(
        &self,
        account_id: &str,
        server: Option<String>,
    ) -> Result<Account, AccountError> {
        let account = self.get(account_id).await?;
        expect_network(&account, Network::Nostr)?;
        let url = server
            .map(|s| s.trim().trim_end_matches('/').to_owned())
            .filter(|s| !s.is_empty());
        let Some(url) = url else {
            return self.store.set_account_media_server(account_id, None).await;
        };
        let keys = self.nostr_keys(&account).await?;
        let check = one_pixel_png();
        let protocol = match Nip96Host::discover(&url, self.timeout).await? {
            Some(host) => {
                let put = host.put(&keys, check, "image/png", "").await?;
                host.read_back(&put.url, &put.sha256).await?;
                MediaServerProtocol::Nip96
            }
            None => {
                let host = BlossomHost::new(&url, self.timeout)?;
                let put = host.put(&keys, check.clone(), "image/png").await?;
                host.read_back(&put.url, &check).await?;
                MediaServerProtocol::Blossom
            }
        };
        let server = NostrMediaServer { protocol, url };
        self.store
            .set_account_media_server(account_id, Some(&server))
            .await
    }
}

/// The smallest picture every server takes: a 1 × 1 white PNG.
fn one_pixel_png() -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    let pixel = image::RgbImage::from_pixel(1, 1, image::Rgb([255, 255, 255]));
    // Encoding one pixel into memory has nothing that can fail.
    let _ = pixel.write_to(&mut bytes, image::ImageFormat::Png);
    bytes.into_inner()
}

//! A Nostr account's own Blossom server: where its notes' pictures are stored, each upload
//! signed with the account's key, instead of the S3 media host.
//!
//! Choosing one checks it the way a post will use it: a one-pixel picture is uploaded with
//! the account's key and read back from the address the server gives.

use ferry_networks::media_host::BlossomHost;

use super::Accounts;
use super::bluesky::expect_network;
use super::error::AccountError;
use super::model::Account;
use crate::model::Network;

impl Accounts {
    /// Checks `server` and keeps it as the account's Blossom server; `None` (or an empty
    /// address) goes back to the media host.
    pub async fn set_nostr_blossom(
        &self,
        account_id: &str,
        server: Option<String>,
    ) -> Result<Account, AccountError> {
        let account = self.get(account_id).await?;
        expect_network(&account, Network::Nostr)?;
        let server = server
            .map(|s| s.trim().trim_end_matches('/').to_owned())
            .filter(|s| !s.is_empty());
        if let Some(url) = &server {
            let host = BlossomHost::new(url, self.timeout)?;
            let keys = self.nostr_keys(&account).await?;
            let check = one_pixel_png();
            let put = host.put(&keys, check.clone(), "image/png").await?;
            host.read_back(&put.url, &check).await?;
        }
        self.store
            .set_account_blossom(account_id, server.as_deref())
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

//! A note's pictures, before it is signed: prepared as for any network (oriented, no
//! metadata), then stored where the note can link them — the account's Blossom or NIP-96
//! server when it has one (each upload signed with its key), else the media host — each with its URL, hash,
//! size and alt text for the NIP-92 `imeta` tag.

use ferry_networks::media::MediaLimits;
use ferry_networks::media_host::{BlossomHost, Nip96Host};
use ferry_networks::nostr::client::NoteMedia;

use super::NostrSender;
use crate::accounts::MediaServerProtocol;
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::rows::TargetRow;
use crate::outbox::send::media;

impl NostrSender {
    /// The target's pictures on the account's media server or the media host, prepared as
    /// for any network (oriented, no metadata), each with its URL, hash, size and alt text.
    pub(super) async fn upload(&self, target: &TargetRow) -> Result<Vec<NoteMedia>, Failure> {
        if target.media.is_empty() {
            return Ok(Vec::new());
        }
        let Some(accounts) = &self.accounts else {
            return Err(Failure::new(
                FailKind::Permanent,
                "outbox.media_unsupported",
                "nostr: this sender has no media host to link pictures from",
            ));
        };
        let limits = MediaLimits::nostr();
        let hosted = match &self.media_server {
            Some(server) => {
                let host = match server.protocol {
                    MediaServerProtocol::Blossom => media::PictureHost::Blossom {
                        host: BlossomHost::new(&server.url, self.timeout)
                            .map_err(|e| media::on_network("nostr", e))?,
                        keys: &self.keys,
                    },
                    MediaServerProtocol::Nip96 => media::PictureHost::Nip96 {
                        host: Nip96Host::discover(&server.url, self.timeout)
                            .await
                            .map_err(|e| media::on_network("nostr", e))?
                            .ok_or_else(|| no_longer_nip96(&server.url))?,
                        keys: &self.keys,
                    },
                };
                media::upload_all(accounts.store(), &target.media, limits, &host).await?
            }
            None => media::host_all(accounts, target, limits, true).await?,
        };
        Ok(hosted
            .into_iter()
            .map(|h| NoteMedia {
                url: h.url,
                mime: h.mime,
                sha256: h.sha256,
                width: h.width,
                height: h.height,
                alt: h.alt,
            })
            .collect())
    }
}

/// The account's NIP-96 server stopped publishing its NIP-96 document: say so, on this target.
fn no_longer_nip96(url: &str) -> Failure {
    Failure::new(
        FailKind::Permanent,
        "outbox.media_server_changed",
        format!(
            "nostr: {url} no longer says it is a NIP-96 media server; choose the account's \
             media server again (Accounts → Pictures), or go back to the media host"
        ),
    )
}

//! A note's pictures, before it is signed: prepared as for any network (oriented, no
//! metadata), then stored where the note can link them — the account's Blossom server when it
//! has one (each upload signed with its key), else the media host — each with its URL, hash,
//! size and alt text for the NIP-92 `imeta` tag.

use ferry_networks::media::MediaLimits;
use ferry_networks::media_host::BlossomHost;
use ferry_networks::nostr::client::NoteMedia;

use super::NostrSender;
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::rows::TargetRow;
use crate::outbox::send::media;

impl NostrSender {
    /// The target's pictures on the account's Blossom server or the media host, prepared as
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
        let hosted = match &self.blossom {
            Some(server) => {
                let host = BlossomHost::new(server, self.timeout)
                    .map_err(|e| media::on_network("nostr", e))?;
                let host = media::PictureHost::Blossom {
                    host,
                    keys: &self.keys,
                };
                let limits = MediaLimits::nostr();
                media::upload_all(accounts.store(), &target.media, limits, &host).await?
            }
            None => media::host_all(accounts, &target.media, MediaLimits::nostr()).await?,
        };
        Ok(hosted
            .into_iter()
            .map(|h| NoteMedia {
                url: h.url,
                mime: h.mime.to_owned(),
                sha256: h.sha256,
                width: h.width,
                height: h.height,
                alt: h.alt,
            })
            .collect())
    }
}

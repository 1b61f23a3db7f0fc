//! A target's images, read from the data folder and made ready for the network (oriented,
//! stripped of metadata, brought under its size limits) off the async threads.

use ferry_networks::http::ClientError;
use ferry_networks::media::{MediaLimits, PreparedImage, check_image_count, prepare_nth};
use ferry_networks::media_host::{BlossomHost, Nip96Host, S3Host, Uploaded};
use ferry_networks::nostr::client::NostrKeys;

use crate::Store;
use crate::accounts::Accounts;
use crate::media_host::Uploader;
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::images::PlannedMedia;
use crate::outbox::rows::TargetRow;

/// Every image of the target, prepared for `limits`, in order.
pub(crate) async fn prepare_all(
    store: &Store,
    media: &[PlannedMedia],
    limits: MediaLimits,
) -> Result<Vec<PreparedImage>, Failure> {
    let network = limits.network;
    check_image_count(media.len(), &limits).map_err(Failure::from)?;
    let mut files = Vec::with_capacity(media.len());
    for (i, m) in media.iter().enumerate() {
        let path = store.media_path(&m.stored_name);
        let bytes = tokio::fs::read(&path).await.map_err(|e| {
            Failure::new(
                FailKind::Permanent,
                "media.missing",
                format!(
                    "{network}: image {} ({}) cannot be read from {}: {e}",
                    i + 1,
                    m.original_name,
                    path.display()
                ),
            )
        })?;
        files.push((bytes, m.alt.clone()));
    }
    tokio::task::spawn_blocking(move || {
        files
            .iter()
            .enumerate()
            .map(|(i, (bytes, alt))| {
                prepare_nth(i, bytes, alt, &limits).map_err(|e| {
                    let mut failure = Failure::from(e);
                    if !failure.message.starts_with(network) {
                        failure.message = format!("{network}: {}", failure.message);
                    }
                    failure
                })
            })
            .collect()
    })
    .await
    .map_err(|e| Failure::new(FailKind::Permanent, "media.prepare", e.to_string()))?
}

/// A prepared picture on the person's media host, for networks that link pictures instead of
/// taking uploads (Nostr, Threads).
#[derive(Debug, Clone)]
pub(crate) struct Hosted {
    pub url: String,
    pub sha256: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// Where a target's pictures are stored for networks that link them: the media host (an S3
/// bucket), or a Nostr account's own Blossom or NIP-96 server, each upload signed with its key.
pub(crate) enum PictureHost<'a> {
    /// The media host; each object's use by `target_id` is recorded before it is written, so
    /// the sweep never deletes what a post still needs.
    S3 {
        uploader: Box<Uploader>,
        target_id: &'a str,
        linked: bool,
    },
    Blossom {
        host: BlossomHost,
        keys: &'a NostrKeys,
    },
    Nip96 {
        host: Nip96Host,
        keys: &'a NostrKeys,
    },
}

impl PictureHost<'_> {
    async fn put(
        &self,
        store: &Store,
        bytes: Vec<u8>,
        mime: &str,
        alt: &str,
    ) -> Result<Uploaded, Failure> {
        let network = |e: ClientError| Failure::from(e);
        match self {
            PictureHost::S3 {
                uploader,
                target_id,
                linked,
            } => {
                let key = S3Host::key_for(&bytes, mime);
                store
                    .record_media_use(&uploader.host_id, &key, target_id, *linked)
                    .await
                    .map_err(|e| Failure::new(FailKind::Permanent, e.code(), e.to_string()))?;
                uploader.s3.put(bytes, mime).await.map_err(network)
            }
            PictureHost::Blossom { host, keys } => {
                host.put(keys, bytes, mime).await.map_err(network)
            }
            PictureHost::Nip96 { host, keys } => {
                host.put(keys, bytes, mime, alt).await.map_err(network)
            }
        }
    }
}

/// Every picture of `target` prepared for `limits` and uploaded to the media host, in
/// order; a target without pictures needs no host. `linked`: the post links the pictures for
/// good (Nostr), so they are never deleted after posting.
pub(crate) async fn host_all(
    accounts: &Accounts,
    target: &TargetRow,
    limits: MediaLimits,
    linked: bool,
) -> Result<Vec<Hosted>, Failure> {
    let media = &target.media;
    let network = limits.network;
    if media.is_empty() {
        return Ok(Vec::new());
    }
    let uploader = accounts
        .media_uploader()
        .await
        .map_err(|e| Failure::new(FailKind::Permanent, e.code(), format!("{network}: {e}")))?
        .ok_or_else(|| {
            Failure::new(
                FailKind::Permanent,
                "outbox.media_unsupported",
                format!(
                    "{network}: posts link their pictures from a public host, and none is set \
                     up: add one (Settings → Media host, or `ferry media-host add s3 …`), or \
                     remove the {} picture(s), or leave {network} out",
                    media.len()
                ),
            )
        })?;
    let host = PictureHost::S3 {
        uploader: Box::new(uploader),
        target_id: &target.id,
        linked,
    };
    upload_all(accounts.store(), media, limits, &host).await
}

/// Every picture of the target prepared for `limits` and uploaded to `host`, in order.
/// Objects are named by their content, so uploading again after a lost answer writes the
/// same objects.
pub(crate) async fn upload_all(
    store: &Store,
    media: &[PlannedMedia],
    limits: MediaLimits,
    host: &PictureHost<'_>,
) -> Result<Vec<Hosted>, Failure> {
    let network = limits.network;
    let images = prepare_all(store, media, limits).await?;
    let mut hosted = Vec::with_capacity(images.len());
    for image in images {
        let put = host
            .put(store, image.bytes, image.mime, &image.alt)
            .await
            .map_err(|mut failure| {
                failure.message = format!("{network}: {}", failure.message);
                failure
            })?;
        // A server that changed the picture (a NIP-96 one may) is believed about the result.
        let (width, height) = put.dim.unwrap_or((image.width, image.height));
        hosted.push(Hosted {
            url: put.url,
            sha256: put.sha256,
            mime: put.mime.unwrap_or_else(|| image.mime.to_owned()),
            width,
            height,
            alt: image.alt,
        });
    }
    Ok(hosted)
}

/// A host's error as the target's failure, named after the target's network (the host's own
/// name, "media host", stays inside the message).
pub(crate) fn on_network(network: &str, err: ClientError) -> Failure {
    let mut failure = Failure::from(err);
    failure.message = format!("{network}: {}", failure.message);
    failure
}

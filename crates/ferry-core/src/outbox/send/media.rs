//! A target's images, read from the data folder and made ready for the network (oriented,
//! stripped of metadata, brought under its size limits) off the async threads.

use ferry_networks::http::ClientError;
use ferry_networks::media::{MediaLimits, PreparedImage, check_image_count, prepare_nth};
use ferry_networks::media_host::{BlossomHost, S3Host, Uploaded};
use ferry_networks::nostr::client::NostrKeys;

use crate::Store;
use crate::accounts::Accounts;
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::images::PlannedMedia;

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
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// Where a target's pictures are stored for networks that link them: the media host (an S3
/// bucket), or a Nostr account's own Blossom server, each upload signed with its key.
pub(crate) enum PictureHost<'a> {
    S3(S3Host),
    Blossom {
        host: BlossomHost,
        keys: &'a NostrKeys,
    },
}

impl PictureHost<'_> {
    async fn put(&self, bytes: Vec<u8>, mime: &str) -> Result<Uploaded, ClientError> {
        match self {
            PictureHost::S3(host) => host.put(bytes, mime).await,
            PictureHost::Blossom { host, keys } => host.put(keys, bytes, mime).await,
        }
    }
}

/// Every picture of the target prepared for `limits` and uploaded to the media host, in
/// order; a target without pictures needs no host.
pub(crate) async fn host_all(
    accounts: &Accounts,
    media: &[PlannedMedia],
    limits: MediaLimits,
) -> Result<Vec<Hosted>, Failure> {
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
    upload_all(accounts.store(), media, limits, &PictureHost::S3(uploader)).await
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
            .put(image.bytes, image.mime)
            .await
            .map_err(|e| on_network(network, e))?;
        hosted.push(Hosted {
            url: put.url,
            sha256: put.sha256,
            mime: image.mime,
            width: image.width,
            height: image.height,
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

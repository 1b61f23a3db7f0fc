//! A target's images, read from the data folder and made ready for the network (oriented,
//! stripped of metadata, brought under its size limits) off the async threads.

use ferry_networks::media::{MediaLimits, PreparedImage, check_image_count, prepare_nth};

use crate::Store;
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

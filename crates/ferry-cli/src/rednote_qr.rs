//! `ferry rednote handoff <draft> --qr`: the kit on a one-time page on the local network
//! (`ferry_core::handoff::LanPages`), its address printed with a QR code for the phone to
//! scan. Runs until the phone opened the page and `--linger` seconds passed (its pictures stay
//! downloadable meanwhile), or the page expired unopened (exit status 2), or Ctrl-C.

use std::net::IpAddr;
use std::process::ExitCode;
use std::time::Duration;

use ferry_core::handoff::{LanHandoff, LanPageState, LanPages, qr_for_terminal};
use serde_json::json;

use crate::database::open_store;
use crate::output::{Failure, Out};
use crate::rednote::{KitOptions, fit, variant};

pub(crate) async fn serve(
    out: Out,
    draft_id: String,
    kit: KitOptions,
    bind: Option<IpAddr>,
    linger: u64,
) -> Result<ExitCode, Failure> {
    let store = open_store(kit.data_dir).await?;
    let lang = variant(&store, &draft_id, kit.lang).await?;
    let pages = LanPages::default();
    let page = pages
        .start(
            &store,
            LanHandoff {
                draft_id,
                lang,
                fit: fit(kit.fit),
            },
            bind,
        )
        .await?;
    store.close().await;
    for note in &page.notes {
        out.note(&json!({ "note": note }), || format!("note: {note}"));
    }
    out.note(
        &json!({ "url": page.url, "expiresAt": page.expires_at }),
        || {
            format!(
                "{}\nScan this with the phone (same Wi-Fi), or open {}\nIt works once, until {}.",
                qr_for_terminal(&page.url),
                page.url,
                page.expires_at
                    .with_timezone(&chrono::Local)
                    .format("%H:%M:%S")
            )
        },
    );
    loop {
        tokio::time::sleep(Duration::from_millis(300)).await;
        match pages.state() {
            LanPageState::Waiting => {}
            LanPageState::Opened => break,
            LanPageState::Expired | LanPageState::None => {
                out.note(&json!({ "state": "expired" }), || {
                    "The page expired before a phone opened it.".to_owned()
                });
                return Ok(ExitCode::from(2));
            }
        }
    }
    out.note(&json!({ "state": "opened" }), || {
        format!("Opened on the phone; its pictures stay downloadable for {linger} s.")
    });
    tokio::time::sleep(Duration::from_secs(linger)).await;
    pages.stop();
    Ok(
        out.emit(&json!({ "state": "opened", "url": page.url }), || {
            "Done.".to_owned()
        }),
    )
}

//! The RedNote kit on a one-time page on the local network, for the phone to open by scanning
//! a QR code: opt-in (started by the writer, for one draft), bound to this computer's LAN
//! address on a random port, behind a random 128-bit token, read-only (GET only), gone after
//! 10 minutes or once the page was opened (its pictures stay downloadable for the rest of the
//! 10 minutes, for the page's own download links).
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store, draft_id: String) -> Result<(), ferry_core::handoff::HandoffError> {
//! use ferry_core::handoff::{Fit, LanHandoff, LanPages};
//! use ferry_core::model::LangTag;
//! let pages = LanPages::default();
//! let handoff = LanHandoff { draft_id, lang: LangTag::parse("zh-Hans").unwrap(), fit: Fit::Crop };
//! let page = pages.start(&store, handoff, None).await?;
//! println!("scan {} ({})", page.url, page.expires_at);
//! # Ok(()) }
//! ```

mod address;
mod page;
mod serve;

use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::HandoffError;
use super::pictures::Fit;
use crate::Store;
use crate::model::LangTag;

pub use address::lan_address;

/// `url` as a QR code of Unicode half blocks, for a terminal (dark on light, with its quiet
/// zone, so phones read it in a dark terminal too).
pub fn qr_for_terminal(url: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::unicode::Dense1x2>()
            .dark_color(qrcode::render::unicode::Dense1x2::Light)
            .light_color(qrcode::render::unicode::Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

/// Set to an address of this computer to serve the page there instead of the one the route
/// to the internet leaves from: on a computer with several networks (a VPN, a second Wi-Fi),
/// the one the phone is on.
pub const LAN_ADDRESS_ENV: &str = "FERRY_LAN_ADDRESS";

fn chosen_address() -> Option<IpAddr> {
    std::env::var(LAN_ADDRESS_ENV).ok()?.trim().parse().ok()
}

/// How long a page lives.
pub const PAGE_LIFETIME: Duration = Duration::from_secs(10 * 60);

/// "Serve this draft's `lang` RedNote kit on the local network."
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LanHandoff {
    pub draft_id: String,
    pub lang: LangTag,
    #[serde(default)]
    pub fit: Fit,
}

/// A page being served: its address (also drawn as a QR code) and when it goes away.
#[derive(Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LanPage {
    /// `http://192.168.1.20:41234/k/<token>`.
    pub url: String,
    /// The address as a QR code, an SVG document.
    pub qr_svg: String,
    pub expires_at: DateTime<Utc>,
    pub pictures: u32,
    pub notes: Vec<String>,
}

/// `Debug` leaves the token out: the address is a capability.
impl std::fmt::Debug for LanPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanPage")
            .field("expires_at", &self.expires_at)
            .field("pictures", &self.pictures)
            .finish_non_exhaustive()
    }
}

/// Where the current page stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LanPageState {
    /// No page is served.
    None,
    /// Served, not opened yet.
    Waiting,
    /// Opened on a phone: the page is gone, its pictures downloadable until it expires.
    Opened,
    /// Past its 10 minutes: nothing is served.
    Expired,
}

/// The one page served at a time (a new one replaces it). Cheap to clone.
#[derive(Debug, Clone)]
pub struct LanPages {
    current: Arc<Mutex<Option<serve::Running>>>,
    lifetime: Duration,
}

impl Default for LanPages {
    fn default() -> Self {
        LanPages::with_lifetime(PAGE_LIFETIME)
    }
}

impl LanPages {
    /// Pages that live `lifetime` instead of [`PAGE_LIFETIME`] (tests).
    pub fn with_lifetime(lifetime: Duration) -> Self {
        LanPages {
            current: Arc::default(),
            lifetime,
        }
    }

    /// Prepares the kit, starts serving it on `bind` (default: this computer's LAN address)
    /// and returns its address. Any page served before is stopped.
    pub async fn start(
        &self,
        store: &Store,
        handoff: LanHandoff,
        bind: Option<IpAddr>,
    ) -> Result<LanPage, HandoffError> {
        let kit = store
            .rednote_kit(&handoff.draft_id, &handoff.lang, handoff.fit)
            .await?;
        let ip = match bind.or_else(chosen_address) {
            Some(ip) => ip,
            None => lan_address().ok_or(HandoffError::NoLan)?,
        };
        self.stop();
        let running = serve::Running::start(ip, kit, self.lifetime).await?;
        let page = running.page();
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = Some(running);
        Ok(page)
    }

    pub fn state(&self) -> LanPageState {
        match &*self.current.lock().unwrap_or_else(|e| e.into_inner()) {
            None => LanPageState::None,
            Some(running) => running.state(),
        }
    }

    /// Stops serving (the page and its pictures are gone at once).
    pub fn stop(&self) {
        if let Some(running) = self
            .current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            running.stop();
        }
    }
}

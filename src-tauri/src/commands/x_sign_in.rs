//! Signing in to X in the browser: start (the consent page opens; Ferry listens on the
//! callback port registered in the person's X app), wait for the browser to come back, or
//! cancel. The bodies in [`body`] take the managed state directly, so
//! `tests/it/x_sign_in_commands.rs` calls them without a window.

use std::time::Duration;

use ferry_core::accounts::{AddedAccount, StartX, XSignInStarted};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::CommandResult;
use crate::open_store::OpenStore;
use crate::publishing::Publishing;
use crate::sign_ins::XSignIns;

/// How long the callback waits for the browser.
pub const X_WAIT: Duration = Duration::from_secs(600);

/// An X sign-in under way: the page the browser was sent to, the callback it comes back to,
/// and its id for `wait_x_sign_in` / `cancel_x_sign_in`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct XSignInView {
    pub sign_in_id: String,
    pub started: XSignInStarted,
}

/// Listens on the callback port and opens X's consent page in the browser.
#[ferry_macros::command]
pub async fn start_x_sign_in(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    sign_ins: State<'_, XSignIns>,
    start: StartX,
) -> CommandResult<XSignInView> {
    let view = body::start(&publishing, &sign_ins, &store, start).await?;
    crate::browser::open_in_browser(&view.started.authorize_url)?;
    Ok(view)
}

/// Waits for the browser to come back with the code, then adds the account.
#[ferry_macros::command]
pub async fn wait_x_sign_in(
    sign_ins: State<'_, XSignIns>,
    sign_in_id: String,
) -> CommandResult<AddedAccount> {
    body::wait(&sign_ins, &sign_in_id, X_WAIT).await
}

#[ferry_macros::command]
pub fn cancel_x_sign_in(sign_ins: State<'_, XSignIns>, sign_in_id: String) {
    sign_ins.cancel(&sign_in_id);
}

pub mod body {
    use super::*;

    pub async fn start(
        publishing: &Publishing,
        sign_ins: &XSignIns,
        store: &ferry_core::Store,
        start: StartX,
    ) -> CommandResult<XSignInView> {
        let publisher = publishing.publisher(store).await?;
        let sign_in = publisher.accounts().start_x_sign_in(start).await?;
        let started = sign_in.started().clone();
        Ok(XSignInView {
            sign_in_id: sign_ins.insert(sign_in),
            started,
        })
    }

    pub async fn wait(
        sign_ins: &XSignIns,
        id: &str,
        limit: Duration,
    ) -> CommandResult<AddedAccount> {
        sign_ins.wait(id, limit).await
    }
}

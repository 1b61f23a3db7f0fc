//! The accounts screen: list, add (Bluesky app password, Mastodon in the browser, Nostr key,
//! Telegram bot and channel),
//! sign in again, choose each account's audience, remove.
//!
//! Each command is a one-liner over a body in [`body`], which takes the publishing state
//! directly so `tests/it/accounts_publish_commands.rs` calls it without a window. Signing in again is
//! the same `add_…` call: the engine finds the account and makes it active.

use std::time::Duration;

use ferry_core::LangTag;
use ferry_core::accounts::{
    Account, AddBluesky, AddNostr, AddTelegram, AddThreads, AddedAccount, MastodonSignInStarted,
    StartMastodon,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::CommandResult;
use crate::open_store::OpenStore;
use crate::publishing::Publishing;
use crate::sign_ins::MastodonSignIns;

/// How long the loopback redirect waits for the browser.
pub const MASTODON_WAIT: Duration = Duration::from_secs(600);

/// A Nostr account just added. `nsec` is set only for a generated key: it is shown once, for
/// the person to keep a copy, and never again by Ferry.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddedNostr {
    pub added: AddedAccount,
    pub nsec: Option<String>,
}

/// A Mastodon sign-in under way: the page the browser was sent to, and its id for
/// `wait_mastodon_sign_in` / `finish_mastodon_sign_in` / `cancel_mastodon_sign_in`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MastodonSignInView {
    pub sign_in_id: String,
    pub started: MastodonSignInStarted,
}

#[ferry_macros::command]
pub async fn list_accounts(store: OpenStore) -> CommandResult<Vec<Account>> {
    body::list(&store).await
}

#[ferry_macros::command]
pub async fn add_bluesky(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    add: AddBluesky,
) -> CommandResult<AddedAccount> {
    body::add_bluesky(&publishing, &store, add).await
}

#[ferry_macros::command]
pub async fn add_nostr(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    add: AddNostr,
) -> CommandResult<AddedNostr> {
    body::add_nostr(&publishing, &store, add).await
}

/// Checks the bot's rights in the channel or group and adds it; refused, naming what to fix,
/// when the bot can't post there.
#[ferry_macros::command]
pub async fn add_telegram(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    add: AddTelegram,
) -> CommandResult<AddedAccount> {
    body::add_telegram(&publishing, &store, add).await
}

/// Checks a Threads token (its owner and publishing allowance) and adds the account.
#[ferry_macros::command]
pub async fn add_threads(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    add: AddThreads,
) -> CommandResult<AddedAccount> {
    body::add_threads(&publishing, &store, add).await
}

#[ferry_macros::command]
pub async fn set_account_audience(
    store: OpenStore,
    id: String,
    audience: Vec<LangTag>,
) -> CommandResult<Account> {
    body::set_audience(&store, &id, audience).await
}

/// Finds whether `server` is a Blossom or a NIP-96 media server, checks it with the Nostr
/// account's key (a one-pixel picture uploaded and read back) and sends the account's pictures
/// there; `None` goes back to the media host.
#[ferry_macros::command]
pub async fn set_nostr_media_server(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    id: String,
    server: Option<String>,
) -> CommandResult<Account> {
    body::set_nostr_media_server(&publishing, &store, &id, server).await
}

#[ferry_macros::command]
pub async fn remove_account(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    id: String,
) -> CommandResult<usize> {
    body::remove(&publishing, &store, &id).await
}

/// Registers Ferry on the instance, opens its authorization page in the browser and, unless
/// out of band, listens on the loopback redirect.
#[ferry_macros::command]
pub async fn start_mastodon_sign_in(
    store: OpenStore,
    publishing: State<'_, Publishing>,
    sign_ins: State<'_, MastodonSignIns>,
    start: StartMastodon,
    audience: Vec<LangTag>,
) -> CommandResult<MastodonSignInView> {
    let view = body::start_mastodon(&publishing, &sign_ins, &store, start, audience).await?;
    crate::browser::open_in_browser(&view.started.authorize_url)?;
    Ok(view)
}

/// Waits for the browser to come back to the loopback redirect, then adds the account.
#[ferry_macros::command]
pub async fn wait_mastodon_sign_in(
    sign_ins: State<'_, MastodonSignIns>,
    sign_in_id: String,
) -> CommandResult<AddedAccount> {
    body::wait_mastodon(&sign_ins, &sign_in_id, MASTODON_WAIT).await
}

/// Adds the account with the code the person pasted (out of band).
#[ferry_macros::command]
pub async fn finish_mastodon_sign_in(
    sign_ins: State<'_, MastodonSignIns>,
    sign_in_id: String,
    code: String,
) -> CommandResult<AddedAccount> {
    body::finish_mastodon(&sign_ins, &sign_in_id, &code).await
}

#[ferry_macros::command]
pub fn cancel_mastodon_sign_in(sign_ins: State<'_, MastodonSignIns>, sign_in_id: String) {
    sign_ins.cancel(&sign_in_id);
}

/// The command bodies, over plain references so tests call them directly.
pub mod body {
    use std::time::Duration;

    use ferry_core::accounts::{NostrKey, StartMastodon};
    use ferry_core::secrets::{SecretKey, SecretKind};

    use super::*;

    pub async fn list(store: &ferry_core::Store) -> CommandResult<Vec<Account>> {
        Ok(store.list_accounts().await?)
    }

    pub async fn add_bluesky(
        publishing: &Publishing,
        store: &ferry_core::Store,
        add: AddBluesky,
    ) -> CommandResult<AddedAccount> {
        let publisher = publishing.publisher(store).await?;
        Ok(publisher.accounts().add_bluesky(add).await?)
    }

    pub async fn add_telegram(
        publishing: &Publishing,
        store: &ferry_core::Store,
        add: AddTelegram,
    ) -> CommandResult<AddedAccount> {
        let publisher = publishing.publisher(store).await?;
        Ok(publisher.accounts().add_telegram(add).await?)
    }

    pub async fn add_threads(
        publishing: &Publishing,
        store: &ferry_core::Store,
        add: AddThreads,
    ) -> CommandResult<AddedAccount> {
        let publisher = publishing.publisher(store).await?;
        Ok(publisher.accounts().add_threads(add).await?)
    }

    pub async fn add_nostr(
        publishing: &Publishing,
        store: &ferry_core::Store,
        add: AddNostr,
    ) -> CommandResult<AddedNostr> {
        let generated = matches!(add.key, NostrKey::Generate);
        let publisher = publishing.publisher(store).await?;
        let accounts = publisher.accounts();
        let added = accounts.add_nostr(add).await?;
        let nsec = if generated {
            // Read back from the keychain: the engine keeps the key nowhere else.
            let key = SecretKey::new(added.account.id.as_str(), SecretKind::PrivateKey)?;
            let secret = accounts.secrets().get(&key).await?;
            secret.map(|s| s.expose().to_owned())
        } else {
            None
        };
        Ok(AddedNostr { added, nsec })
    }

    pub async fn set_audience(
        store: &ferry_core::Store,
        id: &str,
        audience: Vec<LangTag>,
    ) -> CommandResult<Account> {
        Ok(store.set_account_audience(id, &audience).await?)
    }

    pub async fn set_nostr_media_server(
        publishing: &Publishing,
        store: &ferry_core::Store,
        id: &str,
        server: Option<String>,
    ) -> CommandResult<Account> {
        let publisher = publishing.publisher(store).await?;
        Ok(publisher
            .accounts()
            .set_nostr_media_server(id, server)
            .await?)
    }

    pub async fn remove(
        publishing: &Publishing,
        store: &ferry_core::Store,
        id: &str,
    ) -> CommandResult<usize> {
        let publisher = publishing.publisher(store).await?;
        Ok(publisher.accounts().remove(id).await?)
    }

    pub async fn start_mastodon(
        publishing: &Publishing,
        sign_ins: &MastodonSignIns,
        store: &ferry_core::Store,
        start: StartMastodon,
        audience: Vec<LangTag>,
    ) -> CommandResult<MastodonSignInView> {
        let publisher = publishing.publisher(store).await?;
        let sign_in = publisher
            .accounts()
            .start_mastodon_sign_in(start)
            .await?
            .with_audience(audience);
        let started = sign_in.started().clone();
        let sign_in_id = sign_ins.insert(sign_in);
        Ok(MastodonSignInView {
            sign_in_id,
            started,
        })
    }

    pub async fn wait_mastodon(
        sign_ins: &MastodonSignIns,
        id: &str,
        limit: Duration,
    ) -> CommandResult<AddedAccount> {
        sign_ins.wait(id, limit).await
    }

    pub async fn finish_mastodon(
        sign_ins: &MastodonSignIns,
        id: &str,
        code: &str,
    ) -> CommandResult<AddedAccount> {
        let (sign_in, _cancel) = sign_ins.take(id)?;
        let result = sign_in.finish(code.trim()).await;
        sign_ins.remove(id);
        Ok(result?)
    }
}

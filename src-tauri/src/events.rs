//! The events the shell sends the UI, each declared once: its name on the wire and its payload.
//! The UI's `Events` map and `EVENT` names are generated from this list (see `contract`), and
//! the shell sends only through [`Event::emit`] / [`Event::emit_to`], which accept the declared
//! payload and nothing else:
//!
//! ```ignore
//! events::Publish::emit(&app, &publish_event)?;
//! ```
//!
//! Adding an event: declare it in the list below, emit it through its type, run `make bindings`.

use ferry_core::outbox::PublishEvent;
use ferry_core::schedule::SchedulerEvent;
use serde::Serialize;
use tauri::{Emitter, EventTarget, Runtime};
use ts_rs::TS;

use crate::contract::TsType;
use crate::feeding::FeedEvent;

/// An event the shell emits.
pub trait Event {
    /// The name the UI listens for.
    const NAME: &'static str;
    type Payload: Serialize + TS + 'static;

    /// Sends the event to every listener.
    fn emit<R: Runtime>(emitter: &impl Emitter<R>, payload: &Self::Payload) -> tauri::Result<()> {
        emitter.emit(Self::NAME, payload)
    }

    /// Sends the event to one window (or webview) only.
    fn emit_to<R: Runtime>(
        emitter: &impl Emitter<R>,
        target: impl Into<EventTarget>,
        payload: &Self::Payload,
    ) -> tauri::Result<()> {
        emitter.emit_to(target, Self::NAME, payload)
    }
}

/// One event, as the TypeScript map lists it.
pub struct EventDecl {
    /// Its key in the UI's `EVENT` object: the Rust name, camelCased (`closeRequested`).
    pub key: String,
    pub name: &'static str,
    pub payload: TsType,
}

macro_rules! events {
    ($($(#[$doc:meta])* $event:ident = $name:literal, payload $payload:ty;)*) => {
        $(
            $(#[$doc])*
            pub struct $event;

            impl Event for $event {
                const NAME: &'static str = $name;
                type Payload = $payload;
            }
        )*

        /// Every event, in the order declared, for the generated TypeScript.
        pub fn declarations() -> Vec<EventDecl> {
            vec![$(EventDecl {
                key: lower_first(stringify!($event)),
                name: $name,
                payload: TsType::of::<$payload>(),
            }),*]
        }
    };
}

events! {
    /// Publish progress: a target's state changed, or a job finished (`commands/publish.rs`).
    Publish = "ferry://publish", payload PublishEvent;
    /// The main window was asked to close: the UI saves what it holds, then calls
    /// `close_main_window` (`close_guard.rs`).
    CloseRequested = "ferry://close-requested", payload ();
    /// The scheduler handed an item to the outbox, held it, or could not send it
    /// (`scheduling.rs`); the job's own progress still comes as `Publish` events.
    Schedule = "ferry://schedule", payload SchedulerEvent;
    /// A feed refresh started, finished one source (with its health), or finished them all
    /// (`feeding.rs`).
    Feed = "ferry://feed", payload FeedEvent;
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

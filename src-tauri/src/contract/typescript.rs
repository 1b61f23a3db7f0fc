//! `contract.ts`: the commands, events and shared constants as TypeScript. `bindings` writes it
//! beside the ts-rs files, so the stale-bindings test covers it like any generated type.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use ferry_networks::rules::Network;
use ts_rs::ExportError;

use super::{Command, TsType};
use crate::events::EventDecl;

/// The generated file's name in the bindings folder.
pub const FILE: &str = "contract.ts";

/// Everything `contract.ts` states, gathered from where each is declared.
pub struct Contract {
    pub commands: Vec<Command>,
    pub events: Vec<EventDecl>,
    pub media_scheme: &'static str,
    pub feed_image_scheme: &'static str,
    pub by_hand: &'static str,
    pub image_extensions: Vec<&'static str>,
    pub networks: Vec<&'static str>,
    pub error_codes: Vec<&'static str>,
    /// The loopback port of X's sign-in callback unless the person picks another.
    pub x_port: u16,
    /// X's prices as Ferry knows them: a post, a post with a link, and their date.
    pub x_prices: [String; 3],
}

impl Contract {
    /// The shell as built.
    pub fn current() -> Self {
        Contract {
            commands: crate::commands::declarations(),
            events: crate::events::declarations(),
            media_scheme: crate::media_protocol::SCHEME,
            feed_image_scheme: crate::feed_image_protocol::SCHEME,
            by_hand: ferry_core::outbox::BY_HAND,
            image_extensions: ferry_core::sniff::IMAGE_TYPES
                .iter()
                .map(|(extension, _)| *extension)
                .collect(),
            networks: Network::ALL.map(Network::name).to_vec(),
            error_codes: crate::error::codes(),
            x_port: ferry_core::accounts::DEFAULT_X_PORT,
            x_prices: {
                use ferry_networks::x::cost::{PRICES_AS_OF, price, usd};
                [
                    usd(price::POST),
                    usd(price::POST_WITH_LINK),
                    PRICES_AS_OF.to_owned(),
                ]
            },
        }
    }

    /// Writes `contract.ts` and the ts-rs file of every type it names to `dir`.
    pub fn export_to(&self, dir: &Path) -> Result<(), ExportError> {
        for ty in self.types() {
            ty.export_to(dir)?;
        }
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join(FILE), self.typescript())?;
        Ok(())
    }

    fn types(&self) -> impl Iterator<Item = &TsType> {
        let commands = self.commands.iter().flat_map(|command| {
            let args = command.args.iter().map(|(_, ty)| ty);
            args.chain(std::iter::once(&command.result))
        });
        commands.chain(self.events.iter().map(|event| &event.payload))
    }

    /// The text of `contract.ts`.
    pub fn typescript(&self) -> String {
        let mut out = String::from(
            "// Generated from the shell's command and event declarations \
             (src-tauri/src/commands/mod.rs,\n\
             // src-tauri/src/events.rs) by `make bindings`. Do not edit.\n",
        );
        let imports: BTreeMap<&str, PathBuf> =
            self.types().flat_map(TsType::import_paths).collect();
        for (name, path) in imports {
            let from = format!("./{}", path.display());
            let _ = writeln!(out, "import type {{ {name} }} from {};", quoted(&from));
        }

        out.push_str(
            "\n/** Every command the UI may invoke: its arguments (as the UI sends them) \
             and its result. */\nexport type Commands = {\n",
        );
        for command in &self.commands {
            let args = if command.args.is_empty() {
                "Record<string, never>".to_owned()
            } else {
                let fields: Vec<String> = command
                    .args
                    .iter()
                    .map(|(key, ty)| format!("{key}: {}", ty.name))
                    .collect();
                format!("{{ {} }}", fields.join("; "))
            };
            let _ = writeln!(
                out,
                "  {}: {{ args: {args}; result: {} }};",
                command.name, command.result.name
            );
        }
        out.push_str("};\nexport type CommandName = keyof Commands;\n");

        out.push_str("\n/** Events the shell emits, by name, with their payloads. */\n");
        out.push_str("export type Events = {\n");
        for event in &self.events {
            let _ = writeln!(out, "  {}: {};", quoted(event.name), event.payload.name);
        }
        out.push_str("};\n/** The event names, for `listen`. */\nexport const EVENT = {\n");
        for event in &self.events {
            let _ = writeln!(out, "  {}: {},", event.key, quoted(event.name));
        }
        out.push_str("} as const;\n");

        let _ = write!(
            out,
            "\n/** The shell's URI scheme serving stored media (src-tauri/src/media_protocol.rs). */\n\
             export const MEDIA_SCHEME = {};\n\
             /** The shell's URI scheme serving feed items' images (src-tauri/src/feed_image_protocol.rs). */\n\
             export const FEED_IMAGE_SCHEME = {};\n\
             /** Image file types the engine accepts (it sniffs the bytes as well). */\n\
             export const IMAGE_EXTENSIONS = {} as const;\n\
             /** Every network, in the engine's order (ferry_networks::rules::Network::ALL). */\n\
             export const NETWORKS = {} as const;\n\
             /** The account id of a target the writer published by hand (ferry_core::outbox::BY_HAND). */\n\
             export const BY_HAND = {};\n\
             /** The loopback port of X's sign-in callback by default (ferry_core::accounts::DEFAULT_X_PORT). */\n\
             export const X_DEFAULT_PORT = {};\n\
             /** X's prices as Ferry estimates them (ferry_networks::x::cost). */\n\
             export const X_PRICES = {{ post: {}, postWithLink: {}, asOf: {} }} as const;\n",
            quoted(self.media_scheme),
            quoted(self.feed_image_scheme),
            array(&self.image_extensions),
            array(&self.networks),
            quoted(self.by_hand),
            self.x_port,
            quoted(&self.x_prices[0]),
            quoted(&self.x_prices[1]),
            quoted(&self.x_prices[2]),
        );

        let mut codes = self.error_codes.clone();
        codes.sort_unstable();
        codes.dedup();
        let union = if codes.is_empty() {
            // No code declared yet: still valid TypeScript, and nothing compares equal to it.
            "never".to_owned()
        } else {
            codes
                .iter()
                .map(|code| quoted(code))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let _ = write!(
            out,
            "\n/** Every error code a command can reject with (`BackendError.code`). */\n\
             export type ErrorCode = {union};\n"
        );
        out
    }
}

/// A TypeScript string literal (JSON's escaping is TypeScript's).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn array(items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|item| quoted(item)).collect();
    format!("[{}]", items.join(", "))
}

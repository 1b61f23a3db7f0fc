//! Ferry's macros. Each exists so that something the UI, the CLI and the engine share is
//! written once, in Rust, and everything else is generated from it.
//!
//! - [`macro@command`]: a shell command, declared by its signature alone (see `command.rs`).
//! - [`macro@Coded`]: an error enum's stable codes, one `#[code("…")]` per variant (see `coded.rs`).

mod coded;
mod command;

use proc_macro::TokenStream;

/// Marks a desktop command; see `command.rs`.
#[proc_macro_attribute]
pub fn command(attr: TokenStream, item: TokenStream) -> TokenStream {
    command::expand(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives an error enum's `code()` and the list of every code it can return; see `coded.rs`.
#[proc_macro_derive(Coded, attributes(code))]
pub fn derive_coded(input: TokenStream) -> TokenStream {
    coded::expand(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

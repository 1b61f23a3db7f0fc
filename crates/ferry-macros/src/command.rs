//! `#[ferry_macros::command]` (placeholder: passes the function through to `#[tauri::command]`).

use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(_attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    Ok(quote! { #[tauri::command] #item })
}

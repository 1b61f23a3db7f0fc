//! `#[derive(Coded)]` (placeholder: derives nothing yet).

use proc_macro2::TokenStream;

pub fn expand(_input: TokenStream) -> syn::Result<TokenStream> {
    Ok(TokenStream::new())
}

//! `#[derive(Coded)]`: an error enum's stable codes, declared once, on its variants.
//!
//! ```ignore
//! #[derive(Debug, thiserror::Error, ferry_macros::Coded)]
//! pub enum AccountError {
//!     #[error(transparent)]
//!     #[code(transparent)]          // the wrapped error's own code
//!     Store(#[from] StoreError),
//!
//!     #[error("no account with id {id}")]
//!     #[code("account.not_found")]
//!     NotFound { id: String },
//! }
//!
//! err.code();              // "account.not_found", or the StoreError's code
//! AccountError::codes();   // every code above and all of StoreError::codes(), sorted, once each
//! ```
//!
//! Every variant must say its code: a variant without `#[code]` does not compile, so a new
//! variant cannot reach the UI with a code nobody declared. A `transparent` variant has exactly
//! one field, whose type has `code()` and `codes()` of its own (derived, as a rule).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Ident, LitStr, Variant};

/// What a variant's `#[code(…)]` says.
enum Code {
    /// `#[code("db.locked")]`
    Literal(LitStr),
    /// `#[code(transparent)]`: the code of the one field.
    Transparent,
}

pub fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let input: DeriveInput = syn::parse2(input)?;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "#[derive(Coded)] is for error enums, one #[code(\"…\")] per variant",
        ));
    };
    let name = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();

    let mut arms = Vec::new();
    let mut own = Vec::new();
    let mut inner = Vec::new();
    for variant in &data.variants {
        let ident = &variant.ident;
        match code_of(variant)? {
            Code::Literal(code) => {
                arms.push(quote! { Self::#ident { .. } => #code });
                own.push(code);
            }
            Code::Transparent => {
                let (pattern, ty) = transparent_field(variant)?;
                arms.push(quote! { Self::#ident #pattern => __inner.code() });
                inner.push(ty);
            }
        }
    }

    Ok(quote! {
        impl #impl_generics #name #ty_generics #where_clause {
            /// A stable identifier for programs, translations and tests; its wording never
            /// changes (declared with `#[code]` on each variant).
            pub fn code(&self) -> &'static str {
                match self {
                    #(#arms,)*
                }
            }

            /// Every code [`Self::code`] can return, wrapped errors' included; sorted, each once.
            pub fn codes() -> ::std::vec::Vec<&'static str> {
                #[allow(unused_mut)]
                let mut codes: ::std::vec::Vec<&'static str> = ::std::vec![#(#own),*];
                #(codes.extend(<#inner>::codes());)*
                codes.sort_unstable();
                codes.dedup();
                codes
            }
        }
    })
}

/// The one `#[code(…)]` of `variant`; an error naming the variant when there is none.
fn code_of(variant: &Variant) -> syn::Result<Code> {
    let ident = &variant.ident;
    let mut found = None;
    for attr in variant.attrs.iter().filter(|a| a.path().is_ident("code")) {
        if found.is_some() {
            return Err(syn::Error::new_spanned(
                attr,
                format!("variant `{ident}` has more than one #[code]"),
            ));
        }
        found = Some(attr.parse_args_with(|input: syn::parse::ParseStream| {
            if input.peek(LitStr) {
                let code: LitStr = input.parse()?;
                check_wording(&code)?;
                Ok(Code::Literal(code))
            } else {
                let word: Ident = input.parse()?;
                if word != "transparent" {
                    return Err(syn::Error::new_spanned(
                        word,
                        "expected a code such as #[code(\"db.locked\")] or #[code(transparent)]",
                    ));
                }
                Ok(Code::Transparent)
            }
        })?);
    }
    found.ok_or_else(|| {
        syn::Error::new_spanned(
            variant,
            format!(
                "variant `{ident}` has no stable code: add #[code(\"area.what\")], or \
                 #[code(transparent)] if it wraps another coded error"
            ),
        )
    })
}

/// Codes are identifiers the UI and scripts match on: lower case, digits, `_` and `.`.
fn check_wording(code: &LitStr) -> syn::Result<()> {
    let text = code.value();
    let fine = !text.is_empty()
        && !text.starts_with('.')
        && !text.ends_with('.')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
    if fine {
        Ok(())
    } else {
        Err(syn::Error::new_spanned(
            code,
            format!(
                "{text:?} is not a code: use lower case, digits, `_` and `.`, like \"db.locked\""
            ),
        ))
    }
}

/// The pattern binding a transparent variant's one field as `__inner`, and that field's type.
fn transparent_field(variant: &Variant) -> syn::Result<(TokenStream, &syn::Type)> {
    let ident = &variant.ident;
    let mut fields = variant.fields.iter();
    let (Some(field), None) = (fields.next(), fields.next()) else {
        return Err(syn::Error::new_spanned(
            variant,
            format!("variant `{ident}` is #[code(transparent)], so it must hold exactly one field"),
        ));
    };
    let pattern = match &field.ident {
        Some(name) => quote! { { #name: __inner } },
        None => quote! { (__inner) },
    };
    Ok((pattern, &field.ty))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(input: TokenStream) -> String {
        match expand(input) {
            Ok(out) => panic!("expected an error, got {out}"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn a_variant_without_a_code_is_named() {
        let message = error_of(quote! {
            enum E {
                #[code("e.one")]
                One,
                Two { detail: String },
            }
        });
        assert!(
            message.contains("variant `Two` has no stable code"),
            "{message}"
        );
    }

    #[test]
    fn transparent_needs_exactly_one_field() {
        let message = error_of(quote! {
            enum E {
                #[code(transparent)]
                Both(A, B),
            }
        });
        assert!(message.contains("`Both`"), "{message}");
        assert!(message.contains("exactly one field"), "{message}");
    }

    #[test]
    fn malformed_codes_and_attributes_are_refused() {
        for bad in [
            quote! { enum E { #[code("Db.Locked")] A } },
            quote! { enum E { #[code("")] A } },
            quote! { enum E { #[code(opaque)] A } },
            quote! { enum E { #[code("a.b")] #[code("a.c")] A } },
            quote! { struct S; },
        ] {
            error_of(bad);
        }
    }

    #[test]
    fn codes_and_delegation_are_generated() {
        let out = expand(quote! {
            enum E {
                #[code("e.one")]
                One,
                #[code(transparent)]
                Inner(Other),
                #[code(transparent)]
                Named { source: Third },
            }
        })
        .unwrap()
        .to_string();
        assert!(out.contains("Self :: One { .. } => \"e.one\""), "{out}");
        assert!(
            out.contains("Self :: Inner (__inner) => __inner . code ()"),
            "{out}"
        );
        assert!(
            out.contains("Self :: Named { source : __inner } => __inner . code ()"),
            "{out}"
        );
        assert!(out.contains("< Other > :: codes ()"), "{out}");
        assert!(out.contains("< Third > :: codes ()"), "{out}");
    }
}

//! `#[ferry_macros::command]`: a desktop command declared by its signature alone.
//!
//! ```ignore
//! #[command]
//! pub async fn get_revision(store: OpenStore, id: String, number: u32) -> CommandResult<Revision> {
//!     Ok(store.get_revision(&id, number).await?)
//! }
//! ```
//!
//! The function is left as written, under `#[tauri::command]`. Beside it, in the type
//! namespace (a braced struct never clashes with a function), comes `struct get_revision {}`
//! implementing `crate::contract::CommandSpec`: the name the UI invokes, the arguments it sends
//! (`{ id: string; number: number }`) and what it gets back (`Revision`). So one path,
//! `drafts::get_revision`, names both the handler and its description, and the TypeScript the
//! UI calls through is generated from the same signature Tauri deserialises.
//!
//! - Arguments are the parameters, camelCased as Tauri converts them, except those Tauri
//!   injects: `OpenStore`, `State`, `AppHandle`, `Window`, `WebviewWindow`, `Webview`
//!   (recognised by the last segment of the type's path).
//! - The result is `T` of a `CommandResult<T>` / `Result<T, E>` (a rejection is the `{code,
//!   message}` payload, typed separately), the type itself otherwise, and `void` for `()`.

use heck::ToLowerCamelCase;
use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;
use syn::{FnArg, ItemFn, Pat, ReturnType, Type};

/// Parameters Tauri fills in itself; the UI never sends them.
const INJECTED: [&str; 6] = [
    "OpenStore",
    "State",
    "AppHandle",
    "Window",
    "WebviewWindow",
    "Webview",
];

pub fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    if !attr.is_empty() {
        // Tauri's own options (rename_all, rename …) would make the generated names lie.
        return Err(syn::Error::new_spanned(
            attr,
            "#[command] takes no arguments: commands use Tauri's default camelCase names",
        ));
    }
    let function: ItemFn = syn::parse2(item)?;
    let name = &function.sig.ident;
    let name_str = name.unraw().to_string();
    let vis = &function.vis;

    let mut args = Vec::new();
    for input in &function.sig.inputs {
        let FnArg::Typed(typed) = input else {
            return Err(syn::Error::new_spanned(input, "a command cannot take self"));
        };
        if is_injected(&typed.ty) {
            continue;
        }
        let Pat::Ident(pat) = typed.pat.as_ref() else {
            return Err(syn::Error::new_spanned(
                &typed.pat,
                "a command's argument needs a plain name: it is the key the UI sends",
            ));
        };
        let key = pat.ident.unraw().to_string().to_lower_camel_case();
        let ty = strip_lifetimes(&typed.ty);
        args.push(quote! { (#key, crate::contract::TsType::of::<#ty>()) });
    }

    let result = match &function.sig.output {
        ReturnType::Default => quote! { crate::contract::TsType::void() },
        ReturnType::Type(_, ty) => match ok_type(ty) {
            Type::Tuple(unit) if unit.elems.is_empty() => {
                quote! { crate::contract::TsType::void() }
            }
            ok => quote! { crate::contract::TsType::of::<#ok>() },
        },
    };

    Ok(quote! {
        #[::tauri::command]
        #function

        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #name {}

        impl crate::contract::CommandSpec for #name {
            const NAME: &'static str = #name_str;

            fn args() -> ::std::vec::Vec<(&'static str, crate::contract::TsType)> {
                ::std::vec![#(#args),*]
            }

            fn result() -> crate::contract::TsType {
                #result
            }
        }
    })
}

fn is_injected(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|last| INJECTED.iter().any(|name| last.ident == name)),
        Type::Reference(reference) => is_injected(&reference.elem),
        _ => false,
    }
}

/// `T` of `CommandResult<T>` or `Result<T, E>`; any other type as it is.
fn ok_type(ty: &Type) -> &Type {
    if let Type::Path(path) = ty
        && let Some(last) = path.path.segments.last()
        && (last.ident == "CommandResult" || last.ident == "Result")
        && let syn::PathArguments::AngleBracketed(generics) = &last.arguments
        && let Some(syn::GenericArgument::Type(ok)) = generics.args.first()
    {
        return ok;
    }
    ty
}

/// The type with its named lifetimes made `'_`: the impl beside the function, where it is
/// named, has none of the function's lifetime parameters.
fn strip_lifetimes(ty: &Type) -> TokenStream {
    anonymise(quote! { #ty })
}

fn anonymise(tokens: TokenStream) -> TokenStream {
    use proc_macro2::{Group, Ident, TokenTree};
    let mut after_quote = false;
    tokens
        .into_iter()
        .map(|token| {
            let token = match token {
                TokenTree::Ident(ident) if after_quote && ident != "static" => {
                    TokenTree::Ident(Ident::new("_", ident.span()))
                }
                TokenTree::Group(group) => {
                    let mut inner = Group::new(group.delimiter(), anonymise(group.stream()));
                    inner.set_span(group.span());
                    TokenTree::Group(inner)
                }
                other => other,
            };
            after_quote = matches!(&token, TokenTree::Punct(p) if p.as_char() == '\'');
            token
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_str(item: &str) -> String {
        expand(TokenStream::new(), item.parse().unwrap())
            .unwrap()
            .to_string()
    }

    #[test]
    fn injected_parameters_are_not_arguments_and_names_are_camel_cased() {
        let out = expand_str(
            "pub async fn wait(sign_ins: State<'_, SignIns>, store: OpenStore, \
             app: AppHandle<R>, sign_in_id: String) -> CommandResult<Added> { todo!() }",
        );
        assert!(out.contains("\"signInId\""), "{out}");
        for injected in ["\"signIns\"", "\"store\"", "\"app\""] {
            assert!(!out.contains(injected), "{injected} in {out}");
        }
        assert!(out.contains("TsType :: of :: < Added >"), "{out}");
    }

    #[test]
    fn unit_results_are_void() {
        for signature in [
            "fn a() {}",
            "fn a() -> () {}",
            "fn a() -> CommandResult<()> { Ok(()) }",
        ] {
            let out = expand_str(signature);
            assert!(out.contains("TsType :: void ()"), "{signature}: {out}");
        }
        let out = expand_str("fn a() -> Vec<String> { vec![] }");
        assert!(out.contains("TsType :: of :: < Vec < String > >"), "{out}");
    }

    #[test]
    fn named_lifetimes_are_anonymous_in_the_description() {
        let out = expand_str("fn a<'a>(text: &'a str, all: &'static str) {}");
        assert!(out.contains("TsType :: of :: < & '_ str >"), "{out}");
        assert!(out.contains("TsType :: of :: < & 'static str >"), "{out}");
    }

    #[test]
    fn tauri_options_are_refused() {
        let err = expand(quote! { rename_all = "snake_case" }, quote! { fn a() {} }).unwrap_err();
        assert!(err.to_string().contains("no arguments"));
    }
}

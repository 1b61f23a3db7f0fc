//! Live counters and previews, and `ferry check --draft`: what each of a draft's target
//! networks gets from one variant ([`DraftContent::network_text`](crate::DraftContent::network_text):
//! override, RedNote title, topics), measured and cut into spans by `ferry-networks`' rules.
//! The outbox plans "Post now" from the same text, so the composer, the CLI and the publisher
//! agree on every number.
//!
//! ```
//! use ferry_core::checks::{VariantCheckRequest, check_variant};
//! use ferry_core::{DraftContent, LangTag, Network, Target, Variant};
//!
//! let zh = LangTag::parse("zh-Hans").unwrap();
//! let content = DraftContent {
//!     variants: vec![Variant { lang: zh.clone(), text: "渡口见面\n清晨的渡口，人不多。".into() }],
//!     targets: vec![Target::network(Network::X), Target::network(Network::Rednote)],
//!     topics: vec!["旅行".into()],
//!     ..Default::default()
//! };
//! let checks = check_variant(&VariantCheckRequest::new(content, zh)).unwrap();
//! assert_eq!(checks[0].text, "渡口见面\n清晨的渡口，人不多。\n\n#旅行");
//! assert_eq!((checks[1].title.as_deref(), checks[1].title_limit), (Some("渡口见面"), Some(20)));
//! assert_eq!(checks[1].text, "清晨的渡口，人不多。\n\n#旅行[话题]#");
//! ```
//!
//! [`NetworkLimits`] carries what only an account knows (a Mastodon instance's
//! `max_characters`); [`NetworkLimits::for_targets`] picks it from the accounts the way the
//! composer does. [`check_draft`] checks every variant of a stored draft with those limits.

mod draft;
mod limits;
mod variant;

pub use draft::{VariantChecks, check_draft};
pub use limits::NetworkLimits;
pub use variant::{NetworkCheck, VariantCheckRequest, check_variant};

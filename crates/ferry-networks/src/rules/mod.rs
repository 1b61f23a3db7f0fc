//! The cross-network API the composer and the CLI call: [`measure`] a post on any network,
//! [`split`](split::split) it into a thread, write [`topics`] in each network's convention, and
//! build the composer's [`preview`].

pub mod error;
pub mod measure;
pub mod network;
pub mod preview;
pub mod scan;
pub mod split;
pub mod tokens;
pub mod topics;

pub use error::RulesError;
pub use measure::{Measurement, Post, Settings, Unit, Warning, measure, measure_all};
pub use network::{Network, parse_list};
pub use preview::{Preview, Span, SpanKind, preview};
pub use scan::Scan;
pub use split::split;
pub use topics::{Topics, topics};

//! Threads (Meta): how a post is counted ([`rules`], re-exported here) and how it is posted
//! through the person's own Meta app ([`client`]).

pub mod client;
mod rules;

pub use rules::*;

//! Listing and searching drafts, in Chinese and English alike.
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store) -> Result<(), ferry_core::StoreError> {
//! use ferry_core::ListQuery;
//! let hits = store
//!     .list_drafts(&ListQuery { search: Some("渡口 ferry".into()), ..Default::default() })
//!     .await?;
//! for hit in hits {
//!     println!("{} {}", hit.id, hit.snippet.map(|s| s.text).unwrap_or(hit.preview));
//! }
//! # Ok(()) }
//! ```

mod index;
mod list;
mod plan;
mod snippet;
mod terms;

pub use list::MAX_PAGE;

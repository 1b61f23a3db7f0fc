//! What every OAuth 2 sign-in of a desktop app shares: a PKCE verifier and its challenge,
//! a random `state`, and the loopback redirect the browser comes back to.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::oauth::{LoopbackRedirect, Pkce, random_state};
//! let (pkce, state) = (Pkce::generate()?, random_state()?);
//! let redirect = LoopbackRedirect::bind("x").await?;
//! // open the network's authorize URL with redirect.redirect_uri(), pkce.challenge(), state …
//! let code = redirect.wait_for_code(&state, std::time::Duration::from_secs(600)).await?;
//! // … then trade `code` and pkce.verifier() for a token
//! # Ok(()) }
//! ```

mod loopback;
mod pkce;

pub use loopback::{LoopbackRedirect, READ_TIMEOUT};
pub use pkce::{Pkce, random_state};

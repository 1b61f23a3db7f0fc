//! OAuth 2 authorization code with PKCE (RFC 7636, S256), as Mastodon 4.3+ supports it; older
//! servers ignore the challenge and still work through the client secret.

use url::Url;

use crate::http::Secret;
use crate::oauth::Pkce;

/// The redirect URI that makes the server show the code for the person to paste.
pub const OOB_REDIRECT: &str = "urn:ietf:wg:oauth:2.0:oob";

/// What `POST /api/v1/apps` gave: store it with the account (the secret in the keychain).
#[derive(Debug, Clone)]
pub struct AppCredentials {
    pub client_id: String,
    pub client_secret: Secret,
    pub redirect_uri: String,
    pub scopes: String,
}

/// `GET /oauth/authorize?response_type=code&…&code_challenge=…&code_challenge_method=S256`.
pub(crate) fn authorize_url(base: &Url, app: &AppCredentials, pkce: &Pkce, state: &str) -> Url {
    let mut url = base
        .join("/oauth/authorize")
        .expect("an absolute path joins any base URL");
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &app.client_id)
        .append_pair("redirect_uri", &app.redirect_uri)
        .append_pair("scope", &app.scopes)
        .append_pair("state", state)
        .append_pair("code_challenge", pkce.challenge())
        .append_pair("code_challenge_method", "S256");
    url
}

//! OAuth 2.0 with PKCE against X: the authorize URL the browser opens, the code traded for
//! tokens, and the refresh that renews them.
//!
//! X rotates refresh tokens: each refresh answers a new one and the used one stops working.
//! Whoever refreshes must keep the new refresh token before anything else, or the account
//! has to sign in again.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use url::Url;

use super::NETWORK;
use crate::http::{
    ClientError, Effect, ResponseParts, Secret, decode_json, parse_base_url, send, shared_client,
};
use crate::oauth::Pkce;

/// What Ferry asks for: read and write posts, read the account, upload pictures, and a
/// refresh token (`offline.access`) so the person signs in once.
pub const SCOPES: &str = "tweet.read tweet.write users.read media.write offline.access";

/// The person's X app, as its Developer Console shows it.
#[derive(Debug, Clone)]
pub struct XApp {
    pub client_id: String,
    /// Only for a confidential client ("Web App"); a native app has none.
    pub client_secret: Option<Secret>,
    /// `http://127.0.0.1:<port>/callback`, registered in the app exactly so.
    pub redirect_uri: String,
}

/// What the token endpoint answered.
#[derive(Debug, Clone)]
pub struct XTokens {
    pub access: Secret,
    /// Present when `offline.access` was granted; replaces the one used to refresh.
    pub refresh: Option<Secret>,
    pub expires_in: Duration,
    pub scope: String,
}

/// The sign-in side of X: its authorize page and its token endpoint.
#[derive(Debug, Clone)]
pub struct XOAuth {
    http: reqwest::Client,
    api: Url,
    authorize: Url,
    app: XApp,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    expires_in: Option<u64>,
    #[serde(default)]
    scope: String,
}

#[derive(Deserialize)]
struct TokenRefusal {
    #[serde(default)]
    error: String,
    #[serde(default)]
    error_description: String,
}

impl XOAuth {
    /// `api` is the token endpoint's server ([`super::X_API`]), `authorize` the consent page
    /// ([`super::X_AUTHORIZE`]).
    pub fn new(
        api: &str,
        authorize: &str,
        app: XApp,
        timeout: Duration,
    ) -> Result<Self, ClientError> {
        check_client_id(&app.client_id)?;
        Ok(XOAuth {
            http: shared_client(NETWORK, timeout)?,
            api: parse_base_url(NETWORK, "X API address", api)?,
            authorize: parse_base_url(NETWORK, "X sign-in page address", authorize)?,
            app,
        })
    }

    pub fn app(&self) -> &XApp {
        &self.app
    }

    /// The page the person opens to let the app post for them.
    pub fn authorize_url(&self, pkce: &Pkce, state: &str) -> Url {
        let mut url = self.authorize.clone();
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.app.client_id)
            .append_pair("redirect_uri", &self.app.redirect_uri)
            .append_pair("scope", SCOPES)
            .append_pair("state", state)
            .append_pair("code_challenge", pkce.challenge())
            .append_pair("code_challenge_method", "S256");
        url
    }

    /// Trades the code the browser brought back for tokens.
    pub async fn exchange_code(&self, code: &str, pkce: &Pkce) -> Result<XTokens, ClientError> {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code.trim()),
            ("redirect_uri", &self.app.redirect_uri),
            ("code_verifier", pkce.verifier().expose()),
            ("client_id", &self.app.client_id),
        ];
        self.token("signing in to X", &form).await
    }

    /// New tokens for a refresh token; the one given stops working once X answers.
    pub async fn refresh(&self, refresh_token: &Secret) -> Result<XTokens, ClientError> {
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
            ("client_id", &self.app.client_id),
        ];
        self.token("renewing the X sign-in", &form).await
    }

    async fn token(&self, what: &str, form: &[(&str, &str)]) -> Result<XTokens, ClientError> {
        let mut url = self.api.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(["2", "oauth2", "token"]);
        }
        let mut request = self.http.post(url).form(form);
        if let Some(secret) = &self.app.client_secret {
            let pair = format!("{}:{}", self.app.client_id, secret.expose());
            request = request.header("Authorization", format!("Basic {}", STANDARD.encode(pair)));
        }
        // A write: X may have spent the code or rotated the refresh token before the answer
        // was lost.
        let answer = send(NETWORK, what, Effect::Write, request).await?;
        if !answer.is_success() {
            return Err(refusal(what, &answer));
        }
        let got: TokenAnswer = decode_json(NETWORK, what, Effect::Write, &answer)?;
        Ok(XTokens {
            access: Secret::new(got.access_token),
            refresh: got.refresh_token.map(Secret::new),
            expires_in: Duration::from_secs(got.expires_in.unwrap_or(7_200)),
            scope: got.scope,
        })
    }
}

/// The token endpoint's refusals all mean the sign-in must start over, except X's own trouble.
fn refusal(what: &str, answer: &ResponseParts) -> ClientError {
    if answer.status >= 500 || answer.status == 429 {
        return crate::http::classify_answer(NETWORK, what, Effect::Write, answer);
    }
    let said: TokenRefusal = serde_json::from_slice(&answer.body).unwrap_or(TokenRefusal {
        error: String::new(),
        error_description: String::new(),
    });
    let detail = match said.error.as_str() {
        "unauthorized_client" => "X does not know this client id (or its secret): copy the \
             OAuth 2.0 Client ID from your app's Keys and tokens page"
            .to_owned(),
        _ => format!(
            "X refused ({} {}); sign in again",
            said.error, said.error_description
        ),
    };
    ClientError::Auth {
        network: NETWORK,
        what: what.to_owned(),
        detail,
    }
}

/// An OAuth 2.0 client id is a run of letters, digits, `-` and `_` (X's are 34 characters).
/// Checked first, so a pasted URL or API key with spaces gets a clear error.
fn check_client_id(id: &str) -> Result<(), ClientError> {
    let ok = (10..=100).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ClientError::InvalidInput {
            network: NETWORK,
            field: "client id".into(),
            detail: "this is not an OAuth 2.0 Client ID; copy it from your app's Keys and \
                     tokens page in X's Developer Console (not the API key or a URL)"
                .into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(id: &str) -> XApp {
        XApp {
            client_id: id.into(),
            client_secret: None,
            redirect_uri: "http://127.0.0.1:8717/callback".into(),
        }
    }

    #[test]
    fn the_authorize_url_carries_pkce_scopes_and_the_exact_callback() {
        let oauth = XOAuth::new(
            super::super::X_API,
            super::super::X_AUTHORIZE,
            app("M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ"),
            Duration::from_secs(1),
        )
        .unwrap();
        let pkce = Pkce::from_verifier(Secret::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        let url = oauth.authorize_url(&pkce, "st8");
        let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
        assert_eq!(url.host_str(), Some("x.com"));
        assert_eq!(q["redirect_uri"], "http://127.0.0.1:8717/callback");
        assert_eq!(
            q["code_challenge"],
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(q["state"], "st8");
        assert!(q["scope"].contains("offline.access") && q["scope"].contains("media.write"));
    }

    #[test]
    fn a_pasted_url_or_key_with_spaces_is_not_a_client_id() {
        for bad in ["https://developer.x.com/app", "abc def ghi jkl", "short"] {
            let err = XOAuth::new(
                super::super::X_API,
                super::super::X_AUTHORIZE,
                app(bad),
                Duration::from_secs(1),
            )
            .unwrap_err()
            .to_string();
            assert!(err.contains("not an OAuth 2.0 Client ID"), "{err}");
        }
    }
}

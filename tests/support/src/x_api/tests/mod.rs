//! The fake against the documentation's flows, over real HTTP: sign-in and tokens in
//! [`oauth`], posts, media and reads in [`posts`], credits, limits and failures in
//! [`accounts`].

mod accounts;
mod oauth;
mod posts;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::*;

const VERIFIER: &str = "ferry-test-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
const CALLBACK: &str = "http://127.0.0.1:53682/callback";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n a small PNG, as far as the fake cares";

/// An X client as simple as can be, signed in or not.
struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Client {
    fn new(api: &FakeXApi) -> Client {
        // The consent page's 302 is the answer under test, not something to follow.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .unwrap();
        Client {
            http,
            base: api.base.clone(),
            token: String::new(),
        }
    }

    /// The whole dance: consent, code, tokens. Keeps the access token; returns the answer.
    async fn sign_in(&mut self) -> Value {
        let code = self.authorize(SCOPES).await;
        let (status, body) = self.redeem(&code, VERIFIER).await;
        assert_eq!(status, 200, "{body}");
        self.token = body["access_token"].as_str().unwrap().to_owned();
        body
    }

    /// The consent page's answer: the redirect's query, by name.
    async fn consent(&self, query: &[(&str, &str)]) -> (u16, Vec<(String, String)>) {
        let url = format!("{}/i/oauth2/authorize", self.base);
        let response = self.http.get(url).query(query).send().await.unwrap();
        let status = response.status().as_u16();
        let Some(location) = response.headers().get("location") else {
            return (status, Vec::new());
        };
        let location = url::Url::parse(location.to_str().unwrap()).unwrap();
        assert!(location.as_str().starts_with(CALLBACK), "{location}");
        (status, location.query_pairs().into_owned().collect())
    }

    /// A code for these scopes, checking the redirect gives `state` back.
    async fn authorize(&self, scope: &str) -> String {
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER));
        let query = authorize_query(scope, &challenge);
        let (status, pairs) = self.consent(&query).await;
        assert_eq!(status, 302);
        assert_eq!(pairs[0], ("state".into(), "st4te".into()));
        assert_eq!(pairs[1].0, "code");
        pairs[1].1.clone()
    }

    async fn redeem(&self, code: &str, verifier: &str) -> (u16, Value) {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", CALLBACK),
            ("code_verifier", verifier),
            ("client_id", CLIENT_ID),
        ];
        self.token_request(&form).await
    }

    async fn token_request(&self, form: &[(&str, &str)]) -> (u16, Value) {
        let url = format!("{}/2/oauth2/token", self.base);
        let response = self.http.post(url).form(form).send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        let request = self.http.get(format!("{}{path}", self.base));
        let response = request.bearer_auth(&self.token).send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }

    async fn post(&self, path: &str, json: &Value) -> (u16, Value) {
        let request = self.http.post(format!("{}{path}", self.base)).json(json);
        let response = request.bearer_auth(&self.token).send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }

    async fn upload(&self, bytes: &[u8]) -> (u16, Value) {
        let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name("picture.png");
        let form = reqwest::multipart::Form::new()
            .part("media", part)
            .text("media_category", "tweet_image");
        let request = self.http.post(format!("{}/2/media/upload", self.base));
        let response = request
            .bearer_auth(&self.token)
            .multipart(form)
            .send()
            .await;
        let response = response.unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }
}

fn authorize_query<'a>(scope: &'a str, challenge: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("response_type", "code"),
        ("client_id", CLIENT_ID),
        ("redirect_uri", CALLBACK),
        ("scope", scope),
        ("state", "st4te"),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
    ]
}

async fn signed_in() -> (FakeXApi, Client) {
    let api = FakeXApi::start().await;
    let mut client = Client::new(&api);
    client.sign_in().await;
    (api, client)
}

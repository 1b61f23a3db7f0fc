//! Playing the person's part of mastodon-mock's OAuth sign-in: its authorize page lists the
//! server's accounts, and choosing one redirects (with `code` and `state`) to the app's
//! redirect URI — a loopback listener — or shows the code for out-of-band sign-ins.
//!
//! ```no_run
//! # async fn demo(authorize_url: &str) {
//! let landing = ferry_test_support::mastodon_mock::choose_account(authorize_url, "testuser").await;
//! # }
//! ```

/// Opens `authorize_url` and picks `username`, as a browser would; returns the page the
/// browser ends on (the app's loopback page, or the mock's page with the code).
pub async fn choose_account(authorize_url: &str, username: &str) -> String {
    let url = reqwest::Url::parse(authorize_url).expect("an authorize URL");
    let web = reqwest::Client::new();
    let page = web
        .get(url.clone())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(username),
        "the authorize page lists {username}: {page}"
    );
    // The account picker posts back the hidden fields it was given.
    let field = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    let form = [
        ("username", username.to_owned()),
        ("client_id", field("client_id")),
        ("redirect_uri", field("redirect_uri")),
        ("scope", field("scope")),
        ("state", field("state")),
    ];
    let mut post = url.clone();
    post.set_query(None);
    // reqwest follows the 302 to the app's redirect URI.
    web.post(post)
        .form(&form)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

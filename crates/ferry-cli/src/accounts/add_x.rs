//! `ferry accounts add x --client-id ID`: sign in to X through the browser with your own X
//! developer app, whose callback URL must be `http://127.0.0.1:<port>/callback` exactly.

use std::time::Duration;

use ferry_core::accounts::{
    AccountError, Accounts, AddedAccount, DEFAULT_X_PORT, StartX, parse_audience,
};
use serde_json::json;

use crate::output::Out;

#[derive(clap::Args)]
pub(super) struct XArgs {
    /// The app's OAuth 2.0 Client ID (Developer Console → your app → Keys and tokens).
    #[arg(long)]
    client_id: String,
    /// A confidential ("Web App") client: read its client secret from stdin.
    #[arg(long)]
    client_secret_stdin: bool,
    /// The port of the callback URL registered in the app.
    #[arg(long, default_value_t = DEFAULT_X_PORT)]
    port: u16,
    /// Another X API server instead of api.x.com (tests).
    #[arg(long, value_name = "URL")]
    api: Option<String>,
    /// Another consent page instead of X's (tests).
    #[arg(long, value_name = "URL")]
    authorize: Option<String>,
    /// Don't open the browser; only print the address.
    #[arg(long)]
    no_browser: bool,
    /// How long to wait for the browser, in seconds.
    #[arg(long, default_value_t = 600)]
    wait: u64,
    #[arg(long, default_value = "")]
    audience: String,
}

pub(super) async fn x(
    out: Out,
    accounts: &Accounts,
    a: XArgs,
    client_secret: Option<String>,
) -> Result<AddedAccount, AccountError> {
    let mut sign_in = accounts
        .start_x_sign_in(StartX {
            client_id: a.client_id,
            client_secret,
            port: Some(a.port),
            api_url: a.api,
            authorize_url: a.authorize,
            audience: parse_audience(&a.audience)?,
        })
        .await?;
    let started = sign_in.started().clone();
    out.note(
        &json!({ "authorizeUrl": started.authorize_url, "redirectUri": started.redirect_uri }),
        || {
            format!(
                "Your X app's callback URL must be {} exactly.\nOpen this address to let Ferry \
                 post for you:\n  {}\nFerry is waiting for the browser to come back.",
                started.redirect_uri, started.authorize_url
            )
        },
    );
    if !a.no_browser {
        // No browser (a server, a test) is fine: the address is printed above.
        let _ = open::that_detached(&started.authorize_url);
    }
    let code = sign_in.wait_for_code(Duration::from_secs(a.wait)).await?;
    sign_in.finish(&code).await
}

impl XArgs {
    pub(super) fn wants_secret(&self) -> bool {
        self.client_secret_stdin
    }
}

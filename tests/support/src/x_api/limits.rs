//! Rate limits, from the rate-limits page: each endpoint counts the requests of a user's
//! token in a 15-minute window, every answer says where the count stands
//! (`x-rate-limit-limit`, `x-rate-limit-remaining`, `x-rate-limit-reset` in epoch seconds),
//! and a request over the limit gets 429 until the window resets. The figures are the fake's
//! own — X changes its — since the tests need the headers and the 429, not X's numbers.

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue};

const WINDOW_SECS: i64 = 15 * 60;

/// One endpoint, as the rate limits and scopes see it.
pub(crate) struct Endpoint {
    pub name: &'static str,
    /// Requests per 15-minute window.
    pub limit: u32,
    /// Every scope the token must have been granted.
    pub scopes: &'static [&'static str],
}

pub(crate) const TOKEN: Endpoint = Endpoint {
    name: "POST /2/oauth2/token",
    limit: 300,
    scopes: &[],
};
pub(crate) const USERS_ME: Endpoint = Endpoint {
    name: "GET /2/users/me",
    limit: 75,
    scopes: &["tweet.read", "users.read"],
};
pub(crate) const USER_POSTS: Endpoint = Endpoint {
    name: "GET /2/users/:id/tweets",
    limit: 900,
    scopes: &["tweet.read", "users.read"],
};
pub(crate) const CREATE_POST: Endpoint = Endpoint {
    name: "POST /2/tweets",
    limit: 100,
    scopes: &["tweet.write"],
};
pub(crate) const MEDIA_UPLOAD: Endpoint = Endpoint {
    name: "POST /2/media/upload",
    limit: 500,
    scopes: &["media.write"],
};
pub(crate) const MEDIA_METADATA: Endpoint = Endpoint {
    name: "POST /2/media/metadata",
    limit: 500,
    scopes: &["media.write"],
};

/// Where an endpoint's window stands: what the headers say.
#[derive(Clone, Copy)]
pub(crate) struct Standing {
    pub limit: u32,
    pub remaining: u32,
    pub reset: i64,
}

impl Standing {
    pub fn write(self, headers: &mut HeaderMap) {
        for (name, value) in [
            ("x-rate-limit-limit", self.limit.to_string()),
            ("x-rate-limit-remaining", self.remaining.to_string()),
            ("x-rate-limit-reset", self.reset.to_string()),
        ] {
            headers.insert(name, HeaderValue::from_str(&value).unwrap());
        }
    }
}

/// Each endpoint's current window (one user, so one window per endpoint).
#[derive(Default)]
pub(crate) struct Windows {
    windows: HashMap<&'static str, Standing>,
}

impl Windows {
    /// Counts a request: `Ok` with the standing after it, or `Err` with the standing to
    /// send with the 429 when the window is used up (the refused request isn't counted).
    pub fn count(&mut self, endpoint: &Endpoint) -> Result<Standing, Standing> {
        let now = chrono::Utc::now().timestamp();
        let window = self
            .windows
            .entry(endpoint.name)
            .or_insert_with(|| fresh(endpoint, now));
        if window.reset <= now {
            *window = fresh(endpoint, now);
        }
        if window.remaining == 0 {
            return Err(*window);
        }
        window.remaining -= 1;
        Ok(*window)
    }

    /// What [`FakeXApi::rate_limit_next`](super::FakeXApi::rate_limit_next) answers with:
    /// nothing left, for a minute.
    pub fn exhausted(endpoint: &Endpoint) -> Standing {
        Standing {
            limit: endpoint.limit,
            remaining: 0,
            reset: chrono::Utc::now().timestamp() + 60,
        }
    }
}

fn fresh(endpoint: &Endpoint, now: i64) -> Standing {
    Standing {
        limit: endpoint.limit,
        remaining: endpoint.limit,
        reset: now + WINDOW_SECS,
    }
}

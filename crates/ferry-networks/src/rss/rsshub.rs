//! Chinese platforms through the user's own RSSHub: Ferry builds the route for a RedNote,
//! Weibo or Douyin user from the id, or from the profile link copied from the app or site,
//! and reads it as an ordinary feed. Ferry never scrapes those platforms itself.
//!
//! ```
//! use ferry_networks::rss::{Platform, rsshub_route};
//! let url = rsshub_route("https://rsshub.example.org", Platform::Weibo,
//!                        "https://weibo.com/u/1195230310?tabtype=feed").unwrap();
//! assert_eq!(url.as_str(), "https://rsshub.example.org/weibo/user/1195230310");
//! assert!(rsshub_route("https://rsshub.example.org", Platform::Weibo, "weibo.com/n/someone").is_err());
//! ```

use ferry_macros::Coded;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::Url;

/// The platforms Ferry has RSSHub routes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// Xiaohongshu (小红书): `/xiaohongshu/user/:id/notes`.
    Rednote,
    /// 微博: `/weibo/user/:uid`.
    Weibo,
    /// 抖音: `/douyin/user/:uid` (the `sec_uid`, starting `MS4wLjABAAAA`).
    Douyin,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Rednote => "rednote",
            Platform::Weibo => "weibo",
            Platform::Douyin => "douyin",
        }
    }

    fn what_id(self) -> &'static str {
        match self {
            Platform::Rednote => {
                "a RedNote user id (24 hexadecimal characters) or a profile link like \
                 https://www.xiaohongshu.com/user/profile/<id>"
            }
            Platform::Weibo => {
                "a Weibo numeric uid or a profile link like https://weibo.com/u/<uid> or \
                 https://m.weibo.cn/u/<uid>"
            }
            Platform::Douyin => {
                "a Douyin sec_uid (starting MS4wLjABAAAA) or a profile link like \
                 https://www.douyin.com/user/<sec_uid>"
            }
        }
    }
}

/// Why a route could not be built.
#[derive(Debug, thiserror::Error, Coded)]
pub enum RouteError {
    #[error("the RSSHub address {input:?} {reason}")]
    #[code("feed.bad_url")]
    BadBase { input: String, reason: String },

    #[error("{input:?} is not {what}{hint}")]
    #[code("feed.bad_profile")]
    BadProfile {
        input: String,
        what: &'static str,
        hint: &'static str,
    },
}

/// The feed URL for `user` (an id or a profile link) on `platform`, under the RSSHub at
/// `base` (which may have a path). A base with a query is refused: RSSHub's `?key=` access
/// key is a secret, and Ferry keeps feed URLs in its database and shows them in lists and
/// errors, where secrets never go.
pub fn rsshub_route(base: &str, platform: Platform, user: &str) -> Result<Url, RouteError> {
    let bad_base = |reason: &str| RouteError::BadBase {
        input: base.to_owned(),
        reason: reason.to_owned(),
    };
    let mut url = Url::parse(base.trim()).map_err(|e| bad_base(&format!("is not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(bad_base("must be an http:// or https:// address"));
    }
    if url.query().is_some() || !url.username().is_empty() || url.password().is_some() {
        // The message must not repeat the secret it refuses to store.
        return Err(RouteError::BadBase {
            input: redacted_url(&url),
            reason: "has a query or a password in it (an RSSHub access key?); Ferry would \
                     store it in plain text, so it cannot use an RSSHub that needs ACCESS_KEY yet"
                .to_owned(),
        });
    }
    let id = user_id(platform, user.trim())?;
    let route = match platform {
        Platform::Rednote => format!("xiaohongshu/user/{id}/notes"),
        Platform::Weibo => format!("weibo/user/{id}"),
        Platform::Douyin => format!("douyin/user/{id}"),
    };
    let path = format!("{}/{route}", url.path().trim_end_matches('/'));
    url.set_path(&path);
    url.set_fragment(None);
    Ok(url)
}

fn user_id(platform: Platform, input: &str) -> Result<String, RouteError> {
    let refuse = |hint: &'static str| RouteError::BadProfile {
        input: input.to_owned(),
        what: platform.what_id(),
        hint,
    };
    if is_id(platform, input) {
        return Ok(input.to_owned());
    }
    let with_scheme = if input.contains("://") {
        input.to_owned()
    } else {
        format!("https://{input}")
    };
    let Ok(link) = Url::parse(&with_scheme) else {
        return Err(refuse(""));
    };
    let host = link.host_str().unwrap_or("").to_ascii_lowercase();
    let segments: Vec<&str> = link
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    if ["xhslink.com", "v.douyin.com", "t.cn"]
        .iter()
        .any(|short| host == *short || host.ends_with(&format!(".{short}")))
    {
        return Err(refuse(
            ": share short links need a browser to resolve; open it, then copy the profile \
             page's address",
        ));
    }
    let found = match (platform, segments.as_slice()) {
        (Platform::Rednote, ["user", "profile", id, ..]) if on(&host, "xiaohongshu.com") => {
            Some(*id)
        }
        (Platform::Weibo, ["u" | "profile", id, ..])
            if on(&host, "weibo.com") || on(&host, "weibo.cn") =>
        {
            Some(*id)
        }
        (Platform::Weibo, [id, ..]) if on(&host, "weibo.com") => Some(*id),
        (Platform::Douyin, ["user", id, ..]) if on(&host, "douyin.com") => Some(*id),
        _ => None,
    };
    match found {
        Some(id) if is_id(platform, id) => Ok(id.to_owned()),
        Some(_) if platform == Platform::Weibo => Err(refuse(
            ": custom Weibo names can't be turned into a uid offline; open the profile and \
             copy the weibo.com/u/<uid> address",
        )),
        _ => Err(refuse("")),
    }
}

/// `url` without its user name, password and query, for messages.
pub fn redacted_url(url: &Url) -> String {
    let mut shown = url.clone();
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    shown.set_fragment(None);
    let had_query = shown.query().is_some();
    shown.set_query(None);
    let mut text = shown.to_string();
    if had_query {
        text.push_str("?…");
    }
    text
}

fn on(host: &str, domain: &str) -> bool {
    host == domain || host.ends_with(&format!(".{domain}"))
}

fn is_id(platform: Platform, id: &str) -> bool {
    match platform {
        Platform::Rednote => id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        Platform::Weibo => (5..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()),
        Platform::Douyin => {
            id.starts_with("MS4wLjABAAAA")
                && (24..=120).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://hub.example.org/rsshub/";
    const XHS: &str = "5c8a8a0b000000001003f4a7";
    const DY: &str = "MS4wLjABAAAAxyzXYZ0123456789_-abcdefghijklmnop";

    fn route(p: Platform, user: &str) -> Result<String, RouteError> {
        rsshub_route(BASE, p, user).map(|u| u.to_string())
    }

    #[test]
    fn bare_ids() {
        assert_eq!(
            route(Platform::Rednote, XHS).unwrap(),
            format!("https://hub.example.org/rsshub/xiaohongshu/user/{XHS}/notes")
        );
        assert_eq!(
            route(Platform::Weibo, "1195230310").unwrap(),
            "https://hub.example.org/rsshub/weibo/user/1195230310"
        );
        assert_eq!(
            route(Platform::Douyin, DY).unwrap(),
            format!("https://hub.example.org/rsshub/douyin/user/{DY}")
        );
    }

    #[test]
    fn profile_links_copied_from_apps() {
        let xhs = format!(
            "https://www.xiaohongshu.com/user/profile/{XHS}?xsec_token=AB&xsec_source=app_share"
        );
        assert!(
            route(Platform::Rednote, &xhs)
                .unwrap()
                .contains(&format!("/user/{XHS}/notes"))
        );
        for weibo in [
            "https://weibo.com/u/1195230310",
            "https://m.weibo.cn/u/1195230310?uid=1195230310",
            "https://m.weibo.cn/profile/1195230310",
            "weibo.com/1195230310",
        ] {
            assert!(
                route(Platform::Weibo, weibo)
                    .unwrap()
                    .contains("/weibo/user/1195230310"),
                "{weibo}"
            );
        }
        let dy = format!("https://www.douyin.com/user/{DY}?from_tab_name=main");
        assert!(
            route(Platform::Douyin, &dy)
                .unwrap()
                .contains(&format!("/douyin/user/{DY}"))
        );
    }

    #[test]
    fn anything_else_is_refused_clearly() {
        for (p, input) in [
            (Platform::Rednote, "http://xhslink.com/a/AbCd"),
            (
                Platform::Rednote,
                "https://evil.example/user/profile/5c8a8a0b000000001003f4a7",
            ),
            (Platform::Rednote, "../../admin"),
            (Platform::Weibo, "https://weibo.com/n/渡口"),
            (Platform::Weibo, "https://weibo.com/someone"),
            (Platform::Weibo, "12; DROP"),
            (Platform::Douyin, "https://v.douyin.com/iRNBho6u/"),
            (
                Platform::Douyin,
                "https://www.douyin.com/video/7312345678901234567",
            ),
            (Platform::Douyin, ""),
        ] {
            let err = route(p, input).unwrap_err();
            assert_eq!(err.code(), "feed.bad_profile", "{input}");
            assert!(err.to_string().contains(p.what_id()), "{err}");
        }
        assert!(
            route(Platform::Rednote, "http://xhslink.com/a/AbCd")
                .unwrap_err()
                .to_string()
                .contains("short links")
        );
    }

    #[test]
    fn base_must_be_web_address() {
        for base in [
            "ftp://hub.example.org",
            "not a url",
            "file:///etc/passwd",
            "https://hub.example.org/?key=secret",
            "https://user:secret@hub.example.org/",
        ] {
            let err = rsshub_route(base, Platform::Weibo, "1195230310").unwrap_err();
            assert_eq!(err.code(), "feed.bad_url", "{base}");
            assert!(!err.to_string().contains("secret"), "{err}");
        }
    }
}

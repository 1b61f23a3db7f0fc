//! Posts: who the token belongs to, making a post (a reply, with pictures), and reading the
//! account's latest posts back to find one whose answer was lost.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::XApi;
use crate::http::{ClientError, Effect};
use crate::x::urls;

/// The account a token acts for.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct XUser {
    pub id: String,
    pub name: String,
    pub username: String,
}

/// A post to make.
#[derive(Debug, Clone, Default)]
pub struct NewPost {
    pub text: String,
    /// The post this one answers (the part before it in a thread).
    pub reply_to: Option<String>,
    /// Pictures uploaded with [`XApi::upload_image`], at most four.
    pub media_ids: Vec<String>,
}

/// What X answered for a new post.
#[derive(Debug, Clone, Deserialize)]
pub struct CreatedPost {
    pub id: String,
    #[serde(default)]
    pub text: String,
}

/// One of the account's own latest posts, as the read API gives it.
#[derive(Debug, Clone)]
pub struct RecentPost {
    pub id: String,
    /// X's copy: `&`, `<` and `>` escaped, every link a `t.co` one, a picture's link at the end.
    pub text: String,
    pub created_at: Option<DateTime<Utc>>,
    /// The post it answers, when it is a reply.
    pub replied_to: Option<String>,
}

#[derive(Deserialize)]
struct Data<T> {
    data: T,
}

#[derive(Deserialize)]
struct Timeline {
    #[serde(default)]
    data: Vec<TimelinePost>,
}

#[derive(Deserialize)]
struct TimelinePost {
    id: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    referenced_tweets: Vec<Reference>,
}

#[derive(Deserialize)]
struct Reference {
    r#type: String,
    id: String,
}

/// A post's page: `https://x.com/<username>/status/<id>`.
pub fn post_url(username: &str, id: &str) -> String {
    format!("https://x.com/{username}/status/{id}")
}

impl XApi {
    /// `GET /2/users/me`.
    pub async fn me(&self) -> Result<XUser, ClientError> {
        let request = self.http.get(self.url(&["users", "me"]));
        let got: Data<XUser> = self
            .call("reading the X account", Effect::Read, request)
            .await?;
        Ok(got.data)
    }

    /// `POST /2/tweets`: the one request that shows something, and costs money.
    pub async fn create_post(&self, post: &NewPost) -> Result<CreatedPost, ClientError> {
        let mut body = json!({ "text": post.text });
        if let Some(parent) = &post.reply_to {
            body["reply"] = json!({ "in_reply_to_tweet_id": parent });
        }
        if !post.media_ids.is_empty() {
            body["media"] = json!({ "media_ids": post.media_ids });
        }
        let request = self.http.post(self.url(&["tweets"])).json(&body);
        let got: Data<CreatedPost> = self.call("posting to X", Effect::Write, request).await?;
        Ok(got.data)
    }

    /// The account's latest `max` posts (5–100), newest first.
    pub async fn recent_posts(
        &self,
        user_id: &str,
        max: u8,
    ) -> Result<Vec<RecentPost>, ClientError> {
        let mut url = self.url(&["users", user_id, "tweets"]);
        url.query_pairs_mut()
            .append_pair("max_results", &max.clamp(5, 100).to_string())
            .append_pair("tweet.fields", "created_at,referenced_tweets");
        let request = self.http.get(url);
        let got: Timeline = self
            .call("reading the latest X posts", Effect::Read, request)
            .await?;
        Ok(got
            .data
            .into_iter()
            .map(|p| RecentPost {
                replied_to: p
                    .referenced_tweets
                    .into_iter()
                    .find(|r| r.r#type == "replied_to")
                    .map(|r| r.id),
                id: p.id,
                text: p.text,
                created_at: p.created_at,
            })
            .collect())
    }
}

impl RecentPost {
    /// Whether this is the post Ferry sent as `sent`: the same words, once X's escaping is
    /// undone and every link (X shortens them all, and adds one for pictures) is set aside.
    pub fn has_text(&self, sent: &str) -> bool {
        let read = self
            .text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        comparable(&read) == comparable(sent)
    }
}

/// `text` with each link replaced by one mark, spaces collapsed, and links at the end dropped.
fn comparable(text: &str) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut at = 0;
    for url in urls::extract(&units) {
        out.extend_from_slice(&units[at..url.utf16_start]);
        out.push(0x1);
        at = url.utf16_end;
    }
    out.extend_from_slice(&units[at..]);
    let text = String::from_utf16_lossy(&out);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut joined = words.join(" ");
    while joined.ends_with('\u{1}') || joined.ends_with(' ') {
        joined.pop();
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> RecentPost {
        RecentPost {
            id: "1".into(),
            text: text.into(),
            created_at: None,
            replied_to: None,
        }
    }

    #[test]
    fn a_post_is_known_again_through_xs_escaping_and_shortened_links() {
        let sent = "Tom & Jerry <3 见 https://example.com/path?q=1 和 example.org 👩‍👩‍👧";
        let back = "Tom &amp; Jerry &lt;3 见 https://t.co/AbCdEfGhIj 和 https://t.co/ZyXwVuTsRq 👩‍👩‍👧 https://t.co/PiCtUrE000";
        assert!(read(back).has_text(sent));
        assert!(!read("Tom &amp; Jerry &lt;4 见").has_text(sent));
        assert!(
            !read(back).has_text("Tom & Jerry"),
            "a prefix is not the post"
        );
        assert!(read("你好，世界").has_text("你好，世界\n"));
    }
}

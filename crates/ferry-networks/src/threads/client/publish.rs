//! Containers and publishing: `POST /{user}/threads` makes a container (text, one picture,
//! a carousel item, or a carousel of 2–20 items), `GET /{container}?fields=status` says when
//! Meta has fetched and processed its pictures, `POST /{user}/threads_publish` shows it.
//!
//! Pictures are given by URL (Meta fetches them), so they must be on a public host first
//! (`crate::media_host`). A reply names the post it answers (`reply_to_id`), which is how a
//! long post becomes a thread.

use std::time::Duration;

use serde::Deserialize;

use super::{NETWORK, ThreadsApi};
use crate::http::{ClientError, Effect};

/// A picture Meta fetches from a public URL, with its description for screen readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureUrl {
    pub url: String,
    pub alt: Option<String>,
}

/// What a container holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewContainer {
    Text {
        text: String,
        reply_to: Option<String>,
    },
    Image {
        picture: PictureUrl,
        text: String,
        reply_to: Option<String>,
    },
    /// One picture of a carousel; published only as part of it.
    CarouselItem { picture: PictureUrl },
    /// 2–20 finished carousel items, in order.
    Carousel {
        children: Vec<String>,
        text: String,
        reply_to: Option<String>,
    },
}

impl NewContainer {
    pub fn text(text: &str, reply_to: Option<&str>) -> Self {
        NewContainer::Text {
            text: text.to_owned(),
            reply_to: reply_to.map(str::to_owned),
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        let mut common = |kind: &str, text: &str, reply_to: &Option<String>| {
            params.push(("media_type", kind.to_owned()));
            if !text.is_empty() {
                params.push(("text", text.to_owned()));
            }
            if let Some(id) = reply_to {
                params.push(("reply_to_id", id.clone()));
            }
        };
        match self {
            NewContainer::Text { text, reply_to } => common("TEXT", text, reply_to),
            NewContainer::Image {
                picture,
                text,
                reply_to,
            } => {
                common("IMAGE", text, reply_to);
                picture_params(&mut params, picture);
            }
            NewContainer::CarouselItem { picture } => {
                params.push(("media_type", "IMAGE".to_owned()));
                params.push(("is_carousel_item", "true".to_owned()));
                picture_params(&mut params, picture);
            }
            NewContainer::Carousel {
                children,
                text,
                reply_to,
            } => {
                common("CAROUSEL", text, reply_to);
                params.push(("children", children.join(",")));
            }
        }
        params
    }
}

fn picture_params(params: &mut Vec<(&'static str, String)>, picture: &PictureUrl) {
    params.push(("image_url", picture.url.clone()));
    if let Some(alt) = picture.alt.as_deref().filter(|a| !a.trim().is_empty()) {
        params.push(("alt_text", alt.to_owned()));
    }
}

/// Where a container is on its way to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ContainerState {
    /// Meta is still fetching or processing its media.
    InProgress,
    /// Ready to publish.
    Finished,
    /// Published: its post exists.
    Published,
    /// Meta could not process it (`error_message` says why).
    Error,
    /// Not published within 24 hours; it never will be.
    Expired,
    #[serde(other)]
    Unrecognized,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ContainerStatus {
    #[serde(rename = "status")]
    pub state: ContainerState,
    #[serde(default)]
    pub error_message: Option<String>,
}

/// How long to wait for a container: the first look after `first`, then twice as long each
/// time (at most a minute apart, as Meta asks), giving up after `total`.
#[derive(Debug, Clone, Copy)]
pub struct Patience {
    pub first: Duration,
    pub total: Duration,
}

impl Default for Patience {
    /// Meta: "query a container's status once per minute, for no more than 5 minutes";
    /// pictures are usually ready within seconds, so the first looks come sooner.
    fn default() -> Self {
        Patience {
            first: Duration::from_secs(2),
            total: Duration::from_secs(300),
        }
    }
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

impl ThreadsApi {
    /// Makes a container; returns its id. Nothing is visible until it is published, and an
    /// unpublished container expires, so a lost answer here costs nothing but a stray
    /// container: it is read as a `Read` (a timeout is retried, never "unknown").
    pub async fn create_container(&self, what: &NewContainer) -> Result<String, ClientError> {
        let request = self
            .http
            .post(self.user_url("threads"))
            .form(&what.params());
        let id: Id = self
            .call("creating a post container", Effect::Read, request)
            .await?;
        Ok(id.id)
    }

    pub async fn container_status(&self, container: &str) -> Result<ContainerStatus, ClientError> {
        let request = self
            .http
            .get(self.url(&[container]))
            .query(&[("fields", "status,error_message")]);
        self.call("reading a container's status", Effect::Read, request)
            .await
    }

    /// Looks at the container until it is no longer in progress (or `patience` runs out: the
    /// status then still says `InProgress`).
    pub async fn wait_until_ready(
        &self,
        container: &str,
        patience: Patience,
    ) -> Result<ContainerStatus, ClientError> {
        let started = tokio::time::Instant::now();
        let mut wait = patience.first;
        loop {
            let status = self.container_status(container).await?;
            if status.state != ContainerState::InProgress
                || started.elapsed() + wait > patience.total
            {
                return Ok(status);
            }
            tokio::time::sleep(wait).await;
            wait = (wait * 2).min(Duration::from_secs(60));
        }
    }

    /// Publishes a finished container; returns the post's id. The write that shows the post:
    /// an answer lost here is an [`ClientError::UnknownOutcome`], settled by the container's
    /// status (`Published` or not).
    pub async fn publish(&self, container: &str) -> Result<String, ClientError> {
        let request = self
            .http
            .post(self.user_url("threads_publish"))
            .form(&[("creation_id", container)]);
        let id: Id = self.call("publishing", Effect::Write, request).await?;
        if id.id.is_empty() {
            return Err(ClientError::UnknownOutcome {
                network: NETWORK,
                what: "publishing".into(),
                detail: "the answer had no post id".into(),
            });
        }
        Ok(id.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_container_sends_what_the_api_documents() {
        let picture = PictureUrl {
            url: "https://pub.example/ab.jpg".into(),
            alt: Some("猫 on a mat".into()),
        };
        let reply = NewContainer::Image {
            picture: picture.clone(),
            text: "你好".into(),
            reply_to: Some("178".into()),
        };
        assert_eq!(
            reply.params(),
            vec![
                ("media_type", "IMAGE".to_owned()),
                ("text", "你好".to_owned()),
                ("reply_to_id", "178".to_owned()),
                ("image_url", "https://pub.example/ab.jpg".to_owned()),
                ("alt_text", "猫 on a mat".to_owned()),
            ]
        );
        let item = NewContainer::CarouselItem {
            picture: PictureUrl {
                alt: Some("  ".into()),
                ..picture
            },
        };
        assert!(
            item.params()
                .contains(&("is_carousel_item", "true".to_owned()))
        );
        assert!(!item.params().iter().any(|(k, _)| *k == "alt_text"));
        let carousel = NewContainer::Carousel {
            children: vec!["1".into(), "2".into()],
            text: String::new(),
            reply_to: None,
        };
        assert_eq!(
            carousel.params(),
            vec![
                ("media_type", "CAROUSEL".to_owned()),
                ("children", "1,2".to_owned())
            ]
        );
    }

    #[test]
    fn statuses_read_as_documented_and_a_new_one_is_not_an_error() {
        let read = |s: &str| serde_json::from_str::<ContainerStatus>(s).unwrap().state;
        assert_eq!(
            read(r#"{"status":"FINISHED","id":"1"}"#),
            ContainerState::Finished
        );
        assert_eq!(
            read(r#"{"status":"IN_PROGRESS"}"#),
            ContainerState::InProgress
        );
        assert_eq!(read(r#"{"status":"PUBLISHED"}"#), ContainerState::Published);
        assert_eq!(read(r#"{"status":"PAUSED"}"#), ContainerState::Unrecognized);
    }
}

//! The fake against the documentation's flows, over real HTTP: text posts and replies
//! here, images and carousels in [`media`], tokens, limits and failures in [`accounts`].

mod accounts;
mod media;

use axum::Router;
use axum::routing::get;
use serde_json::Value;

use super::*;

const PICTURE: &[u8] = b"\xFF\xD8\xFF\xE0 a small JPEG, as far as the fake cares";

/// A Graph client as simple as can be: the token as a Bearer header on POSTs and as
/// `access_token` on GETs, so both ways are exercised.
struct Graph {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Graph {
    fn new(api: &FakeThreadsApi) -> Graph {
        Graph {
            http: reqwest::Client::new(),
            base: api.base.clone(),
            token: GOOD_TOKEN.into(),
        }
    }

    async fn post(&self, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let request = self.http.post(format!("{}{path}", self.base));
        let response = request.bearer_auth(&self.token).form(form).send().await;
        let response = response.unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }

    async fn get(&self, path: &str, query: &[(&str, &str)]) -> (u16, Value) {
        let request = self.http.get(format!("{}{path}", self.base)).query(query);
        let response = request.query(&[("access_token", &self.token)]).send().await;
        let response = response.unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }

    /// A container's id, which the test expects to be created.
    async fn container(&self, form: &[(&str, &str)]) -> String {
        let (status, body) = self.post("/v1.0/me/threads", form).await;
        assert_eq!(status, 200, "{body}");
        body["id"].as_str().unwrap().to_owned()
    }

    async fn status(&self, id: &str) -> Value {
        let fields = [("fields", "status,error_message")];
        self.get(&format!("/v1.0/{id}"), &fields).await.1
    }

    async fn publish(&self, id: &str) -> (u16, Value) {
        let path = format!("/v1.0/{USER_ID}/threads_publish");
        self.post(&path, &[("creation_id", id)]).await
    }
}

/// An image host on 127.0.0.1: `/pic.jpg` is [`PICTURE`], anything else 404.
async fn image_host() -> String {
    let app = Router::new().route("/pic.jpg", get(|| async { PICTURE }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

#[tokio::test]
async fn threads_text_post_is_published_with_a_permalink_and_counts_quota() {
    let api = FakeThreadsApi::start().await;
    let graph = Graph::new(&api);
    // media_type in the query string, text in the form: Graph merges them.
    let (status, body) = graph
        .post(
            "/v1.0/me/threads?media_type=TEXT",
            &[("text", "渡 ferry ⛴️")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let container = body["id"].as_str().unwrap().to_owned();
    assert_eq!(graph.status(&container).await["status"], "FINISHED");
    let (status, body) = graph.publish(&container).await;
    assert_eq!(status, 200, "{body}");
    let post = body["id"].as_str().unwrap().to_owned();
    assert_ne!(post, container);

    let fields = [("fields", "id,permalink,text,timestamp,media_type,username")];
    let (_, read) = graph.get(&format!("/v1.0/{post}"), &fields).await;
    let permalink = read["permalink"].as_str().unwrap();
    assert!(permalink.starts_with("https://www.threads.net/@ferry_writer/post/"));
    assert_eq!(read["text"], "渡 ferry ⛴️");
    assert_eq!(read["media_type"], "TEXT_POST");
    let at = read["timestamp"].as_str().unwrap();
    let at = chrono::DateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S%z").unwrap();
    assert!(
        (chrono::Utc::now() - at.to_utc()).num_seconds().abs() < 60,
        "{at}"
    );
    assert_eq!(api.posts()[0].permalink, permalink);

    let reply = graph
        .container(&[
            ("media_type", "TEXT"),
            ("text", "and a reply"),
            ("reply_to_id", &post),
        ])
        .await;
    assert_eq!(graph.publish(&reply).await.0, 200);
    assert_eq!(api.posts()[1].reply_to.as_deref(), Some(post.as_str()));
    let path = "/v1.0/me/threads_publishing_limit";
    let (_, limit) = graph.get(path, &[("fields", "quota_usage,config")]).await;
    assert_eq!(limit["data"][0]["quota_usage"], 1);
    assert_eq!(limit["data"][0]["reply_quota_usage"], 1);
    assert_eq!(limit["data"][0]["config"]["quota_total"], 250);

    let query = [("fields", "id,text"), ("limit", "1")];
    let (_, list) = graph.get("/v1.0/me/threads", &query).await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert_eq!(list["data"][0]["text"], "渡 ferry ⛴️", "posts, not replies");
    let (_, list) = graph.get("/v1.0/me/replies", &query).await;
    assert_eq!(list["data"][0]["text"], "and a reply");
    let (_, me) = graph.get("/v1.0/me", &[("fields", "username,name")]).await;
    assert_eq!(me["username"], USERNAME);
    assert_eq!(me["id"], USER_ID);
}

#[tokio::test]
async fn threads_publishing_twice_is_refused_and_writes_one_post() {
    let api = FakeThreadsApi::start().await;
    let graph = Graph::new(&api);
    let container = graph
        .container(&[("media_type", "TEXT"), ("text", "once")])
        .await;
    assert_eq!(graph.publish(&container).await.0, 200);
    let (status, body) = graph.publish(&container).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], 100);
    assert_eq!(
        body["error"]["message"],
        "The media has already been published"
    );
    assert_eq!(graph.status(&container).await["status"], "PUBLISHED");
    assert_eq!(api.posts().len(), 1);

    let expired = graph
        .container(&[("media_type", "TEXT"), ("text", "late")])
        .await;
    api.expire_container(&expired);
    assert_eq!(graph.status(&expired).await["status"], "EXPIRED");
    assert_eq!(graph.publish(&expired).await.0, 400);
    assert_eq!(graph.publish("123").await.1["error"]["code"], 100);
    assert_eq!(api.posts().len(), 1);
}

//! Every relevant response recorded from a real Mastodon server (Mastodon.py's test cassettes,
//! recorded against Mastodon 4.6) decodes with the client's types, and every recorded error
//! gets the class its status and the server's words call for (`RECORDED_ERRORS`). The
//! recordings' path comes from tests/peers/with-peers.

use std::collections::BTreeMap;
use std::path::Path;

use ferry_networks::http::{ErrorClass, ResponseParts, classify_status};
use ferry_networks::mastodon::client::{
    Account, Instance, MediaAttachment, ScheduledStatus, Status,
};
use ferry_test_support::peers;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::de::DeserializeOwned;
use serde_yaml::Value;

struct Recorded {
    file: String,
    method: String,
    path: String,
    status: u16,
    headers: HeaderMap,
    body: String,
}

fn recordings(dir: &Path) -> Vec<Recorded> {
    let mut all = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
    {
        let doc: Value = serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for interaction in doc["interactions"].as_sequence().into_iter().flatten() {
            let (request, response) = (&interaction["request"], &interaction["response"]);
            let uri = request["uri"].as_str().unwrap();
            let path = uri.split_once("://").map_or(uri, |(_, rest)| {
                &rest[rest.find('/').unwrap_or(rest.len())..]
            });
            let Some(body) = response["body"]["string"].as_str() else {
                continue;
            }; // binary bodies
            let mut headers = HeaderMap::new();
            for (name, values) in response["headers"].as_mapping().into_iter().flatten() {
                let value = values
                    .as_sequence()
                    .and_then(|v| v.first())
                    .and_then(Value::as_str)
                    .unwrap_or("");
                if let (Ok(n), Ok(v)) = (
                    HeaderName::from_bytes(name.as_str().unwrap().as_bytes()),
                    HeaderValue::from_str(value),
                ) {
                    headers.insert(n, v);
                }
            }
            all.push(Recorded {
                file: file.file_name().unwrap().to_string_lossy().into_owned(),
                method: request["method"].as_str().unwrap().to_owned(),
                path: path
                    .split('?')
                    .next()
                    .unwrap()
                    .trim_end_matches('/')
                    .to_owned(),
                status: response["status"]["code"].as_u64().unwrap() as u16,
                headers,
                body: body.to_owned(),
            });
        }
    }
    all
}

fn decode<T: DeserializeOwned>(r: &Recorded) -> T {
    serde_json::from_str(&r.body).unwrap_or_else(|e| {
        panic!(
            "{} {} {} in {}: {e}\n{}",
            r.method, r.path, r.status, r.file, r.body
        )
    })
}

/// What Ferry must make of each error the real server answered, read off the recordings:
/// (status, the body's `error` text) → class. Written out rather than asked of the classifier,
/// so a classifier that gets one wrong fails here. A recorded error missing from this table
/// fails too, and so does a row no recording uses.
const RECORDED_ERRORS: &[(u16, &str, ErrorClass)] = &[
    // A dead or absent token: the person must sign in again.
    (401, "The access token is invalid", ErrorClass::Auth),
    (401, "Missing access token", ErrorClass::Auth),
    // An admin action this account may not take: a new sign-in would not change that, so it
    // is not an auth failure (403 is, when the server names the token or its scopes).
    (403, "This action is not allowed", ErrorClass::Permanent),
    // Gone or never there: sending the same request again cannot help.
    (404, "Record not found", ErrorClass::Permanent),
    (404, "Not Found", ErrorClass::Permanent),
    (404, "", ErrorClass::Permanent), // an empty body (test_instance_domain_blocks)
    // Validation, in the instance's language: the post itself must change.
    (
        422,
        "バリデーションに失敗しました: Fieldsは4文字以内で入力してください",
        ErrorClass::Permanent,
    ),
    (
        422,
        "Validation failed: Password can't be blank, Service agreement must be accepted",
        ErrorClass::Permanent,
    ),
    (
        422,
        "バリデーションに失敗しました: Text上限は500文字です",
        ErrorClass::Permanent,
    ),
    (
        422,
        "Gültigkeitsprüfung ist fehlgeschlagen: Text Begrenzung von 500 Zeichen überschritten",
        ErrorClass::Permanent,
    ),
    (
        422,
        "バリデーションに失敗しました: このアンケートには投票済みです",
        ErrorClass::Permanent,
    ),
    (
        422,
        "メディア (117440833002185062) が存在しないか、すでに添付して投稿されています",
        ErrorClass::Permanent,
    ),
    (
        422,
        "バリデーションに失敗しました: Textを入力してください",
        ErrorClass::Permanent,
    ),
];

/// The `error` text of a recorded error body ("" when the body has none).
fn server_said(r: &Recorded) -> String {
    serde_json::from_str::<serde_json::Value>(&r.body)
        .ok()
        .and_then(|v| v["error"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn is_id(segment: &str) -> bool {
    !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit())
}

#[test]
fn recorded_responses_decode_and_errors_classify() {
    let Some(dir) = peers::mastodon_cassettes() else {
        return;
    };
    let all = recordings(Path::new(&dir));
    assert!(
        all.len() > 500,
        "expected the full recording set, found {} interactions",
        all.len()
    );
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut errors_used = vec![false; RECORDED_ERRORS.len()];
    for r in &all {
        let parts: Vec<&str> = r.path.split('/').collect();
        let kind = match (r.method.as_str(), r.status, parts.as_slice()) {
            (_, 400..=599, _) => {
                let answer = ResponseParts {
                    status: r.status,
                    headers: r.headers.clone(),
                    body: r.body.clone().into_bytes(),
                };
                let err = classify_status("mastodon", &format!("{} {}", r.method, r.path), &answer);
                let said = server_said(r);
                let row = RECORDED_ERRORS
                    .iter()
                    .position(|(status, text, _)| *status == r.status && *text == said)
                    .unwrap_or_else(|| {
                        panic!(
                            "{} {said:?} in {} is not in RECORDED_ERRORS: add what Ferry must \
                             make of it",
                            r.status, r.file
                        )
                    });
                errors_used[row] = true;
                let expected = RECORDED_ERRORS[row].2;
                assert_eq!(err.class(), expected, "{} in {}: {err}", r.status, r.file);
                assert!(
                    err.to_string().contains(&said),
                    "{err} should quote {said:?}"
                );
                "error"
            }
            ("POST", _, ["", "api", "v1", "statuses"])
                if r.body.contains("\"scheduled_at\"") && r.body.contains("\"params\"") =>
            {
                decode::<ScheduledStatus>(r);
                "scheduled status"
            }
            (
                "POST" | "GET" | "PUT",
                _,
                ["", "api", "v1", "statuses"] | ["", "api", "v1", "statuses", _],
            ) => {
                let status: Status = decode(r);
                assert!(!status.id.is_empty() && !status.account.id.is_empty());
                "status"
            }
            (
                "GET",
                _,
                ["", "api", "v1", "timelines", ..] | ["", "api", "v1", "accounts", _, "statuses"],
            ) => {
                decode::<Vec<Status>>(r);
                "timeline"
            }
            (_, _, ["", "api", "v2", "media"] | ["", "api", "v1", "media", _]) => {
                let media: MediaAttachment = decode(r);
                if r.status == 202 {
                    assert!(
                        media.url.is_none(),
                        "202 means still processing: no URL yet ({})",
                        r.file
                    );
                }
                "media"
            }
            ("GET", _, ["", "api", "v1", "scheduled_statuses"]) => {
                decode::<Vec<ScheduledStatus>>(r);
                "scheduled status"
            }
            (_, _, ["", "api", "v1", "scheduled_statuses", id])
                if is_id(id) && r.method != "DELETE" =>
            {
                decode::<ScheduledStatus>(r);
                "scheduled status"
            }
            ("GET", _, ["", "api", "v2" | "v1", "instance"]) => {
                let limits = decode::<Instance>(r).limits();
                assert!(limits.max_characters >= 500, "{}: {limits:?}", r.file);
                "instance"
            }
            ("GET", _, ["", "api", "v1", "accounts", "verify_credentials"]) => {
                decode::<Account>(r);
                "account"
            }
            _ => continue,
        };
        *seen.entry(kind).or_default() += 1;
    }
    eprintln!("decoded: {seen:?}");
    for (row, used) in RECORDED_ERRORS.iter().zip(&errors_used) {
        assert!(
            used,
            "no recording answers {row:?}: a stale row in RECORDED_ERRORS"
        );
    }
    // Exact, because the recordings are pinned (Mastodon.py 2.3.3 by sha256): a change here
    // means a shape stopped decoding or a route stopped being recognised.
    let expected = [
        ("account", 69),
        ("error", 26),
        ("instance", 46),
        ("media", 18),
        ("scheduled status", 6),
        ("status", 232),
        ("timeline", 39),
    ];
    assert_eq!(seen, expected.into_iter().collect::<BTreeMap<_, _>>());
}

#[test]
fn the_real_instance_states_its_limits() {
    let Some(dir) = peers::mastodon_cassettes() else {
        return;
    };
    let all = recordings(Path::new(&dir));
    let v2 = all
        .iter()
        .find(|r| r.file == "test_instance.yaml" && r.path.ends_with("/api/v2/instance"))
        .unwrap();
    let limits = decode::<Instance>(v2).limits();
    assert_eq!(
        (
            limits.max_characters,
            limits.max_media_attachments,
            limits.characters_reserved_per_url
        ),
        (500, 4, 23)
    );
    assert_eq!(limits.image_size_limit, Some(16_777_216));
    assert_eq!(limits.image_matrix_limit, Some(33_177_600));
}

/// A real server answers 202 while it processes an upload; the client polls until the
/// attachment has its URL. Replayed from the recordings through the fault proxy.
#[tokio::test]
async fn upload_polls_until_the_recorded_server_has_processed_it() {
    let (Some(dir), Some(base)) = (peers::mastodon_cassettes(), peers::mastodon()) else {
        return;
    };
    let all = recordings(Path::new(&dir));
    let answer = |file: &str, method: &str, status: u16| {
        let r = all
            .iter()
            .find(|r| r.file == file && r.method == method && r.status == status)
            .unwrap();
        ferry_test_support::Fault::json(status, &r.body)
    };
    let proxy = ferry_test_support::FaultProxy::start(&base).await.unwrap();
    proxy.push(answer("test_media_post[True].yaml", "POST", 202));
    proxy.push(answer("test_media_update.yaml", "PUT", 206));
    proxy.push(answer("test_media_post[True].yaml", "GET", 200));
    let client = ferry_networks::mastodon::client::MastodonServer::new(&proxy.http_url())
        .unwrap()
        .client(ferry_networks::http::Secret::new("recorded"));
    let media = client
        .upload_media(vec![0; 16], "clip.mp4", "video/mp4", "a clip")
        .await
        .unwrap();
    assert_eq!(media.id, "117440819877733537");
    assert!(media.url.unwrap().ends_with(".mp4"));
    assert_eq!(proxy.requests(), 3);
    assert_eq!(
        proxy.forwarded(),
        0,
        "all three answers came from the recordings"
    );
}

//! `ferry accounts add threads` and `ferry post` to Threads, as a real process, through the
//! FAKE Threads API (`ferry_test_support::threads_graph_api`; no real one runs here) and the
//! real keychain: the token comes from stdin only and a pasted id is refused saying what a
//! token is; a publish whose answer was lost is checked on its container and posted once.

use crate::accounts_support::*;
use crate::post_cli::draft;
use ferry_test_support::threads_graph_api::{FakeThreadsApi, GOOD_TOKEN, USER_ID};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_is_added_and_a_post_whose_answer_was_lost_goes_out_once() {
    let Some(data) = data_dir("threads_cli") else {
        return;
    };
    let d = data.path();
    let api = FakeThreadsApi::start().await;
    let args = [
        "accounts",
        "add",
        "threads",
        "--token-stdin",
        "--api",
        &api.base,
    ];
    let refused = fail_json(d, &args, USER_ID.as_bytes());
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("not a Threads access token"),
        "{refused}"
    );
    let added = ok_json(d, &args, format!("{GOOD_TOKEN}\n").as_bytes());
    assert_eq!(added["account"]["handle"], "@ferry_writer");
    assert!(
        added["warnings"][0]
            .as_str()
            .unwrap()
            .contains("0 of 250 posts"),
        "{added}"
    );
    let account = added["id"].as_str().unwrap().to_owned();

    let id = draft(d, &[("en", "Threads from the command line 命令行")]).await;
    api.fail_after_next_publish();
    let out = ferry(d, &["post", &id, "--to", &account, "--json"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    let target = &status["targets"][0];
    assert_eq!(target["state"], "posted", "{status}");
    let posts = api.posts();
    assert_eq!(
        posts.len(),
        1,
        "checked on its container, not published twice"
    );
    assert_eq!(target["remoteUrl"], posts[0].permalink.as_str());
}

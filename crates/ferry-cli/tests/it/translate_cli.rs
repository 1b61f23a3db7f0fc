//! `ferry translate` as a user runs it, against the provider servers the engine's tests use
//! (ferry-test-support's `translation_servers`), keys in the real keychain: run under
//! `tests/keyring/with-keyring` (`make test` does; FERRY_SKIP_KEYRING=1 skips loudly).

use crate::accounts_support::{data_dir, fail_json, ferry, ok, ok_json};
use ferry_test_support::translation_servers::{GOOD_KEY, ProviderServer};

#[test]
fn translating_is_off_until_a_provider_is_added_and_says_how_to_add_one() {
    // No keychain needed to say so: this runs even without one.
    let data = tempfile::tempdir().unwrap();
    let err = fail_json(data.path(), &["translate", "--to", "zh-Hans", "hello"], b"");
    assert_eq!(err["code"], "translate.disabled");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("ferry translate providers add"),
        "{message}"
    );
    let out = ferry(data.path(), &["translate", "--to", "en", "你好"], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error[translate.disabled]: machine translation is off"),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn providers_are_added_used_cached_disabled_and_removed() {
    let Some(data) = data_dir("providers_lifecycle") else {
        return;
    };
    let data = data.path();
    let deepl = ProviderServer::deepl().await;
    let base = deepl.base.to_string();
    let added = ok_json(
        data,
        &[
            "translate",
            "providers",
            "add",
            "deepl",
            "--url",
            &base,
            "--key-stdin",
        ],
        format!("{GOOD_KEY}\n").as_bytes(),
    );
    let id = added["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (added["kind"].as_str(), added["hasKey"].as_bool()),
        (Some("deepl"), Some(true))
    );
    assert_eq!(added["enabled"], true);

    let post = "See you all 👩‍👩‍👧, 下次见！";
    let first = ok_json(
        data,
        &["translate", "--to", "zh-Hans", "--from", "en", post],
        b"",
    );
    assert_eq!(first["text"], format!("译:{post}"));
    assert_eq!(
        (first["cached"].as_bool(), first["providerId"].as_str()),
        (Some(false), Some(id.as_str()))
    );
    // TEXT `-` reads stdin; the same text is now cached and not sent again.
    let again = ok_json(
        data,
        &["translate", "--to", "zh-Hans", "--from", "en", "-"],
        post.as_bytes(),
    );
    assert_eq!(again["cached"], true);
    assert_eq!(deepl.requests().len(), 1);
    let plain = ok(
        data,
        &["translate", "--to", "zh-Hans", "--from", "en", post],
        b"",
    );
    assert_eq!(plain.trim_end(), format!("译:{post}"));

    let listed = ok(data, &["translate", "providers", "list", "--json"], b"");
    assert!(
        listed.contains(&id) && !listed.contains(GOOD_KEY),
        "{listed}"
    );

    ok_json(
        data,
        &["translate", "providers", "update", &id, "--disable"],
        b"",
    );
    let err = fail_json(data, &["translate", "--to", "zh-Hans", "new text"], b"");
    assert_eq!(err["code"], "translate.disabled");
    assert!(
        err["message"].as_str().unwrap().contains("none enabled"),
        "{err}"
    );

    // A provider's refusal keeps its code; the key never shows.
    ok_json(
        data,
        &[
            "translate",
            "providers",
            "update",
            &id,
            "--enable",
            "--key-stdin",
        ],
        b"wrong-key-456",
    );
    let err = fail_json(data, &["translate", "--to", "zh-Hans", "new text"], b"");
    assert_eq!(err["code"], "translate.bad_key");
    assert!(!err.to_string().contains("wrong-key-456"), "{err}");

    let removed = ok_json(data, &["translate", "providers", "remove", &id], b"");
    assert_eq!(removed["removed"], true);
    assert_eq!(
        ok_json(data, &["translate", "providers", "list"], b""),
        serde_json::json!([])
    );
    let err = fail_json(data, &["translate", "providers", "remove", &id], b"");
    assert_eq!(err["code"], "translate.provider_not_found");
}

#[test]
fn bad_provider_settings_and_input_are_refused_with_what_is_wrong() {
    let Some(data) = data_dir("bad_provider_input") else {
        return;
    };
    let data = data.path();
    let cases: [(&[&str], &[u8], &str, &str); 5] = [
        (
            &["add", "deepl"],
            b"",
            "translate.provider_invalid",
            "DeepL needs an API key",
        ),
        (
            &["add", "openai", "--url", "http://127.0.0.1:11434/v1"],
            b"",
            "translate.provider_invalid",
            "model",
        ),
        (
            &[
                "add",
                "libretranslate",
                "--url",
                "http://me:hunter2@127.0.0.1/",
            ],
            b"",
            "translate.provider_invalid",
            "user name or password",
        ),
        (
            &[
                "add",
                "libretranslate",
                "--url",
                "http://127.0.0.1/",
                "--key-stdin",
            ],
            b"\n",
            "input.missing",
            "stdin is empty",
        ),
        (
            &["update", "no-such-id", "--enable"],
            b"",
            "translate.provider_not_found",
            "no-such-id",
        ),
    ];
    for (args, stdin, code, says) in cases {
        let mut full = vec!["translate", "providers"];
        full.extend_from_slice(args);
        let err = fail_json(data, &full, stdin);
        assert_eq!(err["code"], code, "{args:?}: {err}");
        let message = err["message"].as_str().unwrap();
        assert!(
            message.contains(says) && !message.contains("hunter2"),
            "{args:?}: {message}"
        );
    }
    let err = fail_json(data, &["translate", "--to", "en", "-"], b"caf\xe9");
    assert_eq!(err["code"], "input.utf8");
    assert_eq!(
        ok_json(data, &["translate", "providers", "list"], b""),
        serde_json::json!([])
    );
}

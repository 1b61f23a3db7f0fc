//! `check_variant` as the UI calls it: JSON in, the engine's checks out, `{code, message}` on
//! bad limits. What the checks contain is tested in ferry-core (tests/network_checks.rs).

use ferry_app::commands::rules::check_variant;
use ferry_core::checks::VariantCheckRequest;

#[tokio::test]
async fn the_command_answers_in_the_shape_the_ui_reads() {
    let json = serde_json::json!({
        "content": {
            "variants": [{ "lang": "zh-Hans", "text": "渡口见面\n清晨的渡口" }],
            "targets": [{ "network": "x", "accountId": null }, { "network": "rednote" }]
        },
        "lang": "zh-Hans"
    });
    let request: VariantCheckRequest = serde_json::from_value(json).unwrap();
    let out = serde_json::to_value(check_variant(request.clone()).await.unwrap()).unwrap();
    assert_eq!(out[0]["network"], "x");
    assert_eq!(out[0]["titleLimit"], serde_json::Value::Null);
    assert_eq!(out[1]["title"], "渡口见面");
    assert_eq!(out[1]["titleLimit"], 20);
    assert_eq!(out[1]["preview"]["measurement"]["length"], 5);

    let mut zero = request;
    zero.limits.mastodon = Some(0);
    let err = serde_json::to_value(check_variant(zero).await.unwrap_err()).unwrap();
    assert_eq!(err["code"], "limits.invalid");
}

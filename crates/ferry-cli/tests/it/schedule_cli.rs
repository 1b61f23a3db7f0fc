//! `ferry schedule` and `ferry slots` as real processes on a temporary database: add, list,
//! move and cancel with --json; the documented refusals (a DST gap and fold in New York, a
//! past time, an unknown zone) exit 1 and store nothing; weekly slots and `--next-slot`.

use chrono::Utc;
use ferry_core::schedule::{QueueSlot, SLOT_HORIZON_DAYS, occurrences};
use serde_json::Value;

use crate::schedule_support::*;

fn list(data: &std::path::Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["schedule", "list"];
    args.extend_from_slice(extra);
    ok_json(data, &args).as_array().unwrap().clone()
}

/// `ferry schedule add <draft> --at <at> --tz <tz> --to <account>`.
fn add<'a>(draft: &'a str, at: &'a str, tz: &'a str, account: &'a str) -> Vec<&'a str> {
    vec![
        "schedule", "add", draft, "--at", at, "--tz", tz, "--to", account,
    ]
}

/// `ferry slots add <account> --day <day> --time <time> [--tz <tz>]`.
fn slot<'a>(account: &'a str, day: &'a str, time: &'a str, tz: Option<&'a str>) -> Vec<&'a str> {
    let mut args = vec!["slots", "add", account, "--day", day, "--time", time];
    if let Some(tz) = tz {
        args.extend(["--tz", tz]);
    }
    args
}

#[test]
fn add_list_move_and_cancel_with_json() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let account = id(&nostr_account(d, NO_RELAY));
    ok_json(d, &["accounts", "zone", &account, "Asia/Shanghai"]);
    let draft_id = draft(d, "See you at the ferry at nine");

    let item = ok_json(
        d,
        &add(&draft_id, "2027-03-15T09:00", "America/New_York", &account),
    );
    assert_eq!(item["draft_id"], draft_id.as_str());
    assert_eq!(item["due_at"], "2027-03-15T13:00:00Z");
    assert_eq!(item["tz"], "America/New_York");
    assert_eq!(item["wall_time"], "2027-03-15T09:00:00");
    assert_eq!(item["utc_offset"], "-04:00");
    assert_eq!(item["state"], "scheduled");
    let target = &item["targets"][0];
    assert_eq!(target["account_id"], account.as_str());
    assert_eq!(target["network"], "nostr");
    assert_eq!(target["audience_tz"], "Asia/Shanghai");
    assert_eq!(list(d, &[]), vec![item.clone()]);

    // For people: the chosen time, UTC, and the target's time in its audience zone.
    let text = ok_text(
        d,
        &add(&draft_id, "2027-03-16T09:00", "America/New_York", &account),
    );
    assert!(
        text.contains("for 2027-03-16 09:00 America/New_York (13:00 UTC) → npub1")
            && text.contains("(21:00 Asia/Shanghai)"),
        "{text}"
    );
    let second = list(d, &[])[1].clone();

    let moved = ok_json(
        d,
        &[
            "schedule",
            "move",
            &id(&item),
            "--at",
            "2027-03-16T20:00",
            "--tz",
            "Asia/Shanghai",
        ],
    );
    assert_eq!(moved["id"], item["id"]);
    assert_eq!(moved["due_at"], "2027-03-16T12:00:00Z");
    assert_eq!(moved["tz"], "Asia/Shanghai");
    assert_eq!(moved["utc_offset"], "+08:00");
    // Soonest first: the moved item now goes before the other.
    let ids: Vec<Value> = list(d, &[]).iter().map(|i| i["id"].clone()).collect();
    assert_eq!(ids, vec![item["id"].clone(), second["id"].clone()]);

    let cancelled = ok_json(d, &["schedule", "cancel", &id(&item)]);
    assert_eq!(cancelled["state"], "cancelled");
    let again = fail_json(d, &["schedule", "cancel", &id(&item)]);
    assert_eq!(again["code"], "schedule.not_editable");
    assert_eq!(list(d, &["--state", "scheduled"]), vec![second.clone()]);
    assert_eq!(list(d, &["--state", "cancelled,held"]).len(), 1);
    assert_eq!(list(d, &["--draft", "no-such-draft"]), Vec::<Value>::new());
    let bad = fail_json(d, &["schedule", "list", "--state", "posted"]);
    assert_eq!(bad["code"], "input.invalid");

    // Post now and skip are for held items only.
    let not_held = fail_json(d, &["schedule", "post-now", &id(&second)]);
    assert_eq!(not_held["code"], "schedule.not_editable");
    let missing = fail_json(d, &["schedule", "skip", "no-such-item"]);
    assert_eq!(missing["code"], "schedule.not_found");

    let status = ok_json(d, &["schedule", "status"]);
    assert_eq!(status["running"], false);
    assert_eq!(status["pending"], 1);
    assert_eq!(status["next"]["id"], second["id"]);
}

#[test]
fn refused_times_exit_1_and_store_nothing() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let account = id(&nostr_account(d, NO_RELAY));
    let draft_id = draft(d, "never at a time that does not exist");
    let refused = |at: &str, tz: &str| fail_json(d, &add(&draft_id, at, tz, &account));

    let gap = refused("2027-03-14T02:30", "America/New_York");
    assert_eq!(gap["code"], "schedule.dst_gap");
    let message = gap["message"].as_str().unwrap();
    assert!(
        message.contains("America/New_York") && message.contains("02:00"),
        "{message}"
    );

    let fold = refused("2027-11-07T01:30", "America/New_York");
    assert_eq!(fold["code"], "schedule.dst_fold");
    let message = fold["message"].as_str().unwrap();
    assert!(
        message.contains("-04:00") && message.contains("-05:00"),
        "{message}"
    );

    assert_eq!(
        refused("2020-01-01T09:00", "Asia/Shanghai")["code"],
        "schedule.past"
    );
    let unknown = refused("2027-03-15T09:00", "America/Gotham");
    assert_eq!(unknown["code"], "schedule.unknown_zone");
    assert!(
        unknown["message"]
            .as_str()
            .unwrap()
            .contains("America/Gotham")
    );
    assert_eq!(
        list(d, &[]),
        Vec::<Value>::new(),
        "nothing refused is stored"
    );

    // The fold with its offset names one instant: the second 01:30.
    let later = ok_json(
        d,
        &add(
            &draft_id,
            "2027-11-07T01:30-05:00",
            "America/New_York",
            &account,
        ),
    );
    assert_eq!(later["due_at"], "2027-11-07T06:30:00Z");
    assert_eq!(later["utc_offset"], "-05:00");
    // A refused move leaves the item as it was.
    let moved = fail_json(
        d,
        &[
            "schedule",
            "move",
            &id(&later),
            "--at",
            "2027-03-14T02:30",
            "--tz",
            "America/New_York",
        ],
    );
    assert_eq!(moved["code"], "schedule.dst_gap");
    assert_eq!(list(d, &[]), vec![later]);

    // Without a time at all: a usage error from the argument parser, nothing stored.
    let out = run(d, &["schedule", "add", &draft_id, "--tz", "UTC"]);
    assert!(!out.status.success());
    assert_eq!(list(d, &[]).len(), 1);
}

#[test]
fn slots_add_list_remove_and_next_slot() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let account = id(&nostr_account(d, NO_RELAY));
    let other = id(&nostr_account(d, NO_RELAY));
    ok_json(d, &["accounts", "zone", &account, "Asia/Shanghai"]);
    let draft_id = draft(d, "in the queue");

    let monday = ok_json(d, &slot(&account, "mon", "09:00", Some("America/New_York")));
    assert_eq!(
        (&monday["day"], &monday["time"], &monday["tz"]),
        (&"mon".into(), &"09:00".into(), &"America/New_York".into())
    );
    // No --tz: the account's audience zone.
    let tuesday = ok_json(d, &slot(&account, "tue", "20:00", None));
    assert_eq!(tuesday["tz"], "Asia/Shanghai");
    let bad = fail_json(
        d,
        &[
            "slots", "add", &account, "--day", "someday", "--time", "20:00",
        ],
    );
    assert_eq!(bad["code"], "schedule.bad_slot");
    let slots = ok_json(d, &["slots", "list"]);
    assert_eq!(slots.as_array().unwrap().len(), 2);

    // --next-slot: the sooner of the two slots' next occurrences.
    let parsed: Vec<QueueSlot> = serde_json::from_value(slots).unwrap();
    let now = Utc::now();
    let mut expected: Vec<_> = parsed
        .iter()
        .flat_map(|s| occurrences(s, now, SLOT_HORIZON_DAYS).unwrap())
        .map(|r| r.due)
        .collect();
    expected.sort();
    let next_slot = |to: &str| {
        let args = ["schedule", "add", &draft_id, "--next-slot", "--to", to];
        let out = run(d, &[&args[..], &["--json"]].concat());
        (
            out.status.code(),
            serde_json::from_slice::<Value>(&out.stdout).ok(),
        )
    };
    let due_of = |item: &Value| -> chrono::DateTime<Utc> {
        serde_json::from_value(item["due_at"].clone()).unwrap()
    };
    let (code, queued) = next_slot(&account);
    assert_eq!(code, Some(0));
    let queued = queued.unwrap();
    assert_eq!(queued.as_array().unwrap().len(), 1);
    assert_eq!(due_of(&queued[0]), expected[0]);
    // That slot is taken now: the next item gets the following one.
    let (_, next) = next_slot(&account);
    assert_eq!(due_of(&next.unwrap()[0]), expected[1]);
    // An account without slots: refused, nothing stored for anyone.
    let none = fail_json(
        d,
        &[
            "schedule",
            "add",
            &draft_id,
            "--next-slot",
            "--to",
            &format!("{account},{other}"),
        ],
    );
    assert_eq!(none["code"], "schedule.no_free_slot");
    assert_eq!(list(d, &[]).len(), 2);

    let removed = ok_json(d, &["slots", "remove", &id(&monday)]);
    assert_eq!(removed["removed"], true);
    let gone = fail_json(d, &["slots", "remove", &id(&monday)]);
    assert_eq!(gone["code"], "schedule.slot_not_found");
    assert_eq!(ok_json(d, &["slots", "list"]).as_array().unwrap().len(), 1);
}

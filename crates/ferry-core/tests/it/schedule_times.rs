//! Wall times in zones: DST gaps and folds in New York, London and Sydney are refused with
//! messages naming what happened, Shanghai (no DST) resolves plainly, and weekly slots keep
//! their wall time across both changes of the year.

use chrono::{DateTime, Utc};
use ferry_core::schedule::{QueueSlot, TimeChoice, WallTimeCheck, occurrences, resolve_wall_time};

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    utc("2027-01-01T00:00:00Z")
}

fn refused(at: &str, zone: &str) -> (String, String) {
    let err = resolve_wall_time(at, zone, now()).unwrap_err();
    (err.code().to_owned(), err.to_string())
}

#[test]
fn a_wall_time_in_a_dst_gap_is_refused_naming_the_zone_and_the_jump() {
    for (at, zone, before, after) in [
        (
            "2027-03-14T02:30",
            "America/New_York",
            "02:00 (-05:00)",
            "03:00 (-04:00)",
        ),
        (
            "2027-03-28T01:30",
            "Europe/London",
            "01:00 (+00:00)",
            "02:00 (+01:00)",
        ),
        (
            "2027-10-03T02:30",
            "Australia/Sydney",
            "02:00 (+10:00)",
            "03:00 (+11:00)",
        ),
    ] {
        let (code, message) = refused(at, zone);
        assert_eq!(code, "schedule.dst_gap", "{message}");
        assert!(message.contains(zone), "{message}");
        assert!(
            message.contains(before) && message.contains(after),
            "{message}"
        );
    }
}

#[test]
fn a_wall_time_in_a_fold_needs_an_offset_and_the_message_names_both() {
    for (at, zone, earlier, later, utc_earlier, utc_later) in [
        (
            "2027-11-07T01:30",
            "America/New_York",
            "-04:00",
            "-05:00",
            "2027-11-07T05:30:00Z",
            "2027-11-07T06:30:00Z",
        ),
        (
            "2027-10-31T01:30",
            "Europe/London",
            "+01:00",
            "+00:00",
            "2027-10-31T00:30:00Z",
            "2027-10-31T01:30:00Z",
        ),
        (
            "2027-04-04T02:30",
            "Australia/Sydney",
            "+11:00",
            "+10:00",
            "2027-04-03T15:30:00Z",
            "2027-04-03T16:30:00Z",
        ),
    ] {
        let (code, message) = refused(at, zone);
        assert_eq!(code, "schedule.dst_fold", "{message}");
        assert!(
            message.contains(earlier) && message.contains(later),
            "{message}"
        );
        // The picker is offered both instants instead.
        let check = TimeChoice::parse(at, zone).unwrap().check();
        let WallTimeCheck::Fold {
            earlier: e,
            later: l,
        } = check
        else {
            panic!("{at} {zone}: {check:?}");
        };
        assert_eq!((e.due_at, l.due_at), (utc(utc_earlier), utc(utc_later)));
        // With an offset it is one instant, and the offset is kept.
        let first = resolve_wall_time(&format!("{at}{earlier}"), zone, now()).unwrap();
        assert_eq!(
            (first.due, first.offset.as_str()),
            (utc(utc_earlier), earlier)
        );
        let second = resolve_wall_time(&format!("{at}{later}"), zone, now()).unwrap();
        assert_eq!(second.due, utc(utc_later));
        // An offset the zone never has there is refused, not rounded.
        let wrong = resolve_wall_time(&format!("{at}+03:00"), zone, now()).unwrap_err();
        assert_eq!(wrong.code(), "schedule.bad_offset");
    }
}

#[test]
fn shanghai_has_no_dst_and_every_wall_time_is_one_instant() {
    let r = resolve_wall_time("2027-03-14T02:30", "Asia/Shanghai", now()).unwrap();
    assert_eq!(r.due, utc("2027-03-13T18:30:00Z"));
    assert_eq!(
        (r.offset.as_str(), r.wall_time.as_str()),
        ("+08:00", "2027-03-14T02:30:00")
    );
    let r = resolve_wall_time("2027-11-07 01:30:15", "Asia/Shanghai", now()).unwrap();
    assert_eq!(r.due, utc("2027-11-06T17:30:15Z"));
}

#[test]
fn past_times_unknown_zones_and_bad_text_are_refused() {
    let (code, message) = refused("2026-12-31T18:59", "America/New_York");
    assert_eq!(code, "schedule.past", "{message}");
    for zone in ["Mars/Olympus", "EST5EDT+", "", "UTC+3"] {
        assert_eq!(
            refused("2027-06-01T09:00", zone).0,
            "schedule.unknown_zone",
            "{zone}"
        );
    }
    for text in [
        "tomorrow 9am",
        "2027-13-01T09:00",
        "2027-06-01T25:00",
        "2027-06-01T09:00+9",
    ] {
        assert_eq!(
            refused(text, "Asia/Shanghai").0,
            "schedule.bad_time",
            "{text}"
        );
    }
}

fn slot(day: &str, time: &str, tz: &str) -> QueueSlot {
    QueueSlot {
        id: "s".into(),
        account_id: "a".into(),
        day: day.into(),
        time: time.into(),
        tz: tz.into(),
    }
}

#[test]
fn a_weekly_slot_keeps_its_wall_time_across_both_dst_changes() {
    // Mondays 09:00 New York: 14:00 UTC in winter, 13:00 UTC in summer, 14:00 again after
    // November, while a Shanghai slot stays at 12:00 UTC all year.
    let ny = occurrences(
        &slot("mon", "09:00", "America/New_York"),
        utc("2027-03-01T00:00:00Z"),
        30,
    )
    .unwrap();
    let utc_hours: Vec<String> = ny
        .iter()
        .map(|o| o.due.format("%m-%d %H:%M").to_string())
        .collect();
    assert_eq!(
        utc_hours,
        [
            "03-01 14:00",
            "03-08 14:00",
            "03-15 13:00",
            "03-22 13:00",
            "03-29 13:00"
        ]
    );
    assert!(ny.iter().all(|o| o.wall_time.ends_with("T09:00:00")));
    let autumn = occurrences(
        &slot("mon", "09:00", "America/New_York"),
        utc("2027-11-01T00:00:00Z"),
        8,
    )
    .unwrap();
    let autumn: Vec<String> = autumn
        .iter()
        .map(|o| o.due.format("%m-%d %H:%M").to_string())
        .collect();
    assert_eq!(autumn, ["11-01 13:00", "11-08 14:00"]);
    let sh = occurrences(
        &slot("monday", "20:00", "Asia/Shanghai"),
        utc("2027-03-01T00:00:00Z"),
        30,
    )
    .unwrap();
    assert!(
        sh.iter()
            .all(|o| o.due.format("%H:%M").to_string() == "12:00")
    );
}

#[test]
fn a_slot_in_a_gap_is_skipped_that_week_and_one_in_a_fold_takes_the_first_instant() {
    let gap = occurrences(
        &slot("sun", "02:30", "America/New_York"),
        utc("2027-03-07T12:00:00Z"),
        14,
    )
    .unwrap();
    let days: Vec<String> = gap.iter().map(|o| o.wall_time.clone()).collect();
    assert_eq!(
        days,
        ["2027-03-21T02:30:00"],
        "2027-03-14 02:30 does not exist"
    );
    let fold = occurrences(
        &slot("sun", "01:30", "America/New_York"),
        utc("2027-11-06T12:00:00Z"),
        1,
    )
    .unwrap();
    assert_eq!(fold.len(), 1);
    assert_eq!(
        (fold[0].due, fold[0].offset.as_str()),
        (utc("2027-11-07T05:30:00Z"), "-04:00")
    );
}

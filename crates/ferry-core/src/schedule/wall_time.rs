//! A wall time in a zone → one instant, never guessed.
//!
//! The user picks "09:00 in America/New_York"; the store keeps the instant (UTC), the zone and
//! the wall time as chosen. Two wall times have no single instant, and Ferry refuses to pick
//! one silently:
//! - in a **gap** (clocks jump forward, 2027-03-14 02:30 in New York) the time does not exist:
//!   refused, naming the skipped hour;
//! - in a **fold** (clocks fall back, 2027-11-07 01:30 in New York) it exists twice: refused
//!   unless an offset says which (`2027-11-07T01:30-04:00`); the message names both offsets.
//!
//! ```
//! use ferry_core::schedule::{resolve_wall_time, TimeChoice};
//! let choice = TimeChoice::parse("2027-11-07T01:30", "America/New_York").unwrap();
//! let err = choice.resolve().unwrap_err();
//! assert!(err.to_string().contains("-04:00") && err.to_string().contains("-05:00"));
//! let exact = TimeChoice::parse("2027-11-07T01:30-05:00", "America/New_York").unwrap();
//! assert_eq!(exact.resolve().unwrap().due.to_rfc3339(), "2027-11-07T06:30:00+00:00");
//! # let _ = resolve_wall_time;
//! ```

use chrono::{DateTime, Utc};
use jiff::civil;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use serde::Serialize;
use ts_rs::TS;

use super::error::ScheduleError;

/// What the user typed: a wall time, maybe an offset, and a zone.
#[derive(Debug, Clone)]
pub struct TimeChoice {
    pub zone_name: String,
    zone: TimeZone,
    pub wall: civil::DateTime,
    pub offset: Option<Offset>,
}

/// A choice resolved to one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub due: DateTime<Utc>,
    pub zone: String,
    /// `2027-03-14T09:00:00`
    pub wall_time: String,
    /// `-04:00`
    pub offset: String,
}

/// What a wall time is in its zone, for the picker: one instant, two (a fold), or none (a gap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum WallTimeCheck {
    Exact {
        instant: Instant,
    },
    /// Exists twice: the picker offers both.
    Fold {
        earlier: Instant,
        later: Instant,
    },
    /// Does not exist: clocks jump from `before` to `after` (`02:00 (-05:00)`, `03:00 (-04:00)`).
    Gap {
        before: String,
        after: String,
    },
}

/// One instant as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Instant {
    pub due_at: DateTime<Utc>,
    /// `-04:00`: what to add to the wall time to pick exactly this instant.
    pub offset: String,
}

/// Looks a zone up by its IANA name; anything else is refused (no abbreviations, no offsets).
pub fn zone(name: &str) -> Result<TimeZone, ScheduleError> {
    let unknown = || ScheduleError::UnknownZone {
        zone: name.to_owned(),
    };
    if name.is_empty() || name.len() > 64 {
        return Err(unknown());
    }
    let tz = TimeZone::get(name).map_err(|_| unknown())?;
    // `get` also takes fixed offsets such as "UTC+3"; an IANA name is what survives DST rules.
    tz.iana_name().ok_or_else(unknown)?;
    Ok(tz)
}

impl TimeChoice {
    /// Reads `YYYY-MM-DDTHH:MM[:SS][±HH:MM]` (a space also separates date and time).
    pub fn parse(text: &str, zone_name: &str) -> Result<TimeChoice, ScheduleError> {
        let zone = zone(zone_name)?;
        let bad = |reason: &str| ScheduleError::BadTime {
            text: text.to_owned(),
            reason: reason.to_owned(),
        };
        let trimmed = text.trim();
        let (wall_text, offset) = split_offset(trimmed).map_err(|r| bad(&r))?;
        let wall: civil::DateTime = wall_text
            .replacen(' ', "T", 1)
            .parse()
            .map_err(|_| bad("expected YYYY-MM-DDTHH:MM, e.g. 2027-03-14T09:00"))?;
        Ok(TimeChoice {
            zone_name: zone_name.to_owned(),
            zone,
            wall,
            offset,
        })
    }

    /// The picker's view: the instant(s) this wall time has in its zone.
    pub fn check(&self) -> WallTimeCheck {
        let ambiguous = self.zone.to_ambiguous_timestamp(self.wall);
        let at = |offset: Offset| Instant {
            due_at: instant(self.wall, offset),
            offset: fmt_offset(offset),
        };
        match ambiguous.offset() {
            AmbiguousOffset::Unambiguous { offset } => WallTimeCheck::Exact {
                instant: at(offset),
            },
            AmbiguousOffset::Fold { before, after } => WallTimeCheck::Fold {
                earlier: at(before),
                later: at(after),
            },
            AmbiguousOffset::Gap { .. } => {
                let (before, after) = self.gap_edges();
                WallTimeCheck::Gap { before, after }
            }
        }
    }

    /// One instant, or the reason there is none: a gap, an unresolved fold, a wrong offset.
    /// (Whether it is in the past is [`Resolved::not_before`]'s question.)
    pub fn resolve(&self) -> Result<Resolved, ScheduleError> {
        let wall = fmt_wall(self.wall);
        let offset = match (self.check(), self.offset) {
            (WallTimeCheck::Gap { before, after }, _) => {
                return Err(ScheduleError::Gap {
                    zone: self.zone_name.clone(),
                    wall,
                    before,
                    after,
                });
            }
            (WallTimeCheck::Fold { earlier, later }, None) => {
                return Err(ScheduleError::Fold {
                    zone: self.zone_name.clone(),
                    wall,
                    earlier: earlier.offset,
                    later: later.offset,
                });
            }
            (WallTimeCheck::Fold { earlier, later }, Some(given)) => {
                let given = fmt_offset(given);
                if given != earlier.offset && given != later.offset {
                    return Err(ScheduleError::WrongOffset {
                        zone: self.zone_name.clone(),
                        wall,
                        offset: given,
                        actual: format!("{} or {}", earlier.offset, later.offset),
                    });
                }
                given
            }
            (WallTimeCheck::Exact { instant }, given) => {
                if let Some(given) = given.map(fmt_offset)
                    && given != instant.offset
                {
                    return Err(ScheduleError::WrongOffset {
                        zone: self.zone_name.clone(),
                        wall,
                        offset: given,
                        actual: instant.offset,
                    });
                }
                instant.offset
            }
        };
        let parsed = parse_offset(&offset).unwrap_or(Offset::UTC);
        Ok(Resolved {
            due: instant(self.wall, parsed),
            zone: self.zone_name.clone(),
            wall_time: wall,
            offset,
        })
    }
}

impl Resolved {
    /// Refuses an instant before `now`.
    pub fn not_before(self, now: DateTime<Utc>) -> Result<Resolved, ScheduleError> {
        if self.due < now {
            return Err(ScheduleError::Past {
                wall: self.wall_time,
                zone: self.zone,
                due: self.due.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            });
        }
        Ok(self)
    }
}

/// [`TimeChoice::parse`] then [`TimeChoice::resolve`] then [`Resolved::not_before`].
pub fn resolve_wall_time(
    text: &str,
    zone_name: &str,
    now: DateTime<Utc>,
) -> Result<Resolved, ScheduleError> {
    TimeChoice::parse(text, zone_name)?
        .resolve()?
        .not_before(now)
}

/// The wall time an instant has in a zone, and that zone's offset then.
pub fn wall_in(zone: &TimeZone, at: DateTime<Utc>) -> (String, String) {
    let ts = timestamp(at);
    let offset = zone.to_offset(ts);
    (fmt_wall(offset.to_datetime(ts)), fmt_offset(offset))
}

pub(crate) fn timestamp(at: DateTime<Utc>) -> jiff::Timestamp {
    jiff::Timestamp::from_microsecond(at.timestamp_micros()).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

pub(crate) fn from_timestamp(ts: jiff::Timestamp) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(ts.as_microsecond()).unwrap_or_default()
}

fn instant(wall: civil::DateTime, offset: Offset) -> DateTime<Utc> {
    offset
        .to_timestamp(wall)
        .map(from_timestamp)
        .unwrap_or_default()
}

pub(crate) fn fmt_wall(wall: civil::DateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        wall.year(),
        wall.month(),
        wall.day(),
        wall.hour(),
        wall.minute(),
        wall.second()
    )
}

pub(crate) fn fmt_offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60)
}

fn parse_offset(text: &str) -> Option<Offset> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 25 || m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// Splits a trailing `±HH:MM` or `Z` off the wall time.
fn split_offset(text: &str) -> Result<(&str, Option<Offset>), String> {
    if let Some(wall) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        return Ok((wall, Some(Offset::UTC)));
    }
    // The date's own dashes come first; an offset sign can only follow the time's 'T' or space.
    let time_start = text.find(['T', 't', ' ']).unwrap_or(text.len());
    match text[time_start..].rfind(['+', '-']) {
        Some(i) => {
            let at = time_start + i;
            let offset = parse_offset(&text[at..])
                .ok_or_else(|| format!("bad offset {:?}: expected ±HH:MM", &text[at..]))?;
            Ok((&text[..at], Some(offset)))
        }
        None => Ok((text, None)),
    }
}

impl TimeChoice {
    /// The wall clock just before and just after the jump that swallows this wall time:
    /// `("2027-03-14T02:00 -05:00", "2027-03-14T03:00 -04:00")`.
    fn gap_edges(&self) -> (String, String) {
        // Read with the offset in force before the gap, the wall time lands after the jump
        // (jiff calls that instant the later one).
        let after_jump = self
            .zone
            .to_ambiguous_timestamp(self.wall)
            .later()
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let Some(jump) = self.zone.preceding(after_jump).next() else {
            return (String::new(), String::new());
        };
        let at = jump.timestamp();
        let before = self.zone.to_offset(at - jiff::SignedDuration::from_secs(1));
        let after = self.zone.to_offset(at);
        let show = |offset: Offset| {
            let wall = offset.to_datetime(at);
            format!(
                "{:02}:{:02} ({})",
                wall.hour(),
                wall.minute(),
                fmt_offset(offset)
            )
        };
        (show(before), show(after))
    }
}

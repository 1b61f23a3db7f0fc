//! Keeping a draft's history from eating the disk. Autosave writes a full snapshot up to twice
//! a second while someone types, so an hour on a 100 KB draft would keep ~700 MB. After each
//! new revision, older *edits* are thinned by age:
//!
//! | age            | kept                     |
//! |----------------|--------------------------|
//! | under 2 min    | every revision           |
//! | under 1 hour   | the newest of each minute |
//! | under 1 day    | the newest of each 10 min |
//! | older          | the newest of each day   |
//!
//! Never thinned: the head, the first revision, restores, attachment changes, and every
//! revision an outbox job published (what went out can always be read back). A kept revision
//! is a full snapshot, so restoring any of them works as before.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use crate::clock;

/// The bucket an edit of this age shares with its neighbours; the newest in each is kept.
/// `None`: young enough to keep whatever.
fn bucket(at: DateTime<Utc>, now: DateTime<Utc>) -> Option<(u8, i64)> {
    let age = now - at;
    let secs = at.timestamp();
    if age < Duration::minutes(2) {
        None
    } else if age < Duration::hours(1) {
        Some((1, secs.div_euclid(60)))
    } else if age < Duration::days(1) {
        Some((2, secs.div_euclid(600)))
    } else {
        Some((3, secs.div_euclid(86_400)))
    }
}

/// Which of `edits` (number, time), newest first, to delete.
pub(crate) fn plan(
    edits: &[(u32, DateTime<Utc>)],
    now: DateTime<Utc>,
    pinned: &HashSet<u32>,
) -> Vec<u32> {
    let mut seen = HashSet::new();
    edits
        .iter()
        .filter(|(number, at)| {
            let Some(key) = bucket(*at, now) else {
                return false;
            };
            // The newest in a bucket comes first and stays; pinned ones stay regardless.
            !seen.insert(key) && !pinned.contains(number)
        })
        .map(|(number, _)| *number)
        .collect()
}

/// Thins draft `seq`'s edits as of `now`, in the caller's transaction; returns how many went.
pub(crate) async fn thin(
    conn: &mut SqliteConnection,
    seq: i64,
    now: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT number, created_at FROM revisions WHERE draft_seq = ? AND kind = 'edited' \
         AND number < (SELECT max(number) FROM revisions WHERE draft_seq = ?) \
         ORDER BY number DESC",
    )
    .bind(seq)
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?;
    let edits: Vec<(u32, DateTime<Utc>)> = rows
        .into_iter()
        .filter_map(|(n, at)| Some((u32::try_from(n).ok()?, clock::from_db(&at).ok()?)))
        .collect();
    let published: Vec<i64> = sqlx::query_scalar(
        "SELECT j.draft_revision FROM publish_jobs j JOIN drafts d ON d.id = j.draft_id \
         WHERE d.seq = ?",
    )
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?;
    let pinned: HashSet<u32> = published
        .into_iter()
        .filter_map(|n| u32::try_from(n).ok())
        .collect();
    let mut gone = 0;
    for number in plan(&edits, now, &pinned) {
        gone += sqlx::query("DELETE FROM revisions WHERE draft_seq = ? AND number = ?")
            .bind(seq)
            .bind(i64::from(number))
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    Ok(gone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// An hour of typing, saved twice a second, as autosave does.
    fn an_hour_of_typing(end: DateTime<Utc>) -> Vec<(u32, DateTime<Utc>)> {
        (0..7_200u32)
            .rev()
            .map(|n| {
                (
                    n + 2,
                    end - Duration::milliseconds(i64::from(7_199 - n) * 500),
                )
            })
            .collect()
    }

    #[test]
    fn an_hour_of_typing_keeps_a_few_hundred_snapshots_not_seven_thousand() {
        let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
        let edits = an_hour_of_typing(now);
        let gone = plan(&edits, now, &HashSet::new());
        let kept = edits.len() - gone.len();
        // 240 of the last two minutes + one per minute before: 100 KB each is under 30 MB.
        assert!((290..=310).contains(&kept), "{kept}");
        assert!(kept * 100 * 1024 < 50 * 1024 * 1024);
        // The newest of each minute stays: e.g. the last save before 11:30.
        let last_before_half = edits
            .iter()
            .find(|(_, at)| *at < Utc.with_ymd_and_hms(2026, 12, 5, 11, 30, 0).unwrap())
            .unwrap();
        assert!(!gone.contains(&last_before_half.0));
    }

    #[test]
    fn a_day_later_one_per_ten_minutes_and_then_one_per_day() {
        let start = Utc.with_ymd_and_hms(2026, 12, 5, 11, 0, 0).unwrap();
        let edits = an_hour_of_typing(start + Duration::hours(1));
        let later = start + Duration::hours(5);
        let kept = edits.len() - plan(&edits, later, &HashSet::new()).len();
        assert_eq!(
            kept, 7,
            "11:00–12:00 in 10-minute buckets, and the save at 12:00 itself"
        );
        let much_later = start + Duration::days(3);
        let kept = edits.len() - plan(&edits, much_later, &HashSet::new()).len();
        assert_eq!(kept, 1, "one per day");
    }

    #[test]
    fn a_published_revision_is_never_thinned() {
        let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
        let edits = an_hour_of_typing(now);
        let posted = edits[3_000].0;
        assert!(plan(&edits, now, &HashSet::new()).contains(&posted));
        assert!(!plan(&edits, now, &HashSet::from([posted])).contains(&posted));
    }
}

#[cfg(test)]
mod store_tests {
    use crate::{DraftEdit, LangTag, NewDraft, Store, StoreError, Variant};

    fn edit(id: &str, base: u32, text: &str) -> DraftEdit {
        DraftEdit {
            id: id.into(),
            base_revision: base,
            variants: vec![Variant {
                lang: LangTag::parse("zh-Hans").unwrap(),
                text: text.into(),
            }],
            overrides: vec![],
            targets: vec![],
            topics: vec![],
            attachments: vec![],
        }
    }

    /// Thirty edits made an hour ago within one minute, then one now: the next save keeps the
    /// newest of that minute, the first revision and the head, and every kept one restores.
    #[tokio::test]
    async fn a_save_thins_old_edits_and_what_is_kept_still_restores() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        let draft = store
            .create_draft(NewDraft {
                variants: edit("", 0, "渡").variants,
                ..NewDraft::default()
            })
            .await
            .unwrap();
        let mut revision = draft.revision;
        for n in 0..30 {
            revision = store
                .save_draft(edit(&draft.id, revision, &format!("渡口 {n}")))
                .await
                .unwrap()
                .draft
                .revision;
        }
        // Those edits were made 30 minutes ago, a second apart.
        sqlx::query(
            "UPDATE revisions SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-30 minutes', \
             printf('+%d seconds', number % 30)) WHERE kind = 'edited'",
        )
        .execute(&store.pool)
        .await
        .unwrap();
        let saved = store
            .save_draft(edit(&draft.id, revision, "渡口，现在"))
            .await
            .unwrap();
        let history = store.history(&draft.id).await.unwrap();
        let numbers: Vec<u32> = history.iter().map(|r| r.number).collect();
        assert!(
            numbers.len() <= 4,
            "head, one or two minutes' newest, the first: {numbers:?}"
        );
        assert!(
            numbers.contains(&1) && numbers.contains(&saved.draft.revision),
            "{numbers:?}"
        );
        for number in &numbers {
            store.get_revision(&draft.id, *number).await.unwrap();
        }
        let thinned = (2..saved.draft.revision)
            .find(|n| !numbers.contains(n))
            .unwrap();
        assert!(matches!(
            store.get_revision(&draft.id, thinned).await,
            Err(StoreError::RevisionNotFound { .. })
        ));
    }
}

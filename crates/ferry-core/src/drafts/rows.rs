//! Reading and writing a draft's head (the `drafts` row and its content tables) inside a
//! transaction. Only parts that changed are rewritten, which keeps autosave cheap.

use sqlx::SqliteConnection;

use crate::clock;
use crate::model::{
    Attachment, DraftContent, LangTag, Network, NetworkOverride, Target, Variant, network_from_id,
};

use super::text;

/// The `drafts` row: identity and head revision.
#[derive(Debug, Clone)]
pub(crate) struct Head {
    pub seq: i64,
    pub id: String,
    pub revision: u32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Bad data in a row reads as a decode error, like any other unreadable column.
pub(crate) fn decode_err(detail: impl Into<String>) -> sqlx::Error {
    sqlx::Error::Decode(detail.into().into())
}

pub(crate) fn revision_number(n: i64) -> Result<u32, sqlx::Error> {
    u32::try_from(n).map_err(|_| decode_err(format!("revision number {n} is out of range")))
}

pub(crate) async fn head(
    conn: &mut SqliteConnection,
    id: &str,
) -> Result<Option<Head>, sqlx::Error> {
    let row: Option<(i64, String, i64, String, String)> =
        sqlx::query_as("SELECT seq, id, revision, created_at, updated_at FROM drafts WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|(seq, id, revision, created, updated)| {
        Ok(Head {
            seq,
            id,
            revision: revision_number(revision)?,
            created_at: clock::from_db(&created).map_err(decode_err)?,
            updated_at: clock::from_db(&updated).map_err(decode_err)?,
        })
    })
    .transpose()
}

pub(crate) async fn load_content(
    conn: &mut SqliteConnection,
    seq: i64,
) -> Result<DraftContent, sqlx::Error> {
    let variants: Vec<(String, String)> = sqlx::query_as(
        "SELECT lang, text FROM draft_variants WHERE draft_seq = ? ORDER BY position",
    )
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?;
    let overrides: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT lang, network, text FROM draft_overrides WHERE draft_seq = ? ORDER BY position",
    )
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?;
    let targets: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT network, account_id FROM draft_targets WHERE draft_seq = ? ORDER BY position",
    )
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?;
    let topics: Vec<String> =
        sqlx::query_scalar("SELECT topic FROM draft_topics WHERE draft_seq = ? ORDER BY position")
            .bind(seq)
            .fetch_all(&mut *conn)
            .await?;
    type AttachmentRow = (
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
        String,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    );
    let attachments: Vec<AttachmentRow> = sqlx::query_as(
        "SELECT id, sha256, stored_name, original_name, media_type, width, height, byte_len, \
         alt_json, qr_code, focus_x, focus_y FROM attachments WHERE draft_seq = ? \
         ORDER BY position",
    )
    .bind(seq)
    .fetch_all(&mut *conn)
    .await?;

    Ok(DraftContent {
        variants: variants
            .into_iter()
            .map(|(lang, text)| {
                Ok(Variant {
                    lang: lang_tag(&lang)?,
                    text,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?,
        overrides: overrides
            .into_iter()
            .map(|(lang, network, text)| {
                Ok(NetworkOverride {
                    lang: lang_tag(&lang)?,
                    network: network_id(&network)?,
                    text,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?,
        targets: targets
            .into_iter()
            .map(|(network, account_id)| {
                Ok(Target {
                    network: network_id(&network)?,
                    account_id,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?,
        topics,
        attachments: attachments
            .into_iter()
            .map(
                |(id, sha256, stored, original, media_type, w, h, len, alt, qr_code, fx, fy)| {
                    Ok(Attachment {
                        alt: serde_json::from_str(&alt).map_err(|e| {
                            decode_err(format!("alt texts of attachment {id}: {e}"))
                        })?,
                        id,
                        sha256,
                        stored_name: stored,
                        original_name: original,
                        media_type,
                        width: u32::try_from(w).unwrap_or_default(),
                        height: u32::try_from(h).unwrap_or_default(),
                        byte_len: u64::try_from(len).unwrap_or_default(),
                        missing: false,
                        qr_code: qr_code.map(|q: i64| q != 0),
                        focus: focus_of(fx, fy),
                    })
                },
            )
            .collect::<Result<_, sqlx::Error>>()?,
        reply_to: super::reply::load(conn, seq).await?,
    })
}

fn lang_tag(raw: &str) -> Result<LangTag, sqlx::Error> {
    LangTag::parse(raw).map_err(|e| decode_err(e.to_string()))
}

fn network_id(raw: &str) -> Result<Network, sqlx::Error> {
    network_from_id(raw).map_err(|e| decode_err(e.to_string()))
}

/// Writes `new` as the content of draft `seq`, skipping parts equal to `old` (all parts are
/// written when there is no `old`), and refreshes the list columns and the search row.
pub(crate) async fn write_content(
    conn: &mut SqliteConnection,
    seq: i64,
    old: Option<&DraftContent>,
    new: &DraftContent,
) -> Result<(), sqlx::Error> {
    let changed =
        |same: fn(&DraftContent, &DraftContent) -> bool| old.is_none_or(|o| !same(o, new));

    if changed(|a, b| a.variants == b.variants) {
        clear(conn, "draft_variants", seq).await?;
        for (pos, v) in new.variants.iter().enumerate() {
            sqlx::query(
                "INSERT INTO draft_variants (draft_seq, position, lang, text) VALUES (?, ?, ?, ?)",
            )
            .bind(seq)
            .bind(pos as i64)
            .bind(v.lang.as_str())
            .bind(&v.text)
            .execute(&mut *conn)
            .await?;
        }
    }
    if changed(|a, b| a.overrides == b.overrides) {
        clear(conn, "draft_overrides", seq).await?;
        for (pos, o) in new.overrides.iter().enumerate() {
            sqlx::query(
                "INSERT INTO draft_overrides (draft_seq, position, lang, network, text) \
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(seq)
            .bind(pos as i64)
            .bind(o.lang.as_str())
            .bind(o.network.name())
            .bind(&o.text)
            .execute(&mut *conn)
            .await?;
        }
    }
    if changed(|a, b| a.targets == b.targets) {
        clear(conn, "draft_targets", seq).await?;
        for (pos, t) in new.targets.iter().enumerate() {
            sqlx::query(
                "INSERT INTO draft_targets (draft_seq, position, network, account_id) VALUES (?, ?, ?, ?)",
            )
            .bind(seq)
            .bind(pos as i64)
            .bind(t.network.name())
            .bind(t.account_id.as_deref())
            .execute(&mut *conn)
            .await?;
        }
    }
    if changed(|a, b| a.topics == b.topics) {
        clear(conn, "draft_topics", seq).await?;
        for (pos, topic) in new.topics.iter().enumerate() {
            sqlx::query("INSERT INTO draft_topics (draft_seq, position, topic) VALUES (?, ?, ?)")
                .bind(seq)
                .bind(pos as i64)
                .bind(topic)
                .execute(&mut *conn)
                .await?;
        }
    }
    if changed(|a, b| a.attachments == b.attachments) {
        clear(conn, "attachments", seq).await?;
        for (pos, a) in new.attachments.iter().enumerate() {
            let alt = serde_json::to_string(&a.alt).map_err(|e| decode_err(e.to_string()))?;
            sqlx::query(
                "INSERT INTO attachments (id, draft_seq, position, sha256, stored_name, \
                 original_name, media_type, width, height, byte_len, alt_json, qr_code, \
                 focus_x, focus_y) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(&a.id)
            .bind(seq)
            .bind(pos as i64)
            .bind(&a.sha256)
            .bind(&a.stored_name)
            .bind(&a.original_name)
            .bind(&a.media_type)
            .bind(i64::from(a.width))
            .bind(i64::from(a.height))
            .bind(i64::try_from(a.byte_len).unwrap_or(i64::MAX))
            .bind(alt)
            .bind(a.qr_code.map(i64::from))
            .bind(a.focus.map(|f| i64::from(f.x)))
            .bind(a.focus.map(|f| i64::from(f.y)))
            .execute(&mut *conn)
            .await?;
        }
    }

    if changed(|a, b| a.reply_to == b.reply_to) {
        super::reply::write(conn, seq, new.reply_to.as_ref()).await?;
    }

    let body = text::search_body(new);
    if old.is_none_or(|o| text::search_body(o) != body) {
        // The trigram index catches up later (search::index); until then the draft is
        // a candidate for every search, so nothing is missed.
        sqlx::query(
            "INSERT INTO draft_bodies (seq, body, indexed) VALUES (?, ?, 0) \
             ON CONFLICT (seq) DO UPDATE SET body = excluded.body, indexed = 0",
        )
        .bind(seq)
        .bind(body)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("UPDATE drafts SET languages = ?, preview = ?, attachment_count = ? WHERE seq = ?")
        .bind(text::languages(new))
        .bind(text::preview(new))
        .bind(new.attachments.len() as i64)
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn clear(
    conn: &mut SqliteConnection,
    table: &'static str,
    seq: i64,
) -> Result<(), sqlx::Error> {
    // `table` is always one of our literal table names, never input.
    sqlx::query(&format!("DELETE FROM {table} WHERE draft_seq = ?"))
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A stored focus point, when both halves are there and in range.
fn focus_of(x: Option<i64>, y: Option<i64>) -> Option<crate::model::Focus> {
    let range = 0..=i64::from(crate::model::Focus::MAX);
    match (x, y) {
        (Some(x), Some(y)) if range.contains(&x) && range.contains(&y) => {
            Some(crate::model::Focus {
                x: x as u16,
                y: y as u16,
            })
        }
        _ => None,
    }
}

//! Posts the writer made by hand where Ferry can't post: RedNote has no posting API, so its
//! note is published from the phone with the publish kit. "Mark as published" with the note's
//! link writes a job whose one target is already posted, so the draft's publish history
//! (`draft_publish_jobs`, `ferry post --status`) lists RedNote beside the networks Ferry sent
//! to, with the link.
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store, draft_id: String) -> Result<(), ferry_core::outbox::PublishError> {
//! use ferry_core::model::{LangTag, Network};
//! use ferry_core::outbox::MarkPublished;
//! let job = store
//!     .mark_published(MarkPublished {
//!         draft_id,
//!         network: Network::Rednote,
//!         lang: LangTag::parse("zh-Hans").unwrap(),
//!         url: "https://www.xiaohongshu.com/explore/6751c0de000000000b00e2f1".into(),
//!     })
//!     .await?;
//! assert!(job.all_posted());
//! # Ok(()) }
//! ```

use serde::Deserialize;
use ts_rs::TS;
use url::Url;

use super::error::PublishError;
use super::model::JobStatus;
use crate::Store;
use crate::clock;
use crate::model::{LangTag, Network};

/// The account id of a target posted by hand: there is no account.
pub const BY_HAND: &str = "by-hand";

/// Where a note's link may point: RedNote's site and its share links.
const REDNOTE_HOSTS: [&str; 3] = ["xiaohongshu.com", "xhslink.com", "rednote.com"];

/// "This draft's `lang` variant is on `network` at `url`."
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MarkPublished {
    pub draft_id: String,
    pub network: Network,
    pub lang: LangTag,
    /// The note's link, as the app's "Share → Copy link" gives it.
    pub url: String,
}

impl Store {
    /// Records `mark` as a posted job and returns it. The text recorded is the kit's (the
    /// variant's RedNote text), as it stood in the draft's head revision.
    pub async fn mark_published(&self, mark: MarkPublished) -> Result<JobStatus, PublishError> {
        if mark.network != Network::Rednote {
            return Err(PublishError::NotByHand {
                network: mark.network,
            });
        }
        let url = note_link(&mark.url)?;
        let draft = self.get_draft(&mark.draft_id).await?;
        if !draft.content.variants.iter().any(|v| v.lang == mark.lang) {
            return Err(PublishError::NoSuchVariant {
                draft: mark.draft_id.clone(),
                lang: mark.lang.to_string(),
            });
        }
        let text = draft.content.network_text(&mark.lang, mark.network).text;
        let (job_id, target_id) = (
            uuid::Uuid::now_v7().to_string(),
            uuid::Uuid::now_v7().to_string(),
        );
        let now = clock::to_db(clock::now());
        let mut tx = self.begin_write().await?;
        let written: Result<(), sqlx::Error> = async {
            sqlx::query(
                "INSERT INTO publish_jobs (id, draft_id, draft_revision, created_at, updated_at) \
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(&job_id)
            .bind(&mark.draft_id)
            .bind(i64::from(draft.revision))
            .bind(&now)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO outbox_targets (id, job_id, position, account_id, network, lang, \
                 state, attempts, remote_url, updated_at) VALUES (?, ?, 0, ?, ?, ?, 'posted', 1, ?, ?)",
            )
            .bind(&target_id)
            .bind(&job_id)
            .bind(BY_HAND)
            .bind(mark.network.name())
            .bind(mark.lang.as_str())
            .bind(url.as_str())
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO outbox_parts (target_id, idx, text, state, remote_url, first_sent_at) \
                 VALUES (?, 0, ?, 'posted', ?, ?)",
            )
            .bind(&target_id)
            .bind(&text)
            .bind(url.as_str())
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            Ok(())
        }
        .await;
        written.map_err(|e| self.db_err(e))?;
        tx.commit().await.map_err(|e| self.db_err(e))?;
        self.publish_job(&job_id).await
    }
}

/// A RedNote note's link: `http(s)` on one of RedNote's hosts, with a path (the note).
fn note_link(text: &str) -> Result<Url, PublishError> {
    let bad = |reason: &str| PublishError::BadNoteLink {
        url: text.trim().to_owned(),
        reason: reason.to_owned(),
    };
    // A share often arrives as "标题 … http://xhslink.com/a/…，复制本条信息…": the link ends at
    // a space or at the first non-ASCII character, with no space before the text goes on.
    let start = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| text.find(scheme))
        .min()
        .ok_or_else(|| bad("it has no http:// or https:// link"))?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || !c.is_ascii())
        .unwrap_or(rest.len());
    let candidate = rest[..end].trim_end_matches([',', '.', ')', ';', '!']);
    let url = Url::parse(candidate).map_err(|e| bad(&e.to_string()))?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let on_rednote = REDNOTE_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")));
    if !on_rednote {
        return Err(bad(
            "it is not a RedNote link (xiaohongshu.com or xhslink.com)",
        ));
    }
    if url.path().trim_matches('/').is_empty() {
        return Err(bad("it points at RedNote's home page, not a note"));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::note_link;

    #[test]
    fn note_links_are_taken_from_what_the_share_sheet_copies() {
        let shared = "渡口见面 清晨的渡口… http://xhslink.com/a/AbC123xyz，复制本条信息，打开【小红书】App查看精彩内容！";
        assert_eq!(
            note_link(shared).unwrap().as_str(),
            "http://xhslink.com/a/AbC123xyz"
        );
        let web = "https://www.xiaohongshu.com/explore/6751c0de000000000b00e2f1?xsec_token=AB";
        assert_eq!(
            note_link(web).unwrap().host_str(),
            Some("www.xiaohongshu.com")
        );
    }

    #[test]
    fn other_links_and_no_link_are_refused_with_the_reason() {
        for (text, reason) in [
            (
                "https://evil.example/xiaohongshu.com/explore/1",
                "not a RedNote link",
            ),
            (
                "https://xiaohongshu.com.evil.example/explore/1",
                "not a RedNote link",
            ),
            ("https://www.xiaohongshu.com/", "home page"),
            ("发好了", "no http"),
        ] {
            let err = note_link(text).unwrap_err();
            assert_eq!(err.code(), "outbox.bad_note_link");
            assert!(err.to_string().contains(reason), "{text}: {err}");
        }
    }
}

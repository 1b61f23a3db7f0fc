//! Each account's audience zone: the zone its readers live in, where its queue slots are
//! kept and in which the schedule picker shows each target's time ("Tue 22:00 北京").
//! Unset, it is Asia/Shanghai for an account whose audience reads Simplified Chinese and the
//! computer's own zone otherwise.

use std::collections::HashMap;

use super::error::ScheduleError;
use super::wall_time::zone;
use crate::Store;
use crate::clock;
use crate::model::LangTag;

/// The zone a Simplified Chinese audience gets when the user has not said.
pub const CHINESE_AUDIENCE_ZONE: &str = "Asia/Shanghai";

/// The computer's IANA zone, or UTC when it has none that jiff can name.
pub fn system_zone() -> String {
    jiff::tz::TimeZone::try_system()
        .ok()
        .and_then(|tz| tz.iana_name().map(str::to_owned))
        .unwrap_or_else(|| "UTC".to_owned())
}

/// The zone an audience is assumed to live in when the user has not chosen one.
pub fn default_zone(audience: &[LangTag]) -> String {
    let chinese = audience.iter().any(|lang| {
        let tag = lang.as_str();
        tag == "zh" || tag.starts_with("zh-Hans") || tag == "zh-CN"
    });
    if chinese {
        CHINESE_AUDIENCE_ZONE.to_owned()
    } else {
        system_zone()
    }
}

impl Store {
    /// Every account's audience zone (chosen, else the default).
    pub async fn account_zones(&self) -> Result<HashMap<String, String>, ScheduleError> {
        let rows: Vec<(String, Option<String>, String)> =
            sqlx::query_as("SELECT id, audience_tz, audience_json FROM accounts")
                .fetch_all(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        Ok(rows
            .into_iter()
            .map(|(id, chosen, audience)| {
                let zone = chosen.unwrap_or_else(|| {
                    let audience: Vec<LangTag> =
                        serde_json::from_str(&audience).unwrap_or_default();
                    default_zone(&audience)
                });
                (id, zone)
            })
            .collect())
    }

    /// Sets an account's audience zone; `None` goes back to the default.
    pub async fn set_account_zone(
        &self,
        account_id: &str,
        tz: Option<&str>,
    ) -> Result<String, ScheduleError> {
        if let Some(tz) = tz {
            zone(tz)?;
        }
        self.account(account_id).await?;
        sqlx::query("UPDATE accounts SET audience_tz = ?, updated_at = ? WHERE id = ?")
            .bind(tz)
            .bind(clock::to_db(clock::now()))
            .bind(account_id)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        let zones = self.account_zones().await?;
        Ok(zones.get(account_id).cloned().unwrap_or_else(system_zone))
    }
}

//! The few words the shell shows outside the webview — the tray menu and OS notifications —
//! in the UI's language: the one chosen in Settings, else the OS's (as the UI decides it).

use ferry_core::Store;

use crate::preferences::{AppSettings, LocalePreference};

pub struct NativeText {
    pub tray_next: &'static str,
    pub tray_open: &'static str,
    pub tray_quit: &'static str,
    pub sent_title: &'static str,
    /// `{posted}`, `{failed}` are filled in.
    pub sent_body: &'static str,
    pub partly_title: &'static str,
    pub failed_title: &'static str,
    pub warning_title: &'static str,
    pub held_title: &'static str,
    pub held_body: &'static str,
}

const EN: NativeText = NativeText {
    tray_next: "Ferry · next post:",
    tray_open: "Open Ferry",
    tray_quit: "Quit Ferry (scheduling stops)",
    sent_title: "Scheduled post sent",
    sent_body: "Posted to {posted} account(s).",
    partly_title: "Scheduled post partly sent",
    failed_title: "Scheduled post not sent",
    warning_title: "A scheduled post needs attention",
    held_title: "Scheduled post held",
    held_body: "It fell due while Ferry was closed. Open Ferry to post it now, reschedule or skip it.",
};

const ZH_HANS: NativeText = NativeText {
    tray_next: "Ferry · 下一条：",
    tray_open: "打开 Ferry",
    tray_quit: "退出 Ferry（排程暂停）",
    sent_title: "排程的帖子已发送",
    sent_body: "已发布到 {posted} 个账号。",
    partly_title: "排程的帖子部分发送",
    failed_title: "排程的帖子未发送",
    warning_title: "有一条排程的帖子需要处理",
    held_title: "排程的帖子已暂停",
    held_body: "它在 Ferry 关闭期间到期。打开 Ferry 立即发布、改期或跳过。",
};

const ZH_HANT: NativeText = NativeText {
    tray_next: "Ferry · 下一則：",
    tray_open: "開啟 Ferry",
    tray_quit: "結束 Ferry（排程暫停）",
    sent_title: "排程的貼文已傳送",
    sent_body: "已發佈到 {posted} 個帳號。",
    partly_title: "排程的貼文部分傳送",
    failed_title: "排程的貼文未傳送",
    warning_title: "有一則排程的貼文需要處理",
    held_title: "排程的貼文已暫停",
    held_body: "它在 Ferry 關閉期間到期。開啟 Ferry 立即發佈、改期或略過。",
};

impl NativeText {
    pub async fn load(store: &Store) -> &'static NativeText {
        let chosen = AppSettings::load(store)
            .await
            .map(|s| s.locale)
            .unwrap_or_default();
        Self::of(match chosen {
            LocalePreference::System => os_locale(),
            other => other,
        })
    }

    pub fn of(locale: LocalePreference) -> &'static NativeText {
        match locale {
            LocalePreference::ZhHans => &ZH_HANS,
            LocalePreference::ZhHant => &ZH_HANT,
            _ => &EN,
        }
    }
}

/// The OS's first language Ferry's UI is written in (the UI's own `matchLocale` rule).
fn os_locale() -> LocalePreference {
    crate::os_locale::os_languages()
        .into_iter()
        .find_map(|tag| {
            let parts: Vec<String> = tag
                .to_ascii_lowercase()
                .replace('_', "-")
                .split('-')
                .map(str::to_owned)
                .collect();
            match parts.first().map(String::as_str) {
                Some("en") => Some(LocalePreference::En),
                Some("zh") if parts.iter().any(|p| p == "hant") => Some(LocalePreference::ZhHant),
                Some("zh") if parts.iter().any(|p| p == "hans") => Some(LocalePreference::ZhHans),
                Some("zh")
                    if parts
                        .iter()
                        .any(|p| ["tw", "hk", "mo"].contains(&p.as_str())) =>
                {
                    Some(LocalePreference::ZhHant)
                }
                Some("zh") => Some(LocalePreference::ZhHans),
                _ => None,
            }
        })
        .unwrap_or(LocalePreference::En)
}

// 首次啟動歡迎頁的繁體中文文字，併入 zh-Hant.ts；鍵與 welcome.en.ts 一一對應。
import type { welcomeEn } from "./welcome.en";

export const welcomeZhHant: Record<keyof typeof welcomeEn, string> = {
  "welcome.title": "歡迎使用 Ferry 渡",
  "welcome.language": "Ferry 使用哪種介面語言？之後可以在設定中更改。",
  "welcome.private": "你的草稿儲存在這台電腦上：{dir}。在你新增帳號並發佈之前，任何內容都不會離開這台電腦。",
  "welcome.privateNoDir": "你的草稿儲存在這台電腦上。在你新增帳號並發佈之前，任何內容都不會離開這台電腦。",
  "welcome.next": "下一步",
  "welcome.account": "新增你要發佈的第一個帳號（Bluesky、Mastodon、Nostr、Threads 或 Telegram 頻道），或者略過，先開始寫作。帳號儲存在系統鑰匙圈中。",
  "welcome.addAccount": "新增帳號",
  "welcome.skip": "略過",
  "welcome.finishing": "正在開啟編輯器…",
  "welcome.failed": "無法完成：{message}",
};

// 小紅書發佈包交給手機（傳到自己的 Telegram 對話、區域網路頁面的 QR 碼）的繁體中文文字，併入 zh-Hant.ts；鍵與 handoff.en.ts 一一對應。
import type { handoffEn } from "./handoff.en";

export const handoffZhHant: Record<keyof typeof handoffEn, string> = {
  "rednote.telegram.send": "傳送到我的 Telegram",
  "rednote.telegram.sending": "正在傳送…",
  "rednote.telegram.account": "傳送到哪個 Telegram 帳號",
  "rednote.telegram.help": "先傳內文，再把圖片以檔案傳送（1080×1440，不再壓縮），傳到這個帳號的對話：你和自己機器人的私人對話。",
  "rednote.telegram.sent": "已傳送到 {chat}（{count} 則訊息）。",
  "rednote.telegram.chatHint":
    "這裡應是你和自己機器人的私人對話：在 Telegram 中開啟機器人並按「開始」，然後在「帳號」中新增它，對話填你的數字使用者 ID。",
  "rednote.qr.explain": "渡會在你的區域網路上提供這篇筆記 10 分鐘，只供一支手機開啟；手機必須連上同一個 Wi-Fi。",
  "rednote.qr.start": "顯示給手機掃描的 QR 碼",
  "rednote.qr.starting": "正在準備…",
  "rednote.qr.again": "產生新的 QR 碼",
  "rednote.qr.alt": "頁面網址的 QR 碼",
  "rednote.qr.scan": "用手機相機掃描：內文和 {count} 張圖片。",
  "rednote.qr.address": "網址",
  "rednote.qr.timeLeft": "剩餘時間",
  "rednote.qr.stateNone": "已停止提供——請產生新的 QR 碼",
  "rednote.qr.stateWaiting": "正在等待手機…",
  "rednote.qr.stateOpened": "已在手機上開啟 ✓",
  "rednote.qr.stateExpired": "已過期——請產生新的 QR 碼",
  "rednote.qr.stop": "停止",
};

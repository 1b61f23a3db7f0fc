// 小红书发布包交给手机（发到自己的 Telegram 会话、局域网页面的二维码）的简体中文文字，并入 zh-Hans.ts；键与 handoff.en.ts 一一对应。
import type { handoffEn } from "./handoff.en";

export const handoffZhHans: Record<keyof typeof handoffEn, string> = {
  "rednote.telegram.send": "发送到我的 Telegram",
  "rednote.telegram.sending": "正在发送…",
  "rednote.telegram.account": "发送到哪个 Telegram 账号",
  "rednote.telegram.help": "先发正文，再把图片作为文件发送（1080×1440，不再压缩），发到这个账号的会话：你和自己机器人的私聊。",
  "rednote.telegram.sent": "已发送到 {chat}（{count} 条消息）。",
  "rednote.telegram.chatHint":
    "这里应是你和自己机器人的私聊：在 Telegram 中打开机器人并点“开始”，然后在“账号”中添加它，会话填你的数字用户 ID。",
  "rednote.qr.explain": "渡会在你的局域网上提供这篇笔记 10 分钟，只供一部手机打开；手机必须连接同一个 Wi-Fi。",
  "rednote.qr.start": "显示给手机扫描的二维码",
  "rednote.qr.starting": "正在准备…",
  "rednote.qr.again": "生成新的二维码",
  "rednote.qr.alt": "页面地址的二维码",
  "rednote.qr.scan": "用手机相机扫描：正文和 {count} 张图片。",
  "rednote.qr.address": "地址",
  "rednote.qr.timeLeft": "剩余时间",
  "rednote.qr.stateNone": "已停止提供——请生成新的二维码",
  "rednote.qr.stateWaiting": "正在等待手机…",
  "rednote.qr.stateOpened": "已在手机上打开 ✓",
  "rednote.qr.stateExpired": "已过期——请生成新的二维码",
  "rednote.qr.stop": "停止",
};

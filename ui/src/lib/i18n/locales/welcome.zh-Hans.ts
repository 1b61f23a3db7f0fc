// 首次启动欢迎页的简体中文文字，并入 zh-Hans.ts；键与 welcome.en.ts 一一对应。
import type { welcomeEn } from "./welcome.en";

export const welcomeZhHans: Record<keyof typeof welcomeEn, string> = {
  "welcome.title": "欢迎使用 Ferry 渡",
  "welcome.language": "Ferry 使用哪种界面语言？之后可以在设置中更改。",
  "welcome.private": "你的草稿保存在这台电脑上：{dir}。在你添加账号并发布之前，任何内容都不会离开这台电脑。",
  "welcome.privateNoDir": "你的草稿保存在这台电脑上。在你添加账号并发布之前，任何内容都不会离开这台电脑。",
  "welcome.next": "下一步",
  "welcome.account": "添加你要发布的第一个账号（Bluesky、Mastodon、Nostr、Threads 或 Telegram 频道），或者跳过，先开始写作。账号保存在系统钥匙串中。",
  "welcome.addAccount": "添加账号",
  "welcome.skip": "跳过",
  "welcome.finishing": "正在打开编辑器…",
  "welcome.failed": "无法完成：{message}",
};

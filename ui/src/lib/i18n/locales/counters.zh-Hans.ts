// 计数器、各平台预览和小红书发布包的简体中文文字，并入 zh-Hans.ts；键与 counters.en.ts 一一对应。
import type { countersEn } from "./counters.en";

export const countersZhHans: Record<keyof typeof countersEn, string> = {
  "counters.label": "各平台的长度",
  "counters.status": "{network}：{length} / {limit} {unit}",
  "counters.over": "超出 {count}",
  "counters.noteTitle": "标题",
  "counters.failed": "无法计数：{message}",
  "counters.unit.weighted": "加权字符",
  "counters.unit.graphemes": "字符",
  "counters.unit.utf16": "UTF-16 码元",
  "counters.unit.characters": "字符",
  "counters.unit.weiboCharacters": "字",

  "preview.title": "预览",
  "preview.show": "显示预览",
  "preview.hide": "隐藏预览",
  "preview.noTargets": "在“发布到”中选择平台，即可看到各平台的显示效果。",
  "preview.empty": "{language}还没有内容。",
  "preview.thread": "一条放不下：将拆成 {count} 条的串文",
  "preview.overLimit": "超出上限：这部分会被截断或拒绝",
  "preview.linkCounted": "计为 {count}",
  "preview.override": "此平台的专属版本",

  "rednote.kit": "小红书发布包",
  "rednote.noteTitle": "标题",
  "rednote.body": "正文",
  "rednote.topics": "话题",
  "rednote.copy": "复制",
  "rednote.copied": "已复制",
  "rednote.copyFailed": "复制失败：{message}",
  "rednote.noTitle": "还没有标题：第一行写标题，正文写在下面。",
  "rednote.noTopics": "这篇草稿没有话题。",
  "rednote.imagesNote": "小红书图文笔记以 3:4 显示（如 1080×1440），可放 1 到 18 张图。",
  "rednote.noImages": "至少添加一张图片：小红书没有纯文字笔记。",
  "rednote.allThreeByFour": "所有图片都是 3:4。",
  "rednote.notThreeByFour": "不是 3:4，会被裁切：{names}",
};

// 計數器、各平台預覽和小紅書發佈包的繁體中文文字，併入 zh-Hant.ts；鍵與 counters.en.ts 一一對應。
import type { countersEn } from "./counters.en";

export const countersZhHant: Record<keyof typeof countersEn, string> = {
  "counters.label": "各平台的長度",
  "counters.status": "{network}：{length} / {limit} {unit}",
  "counters.over": "超出 {count}",
  "counters.noteTitle": "標題",
  "counters.failed": "無法計數：{message}",
  "counters.unit.weighted": "加權字元",
  "counters.unit.graphemes": "字元",
  "counters.unit.utf16": "UTF-16 碼元",
  "counters.unit.characters": "字元",
  "counters.unit.weiboCharacters": "字",

  "preview.title": "預覽",
  "preview.show": "顯示預覽",
  "preview.hide": "隱藏預覽",
  "preview.noTargets": "在「發佈到」中選擇平台，即可看到各平台的顯示效果。",
  "preview.empty": "{language}還沒有內容。",
  "preview.thread": "一則放不下：將拆成 {count} 則的串文",
  "preview.overLimit": "超出上限：這部分會被截斷或拒絕",
  "preview.linkCounted": "計為 {count}",
  "preview.override": "此平台的專屬版本",

  "rednote.kit": "小紅書發佈包",
  "rednote.noteTitle": "標題",
  "rednote.body": "內文",
  "rednote.topics": "話題",
  "rednote.copy": "複製",
  "rednote.copied": "已複製",
  "rednote.copyFailed": "複製失敗：{message}",
  "rednote.noTitle": "還沒有標題：第一行寫標題，內文寫在下面。",
  "rednote.noTopics": "這篇草稿沒有話題。",
  "rednote.imagesNote": "小紅書圖文筆記以 3:4 顯示（如 1080×1440），可放 1 到 18 張圖。",
  "rednote.noImages": "至少加入一張圖片：小紅書沒有純文字筆記。",
  "rednote.allThreeByFour": "所有圖片都是 3:4。",
  "rednote.notThreeByFour": "不是 3:4，會被裁切：{names}",
};

// 小紅書發佈包裡按小紅書顯示方式（3:4，圍繞焦點裁切或補白）預覽圖片的繁體中文文字，併入 zh-Hant.ts；鍵與 pictures.en.ts 一一對應。
import type { picturesEn } from "./pictures.en";

export const picturesZhHant: Record<keyof typeof picturesEn, string> = {
  "rednote.pictures.title": "圖片在小紅書裡的樣子",
  "rednote.pictures.hint": "在圖片上拖曳或點按，選擇裁成 3:4 時保留的部分；選取焦點後，方向鍵移動它（按住 Shift 移得更遠），Home 鍵回到中心。",
  "rednote.pictures.padNote": "補白會用白邊顯示整張圖片，不用選擇焦點。",
  "rednote.pictures.empty": "小紅書需要 1 到 18 張圖片：至少加入一張，小紅書沒有純文字筆記。",
  "rednote.pictures.leftOut": "另有 {count} 張不會傳送：小紅書最多 18 張圖片。",
  "rednote.pictures.asItIs": "GIF 或 WebP：原樣傳送，不會改成 3:4。",
  "rednote.pictures.alreadyThreeByFour": "已經是 3:4：不會裁掉任何部分。",
  "rednote.pictures.focusAt": "保留橫向 {x}、縱向 {y} 處",
  "rednote.pictures.focusLabel": "第 {number} 張圖片 {name} 的焦點：橫向 {x}，縱向 {y}",
  "rednote.pictures.centre": "置中",
  "rednote.pictures.centreLabel": "以中心裁切 {name}",
  "rednote.pictures.previewAlt": "{name} 的 3:4 效果，與小紅書顯示的一樣",
};

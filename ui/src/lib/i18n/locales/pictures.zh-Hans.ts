// 小红书发布包里按小红书显示方式（3:4，围绕焦点裁切或补白）预览图片的简体中文文字，并入 zh-Hans.ts；键与 pictures.en.ts 一一对应。
import type { picturesEn } from "./pictures.en";

export const picturesZhHans: Record<keyof typeof picturesEn, string> = {
  "rednote.pictures.title": "图片在小红书里的样子",
  "rednote.pictures.hint": "在图片上拖动或点击，选择裁成 3:4 时保留的部分；选中焦点后，方向键移动它（按住 Shift 移得更远），Home 键回到中心。",
  "rednote.pictures.padNote": "补白会用白边显示整张图片，不用选择焦点。",
  "rednote.pictures.empty": "小红书需要 1 到 18 张图片：至少添加一张，小红书没有纯文字笔记。",
  "rednote.pictures.leftOut": "另有 {count} 张不会发送：小红书最多 18 张图片。",
  "rednote.pictures.asItIs": "GIF 或 WebP：原样发送，不会改成 3:4。",
  "rednote.pictures.alreadyThreeByFour": "已经是 3:4：不会裁掉任何部分。",
  "rednote.pictures.focusAt": "保留横向 {x}、纵向 {y} 处",
  "rednote.pictures.focusLabel": "第 {number} 张图片 {name} 的焦点：横向 {x}，纵向 {y}",
  "rednote.pictures.centre": "居中",
  "rednote.pictures.centreLabel": "以中心裁切 {name}",
  "rednote.pictures.previewAlt": "{name} 的 3:4 效果，与小红书显示的一样",
};

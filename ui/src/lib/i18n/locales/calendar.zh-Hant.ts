// 「排程」頁面的檢視切換和週、月日曆的繁體中文文字，併入 zh-Hant.ts；鍵與 calendar.en.ts 一一對應。
import type { calendarEn } from "./calendar.en";

export const calendarZhHant: Record<keyof typeof calendarEn, string> = {
  "schedule.view.label": "顯示為",
  "schedule.view.list": "列表",
  "schedule.view.week": "週",
  "schedule.view.month": "月",
  "schedule.calendar.zone": "時間為{zone}時間（本機）",
  "schedule.calendar.previousWeek": "上一週",
  "schedule.calendar.nextWeek": "下一週",
  "schedule.calendar.thisWeek": "本週",
  "schedule.calendar.previousMonth": "上個月",
  "schedule.calendar.nextMonth": "下個月",
  "schedule.calendar.today": "今天",
  "schedule.calendar.emptyWeek": "本週沒有排程。在撰寫頁面點「排程…」，為每個受眾選一個時間。",
  "schedule.calendar.emptyMonth": "本月沒有排程。在撰寫頁面點「排程…」，為每個受眾選一個時間。",
  "schedule.calendar.more": "還有 {count} 則",
  "schedule.calendar.showWeek": "顯示那一週",
  "schedule.calendar.dragWeek": "拖到另一天或另一個小時，或按 Alt+方向鍵；按 Enter 開啟「改期」。",
  "schedule.calendar.dragMonth": "拖到另一天，或按 Alt+方向鍵（上下：一週）；按 Enter 開啟「改期」。",
  "schedule.calendar.past": "{when} 已經過去：請放到更晚的日期或時間。",
  "schedule.calendar.gapHere": "{zone} 在 {day} 沒有 {time}（時鐘向前跳）：請換一個小時。",
};

// “排程”页面的视图切换和周、月日历的简体中文文字，并入 zh-Hans.ts；键与 calendar.en.ts 一一对应。
import type { calendarEn } from "./calendar.en";

export const calendarZhHans: Record<keyof typeof calendarEn, string> = {
  "schedule.view.label": "显示为",
  "schedule.view.list": "列表",
  "schedule.view.week": "周",
  "schedule.view.month": "月",
  "schedule.calendar.zone": "时间为{zone}时间（本机）",
  "schedule.calendar.previousWeek": "上一周",
  "schedule.calendar.nextWeek": "下一周",
  "schedule.calendar.thisWeek": "本周",
  "schedule.calendar.previousMonth": "上个月",
  "schedule.calendar.nextMonth": "下个月",
  "schedule.calendar.today": "今天",
  "schedule.calendar.emptyWeek": "本周没有排程。在撰写页面点“排程…”，为每个受众选一个时间。",
  "schedule.calendar.emptyMonth": "本月没有排程。在撰写页面点“排程…”，为每个受众选一个时间。",
  "schedule.calendar.more": "还有 {count} 条",
  "schedule.calendar.showWeek": "显示那一周",
  "schedule.calendar.dragWeek": "拖到另一天或另一个小时，或按 Alt+方向键；按 Enter 打开“改期”。",
  "schedule.calendar.dragMonth": "拖到另一天，或按 Alt+方向键（上下：一周）；按 Enter 打开“改期”。",
  "schedule.calendar.past": "{when} 已经过去：请放到更晚的日期或时间。",
  "schedule.calendar.gapHere": "{zone} 在 {day} 没有 {time}（时钟向前跳）：请换一个小时。",
};

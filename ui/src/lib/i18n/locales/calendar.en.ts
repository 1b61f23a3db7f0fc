// English text of the Schedule screen's view switch and its week and month calendars, merged
// into en.ts.
export const calendarEn = {
  "schedule.view.label": "Show as",
  "schedule.view.list": "List",
  "schedule.view.week": "Week",
  "schedule.view.month": "Month",
  "schedule.calendar.zone": "Times in {zone} (this computer)",
  "schedule.calendar.previousWeek": "Previous week",
  "schedule.calendar.nextWeek": "Next week",
  "schedule.calendar.thisWeek": "This week",
  "schedule.calendar.previousMonth": "Previous month",
  "schedule.calendar.nextMonth": "Next month",
  "schedule.calendar.today": "Today",
  "schedule.calendar.emptyWeek": "Nothing scheduled this week. In the composer, “Schedule…” picks a time for each audience.",
  "schedule.calendar.emptyMonth": "Nothing scheduled this month. In the composer, “Schedule…” picks a time for each audience.",
  "schedule.calendar.more": "+{count} more",
  "schedule.calendar.showWeek": "Show that week",
  "schedule.calendar.dragWeek": "Drag to another day or hour, or press Alt+arrow keys; Enter opens Reschedule.",
  "schedule.calendar.dragMonth": "Drag to another day, or press Alt+arrow keys (up and down: a week); Enter opens Reschedule.",
  "schedule.calendar.past": "{when} is already over: drop it on a later day or hour.",
  "schedule.calendar.gapHere": "{time} does not exist in {zone} on {day} (clocks jump forward): pick another hour.",
} as const;

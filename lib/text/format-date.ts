/** Dates as a person reads them ("3 Dec 2026"), the same on the server and in every browser (UTC). */
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DAY_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export const formatDay = (date: Date | string) => DAY.format(new Date(date));
export const formatDayTime = (date: Date | string) => DAY_TIME.format(new Date(date));

/** "2:05 PM" (or "14:05", by locale) for today, "3 Mar, 14:05" for another day of this year, with the year otherwise. */
export function formatMoment(at: number | Date, now: number | Date, locale?: string): string {
  const moment = new Date(at);
  const today = new Date(now);
  const sameDay = moment.toDateString() === today.toDateString();
  const time: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
  if (sameDay) return new Intl.DateTimeFormat(locale, time).format(moment);
  const sameYear = moment.getFullYear() === today.getFullYear();
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }), ...time }).format(moment);
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago", then the date itself. */
export function formatAgo(at: number | Date, now: number | Date, locale?: string): string {
  const seconds = Math.round((new Date(now).getTime() - new Date(at).getTime()) / 1000);
  if (seconds < 45) return "just now";
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, "hour");
  const days = Math.round(hours / 24);
  if (days < 7) return relative.format(-days, "day");
  return formatMoment(at, now, locale);
}

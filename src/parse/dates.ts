// Dates, in one place: every date or time a dump prints becomes ISO 8601 with an offset here.
// Wall-clock times without a zone are read in the configured site timezone and keep the time shown.
import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Month names and abbreviations as news sites print them, English. */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/** True when the parts name a real calendar day and time (no 31 February, no 25:00). */
export function isValidWallClock(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59) {
    return false;
  }
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return w.day <= daysInMonth && w.year >= 1800 && w.year <= 2200;
}

/** 12-hour clock to 24-hour: `to24(12, "AM") === 0`. */
export function to24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = /^p/i.test(meridiem);
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * The wall-clock time in `zone` (an IANA name, or a fixed offset like "+01:00"), as ISO 8601 with
 * that zone's offset on that day: `toIso({2020,9,28,3,35}, "America/New_York")` is
 * `2020-09-28T03:35:00-04:00`.
 */
export function toIso(w: WallClock, zone: string): string {
  const local = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second ?? 0)}`;
  if (/^[+-]\d{2}:\d{2}$/.test(zone)) return `${local}${zone}`;
  if (zone === "UTC" || zone === "Z") return `${local}Z`;
  const offset = dayjs.tz(local, zone).format("Z");
  return `${local}${offset}`;
}

/** The `YYYY-MM-DD` day of an ISO string, as printed (the wall-clock day, not UTC). */
export function isoDay(iso: string): string {
  return iso.slice(0, 10);
}

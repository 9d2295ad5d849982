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

/**
 * A VOA article dateline without its "Updated" prefix, `September 28, 2020 03:35 AM` (month name
 * or abbreviation, day, year, 12-hour clock), as wall-clock parts; null when it is not one or names
 * no real day and time.
 */
export function parseVoaDateline(text: string): WallClock | null {
  const m = /^([A-Za-z]+)\.? (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}) ([AP]M)$/i.exec(text);
  if (!m) return null;
  const [, monthName = "", day = "", year = "", hour = "", minute = "", meridiem = ""] = m;
  const month = MONTHS[monthName.toLowerCase()];
  return month === undefined ? null : twelveHourClock(Number(year), month, Number(day), Number(hour), Number(minute), meridiem);
}

/**
 * The date on a VOA "Related Stories" card, `Wed, 09/23/2020 - 06:13 PM` (weekday, US
 * month/day/year, 12-hour clock), as wall-clock parts; null when it is not one or names no real
 * day and time. The weekday is not checked: the numeric date is what the page means.
 */
export function parseVoaTeaserDate(text: string): WallClock | null {
  const m = /^[A-Za-z]{3}, (\d{1,2})\/(\d{1,2})\/(\d{4}) - (\d{1,2}):(\d{2}) ([AP]M)$/i.exec(text);
  if (!m) return null;
  const [, month = "", day = "", year = "", hour = "", minute = "", meridiem = ""] = m;
  return twelveHourClock(Number(year), Number(month), Number(day), Number(hour), Number(minute), meridiem);
}

/** Wall-clock parts from a 12-hour time; null for hours outside 1–12 or a day that does not exist. */
function twelveHourClock(year: number, month: number, day: number, hour: number, minute: number, meridiem: string): WallClock | null {
  if (hour < 1 || hour > 12) return null;
  const wall: WallClock = { year, month, day, hour: to24(hour, meridiem), minute };
  return isValidWallClock(wall) ? wall : null;
}

// Dates printed in whole-page text (the generic extractor): datelines as news sites print them,
// found anywhere in a line, with the clock time and zone printed next to them.

/**
 * Month names in other languages the dev corpus prints (page-text-dev: German comwrap "30. Juli
 * 2018", Portuguese autoracing "22 de outubro de 2010", Indonesian kabarislamia "Maret 30, 2015",
 * Italian remember8090 "02 Ago 2017", Russian wday.ru "24 сентября 2018"), plus French, Spanish and
 * Dutch since they cost one line each. Russian in the genitive, as dates print it.
 */
export const MONTHS_OTHER_LANGUAGES: Readonly<Record<string, number>> = {
  // German
  januar: 1, jänner: 1, februar: 2, märz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12, okt: 10, dez: 12,
  // French
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10,
  novembre: 11, décembre: 12, decembre: 12,
  // Spanish, Italian, Portuguese
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9,
  octubre: 10, noviembre: 11, diciembre: 12, gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7,
  settembre: 9, ottobre: 10, dicembre: 12, janeiro: 1, fevereiro: 2, março: 3, maio: 5, junho: 6, julho: 7,
  setembro: 9, outubro: 10, novembro: 11, dezembro: 12, gen: 1, ene: 1, abr: 4, mag: 5, giu: 6, lug: 7, ago: 8,
  set: 9, ott: 10, out: 10, dic: 12, dez_: 12,
  // Dutch, Indonesian
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8, maret: 3, agustus: 8, desember: 12, juni_: 6,
  // Russian (genitive)
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10,
  ноября: 11, декабря: 12,
};

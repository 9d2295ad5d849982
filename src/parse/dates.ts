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

/**
 * The earliest year read as a date. Digitised newspapers go back to the 1600s (the first English
 * weeklies); the Gregorian calendar is assumed throughout.
 */
export const EARLIEST_YEAR = 1600;

/** True when the parts name a real calendar day and time (no 31 February, no 25:00). */
export function isValidWallClock(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59) {
    return false;
  }
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return w.day <= daysInMonth && w.year >= EARLIEST_YEAR && w.year <= 2200;
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
  return `${local}${zoneOffset(w, zone) ?? roundedOffset(w, local, zone)}`;
}

/**
 * The offset of a wall clock in a zone whose offset that day is not in whole minutes (local mean
 * time before standard zones: New York -04:56:02 until 18 November 1883), rounded to the minute:
 * ISO 8601 and RFC 3339 offsets have no seconds. The time printed is kept; the instant moves by
 * under 30 seconds. dayjs finds the instant; its own `utcOffset()` misreads offsets under 16
 * minutes as hours (London's -00:01:15 became -01:15), so the offset is taken from the instant.
 */
function roundedOffset(w: WallClock, local: string, zone: string): string {
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
  const minutes = Math.round((wall - dayjs.tz(local, zone).valueOf()) / 60_000);
  if (minutes === 0) return "+00:00";
  return `${minutes > 0 ? "+" : "-"}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

// The offset of a wall-clock time in an IANA zone, as `dayjs.tz(local, zone).format("Z")` gives it
// but without building dayjs objects or formatting dates per call: a profiled ingest spent three
// quarters of its date work (1.0 s of 1.3 s) in dayjs's timezone plugin, 18 µs a call. The steps
// are dayjs's own (its `fixOffset`) and gave the same result as dayjs around every clock change of
// every zone, 1800–2200, with one deliberate difference: dayjs starts from the zone's offset
// *now*, so a time in a repeated hour read as summer or winter time depending on the day of the
// build; here it starts from a fixed guess (see `zoneOffset`).

/** One formatter per zone, with dayjs's options: creating one costs far more than formatting. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset in minutes at instant `ts`, computed exactly as dayjs's `tzOffset` does. */
function intlOffset(ts: number, zone: string): number {
  let format = zoneFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      hour12: false, timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short",
    });
    zoneFormats.set(zone, format);
  }
  const filled = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of format.formatToParts(new Date(ts))) {
    if (type in filled) filled[type as keyof typeof filled] = parseInt(value, 10);
  }
  // Midnight prints as hour 24 with `hour12: false` (nodejs/node#33027); dayjs reads it as 0.
  const hour = filled.hour === 24 ? 0 : filled.hour;
  const asUtc = Date.UTC(filled.year, filled.month - 1, filled.day, hour, filled.minute, filled.second);
  return (asUtc - (ts - (ts % 1000))) / 60_000;
}

const DAY_MS = 86_400_000;

/**
 * Offsets by zone and UTC day (days since 1970), for days with one whole-minute offset throughout;
 * null for a day with a clock change or an offset in seconds (local mean time before standard
 * time), which are read from the formatter instant by instant. A day counts as constant when its first and last second agree: no zone
 * changes its clock and back within a day (the closest two changes in the tz database, 1800–2200,
 * are 95 hours apart, Africa/Freetown 1939), so equal ends mean no change between them.
 */
const offsetsByDay = new Map<string, Map<number, number | null>>();

/** The zone's offset at instant `ts` (whole seconds) from the day table, or null for a day it does not hold. */
function dayOffset(ts: number, zone: string): number | null {
  let days = offsetsByDay.get(zone);
  if (days === undefined) {
    days = new Map();
    offsetsByDay.set(zone, days);
  }
  const day = Math.floor(ts / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = intlOffset(day * DAY_MS, zone);
    const last = intlOffset(day * DAY_MS + DAY_MS - 1000, zone);
    offset = first === last && Number.isInteger(first) ? first : null;
    days.set(day, offset);
  }
  return offset;
}

/** The zone's offset at instant `ts` in minutes, from the day table when the day has one. */
const offsetAt = (ts: number, zone: string): number => dayOffset(ts, zone) ?? intlOffset(ts, zone);

/**
 * The offset of an ordinary wall clock (whole-minute offsets), or null to leave the odd cases
 * (seconds past 59, offsets in seconds) to dayjs. dayjs's own steps, from a fixed first guess: the
 * zone's offset at the instant whose UTC clock shows the same time. dayjs starts from the offset
 * *now*, which made a time in the hour a clock change repeats read as summer or winter time
 * depending on the day the build ran; here it reads as its first occurrence, every time.
 */
function zoneOffset(w: WallClock, zone: string): string | null {
  const second = w.second ?? 0;
  const parts = [w.year, w.month, w.day, w.hour, w.minute, second];
  if (!parts.every(Number.isInteger) || w.year < 1000 || w.year > 9999 || w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31) return null;
  if (w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59 || second < 0 || second > 59) return null;
  const localTs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, second);
  // The instant is within 14 h before and 12 h after `localTs` (offsets run from -12 to +14). If
  // a clock change is near, the offsets on either side of it are read, and the larger is the guess:
  // in a repeated hour that is the earlier instant. Changes are days apart, so at most one is near.
  const guess = Math.max(offsetAt(localTs - 17 * 3_600_000, zone), offsetAt(localTs + 15 * 3_600_000, zone));
  // dayjs's fixOffset: try the guess; if the zone disagrees, try its answer; if that disagrees
  // too, the time falls in a skipped hour and the later (larger) offset is taken.
  let utcGuess = localTs - guess * 60_000;
  const o2 = offsetAt(utcGuess, zone);
  let offset = o2;
  if (o2 !== guess) {
    utcGuess -= (o2 - guess) * 60_000;
    const o3 = offsetAt(utcGuess, zone);
    offset = o2 === o3 ? o2 : Math.max(o2, o3);
  }
  return Number.isInteger(offset) && Number.isInteger(guess) ? formatOffset(offset) : null;
}

/** An offset in minutes as dayjs's "Z" prints it, including its reading of |offset| <= 16 as hours. */
function formatOffset(offset: number): string {
  if (offset === 0) return "+00:00";
  const minutes = Math.abs(offset) <= 16 ? offset * 60 : offset;
  const abs = Math.abs(minutes);
  return `${minutes >= 0 ? "+" : "-"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
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
  set: 9, ott: 10, out: 10, dic: 12,
  // Dutch, Indonesian
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8, maret: 3, agustus: 8, desember: 12,
  // Russian (genitive)
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10,
  ноября: 11, декабря: 12,
};

/**
 * Zone abbreviations printed after a clock time, to an IANA zone (so daylight saving follows the
 * day) or a fixed offset. US ones from CNBC "4:29 AM EST", WSJ "8:03 am ET", AppleInsider "04:05 pm
 * PT"; GMT/BST from the Guardian and BBC, "UK" from Sky News "11:42, UK"; IST is India's (Moneycontrol
 * "01:41 PM IST"), not Ireland's or Israel's.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  GMT: "+00:00", UTC: "+00:00", Z: "+00:00", UK: "Europe/London", BST: "+01:00", WET: "+00:00", WEST: "+01:00",
  CET: "+01:00", CEST: "+02:00", MEZ: "+01:00", MESZ: "+02:00", EET: "+02:00", EEST: "+03:00", MSK: "+03:00",
  IST: "+05:30", WIB: "+07:00", JST: "+09:00", KST: "+09:00", AEST: "+10:00", AEDT: "+11:00",
  ET: "America/New_York", EST: "-05:00", EDT: "-04:00", CT: "America/Chicago", CST: "-06:00", CDT: "-05:00",
  MT: "America/Denver", MST: "-07:00", MDT: "-06:00", PT: "America/Los_Angeles", PST: "-08:00", PDT: "-07:00",
};

/** Words before a date that mark it as the time of an update, not of publication ("Updated Nov. 19"). */
const UPDATED_MARKERS = /\b(?:updated|last modified|last updated|modified|aktualisiert|atualizado|actualizado|mis à jour|aggiornato)\b/iu;

/** How the day of a dateline is written; `dayFirst` decides `05/10/2018` (set from the page's language). */
export interface DateFormat {
  name: string;
  /** A date as a page printed it, read by this format (checked by the tests). */
  example: string;
  /** Named groups: year, and month or monthName, and day (or first/second for slashed dates). */
  pattern: RegExp;
}

// Edges so that "2019" in "12019" or "Nov" in "Novel" do not match.
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const MONTH_NAME = "(?<monthName>\\p{L}{3,10})\\.?";
const ORDINAL = "(?:st|nd|rd|th|\\.)?";

/** Date formats in the order they are tried; a span taken by one is not read again by a later one. */
export const DATE_FORMATS: readonly DateFormat[] = [
  // ISO, with the clock and offset when machine-printed: Live Science "2019-11-19T12:48:14Z",
  // Business Insider "2019-11-13T23:06:00+01:00", Entermedia "2018-08-25 15:24", Japanese blogs "2018-08-16".
  { name: "iso", example: "2019-11-19T12:48:14Z", pattern: new RegExp(`${B}(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?:T(?<isoTime>\\d{2}:\\d{2}(?::\\d{2})?)(?:\\.\\d+)?(?<isoOffset>Z|[+-]\\d{2}:?\\d{2})?)?${E}`, "gu") },
  // CJK: "2013年04月09日", Korean "2018년 8월 25일".
  { name: "cjk", example: "2013年04月09日", pattern: /(?<year>\d{4})\s?[年년]\s?(?<month>\d{1,2})\s?[月월]\s?(?<day>\d{1,2})\s?[日일]/gu },
  // Month first: "November 18, 2019", "Nov. 19, 2019", "Nov 20 2019", "November 20th, 2019", "Maret 30, 2015".
  { name: "month-day-year", example: "November 20th, 2019", pattern: new RegExp(`${B}${MONTH_NAME} (?<day>\\d{1,2})${ORDINAL},? (?<year>\\d{4})${E}`, "gu") },
  // Day first: "19 November 2019", "20th November 2019", "25. September 2018", "22 de outubro de 2010", "24 сентября 2018".
  { name: "day-month-year", example: "22 de outubro de 2010", pattern: new RegExp(`${B}(?<day>\\d{1,2})${ORDINAL} (?:de )?${MONTH_NAME},? (?:de )?(?<year>\\d{4})${E}`, "gu") },
  // Year first with dots or slashes: Japanese "2016.12.01".
  { name: "year-month-day", example: "2016.12.01", pattern: new RegExp(`${B}(?<year>\\d{4})[./](?<month>\\d{1,2})[./](?<day>\\d{1,2})${E}`, "gu") },
  // Day first with dots: Business Insider Deutschland "13.11.2019", Sputnik "18.11.2019", wday.ru "05.10.18".
  { name: "day.month.year", example: "13.11.2019", pattern: new RegExp(`${B}(?<day>\\d{1,2})\\.(?<month>\\d{1,2})\\.(?<year>\\d{4}|\\d{2})${E}`, "gu") },
  // Slashes: US month first (The Hill "11/19/19", Gizmodo "11/13/19"), else day first (MoreBikes "21/06/2014").
  { name: "slashed", example: "11/19/19", pattern: new RegExp(`${B}(?<first>\\d{1,2})/(?<second>\\d{1,2})/(?<year>\\d{4}|\\d{2})${E}`, "gu") },
];

/**
 * Dates printed without a year, tried after `DATE_FORMATS` on datelines only (the year then comes
 * from elsewhere on the page): cleveland.com and nj.com "Updated Nov 19, 6:55 AM; Posted Nov 19,
 * 6:51 AM". A month name followed by a year is a full date, never one of these.
 */
export const YEARLESS_FORMATS: readonly DateFormat[] = [
  { name: "month-day", example: "Nov 19, 6:51 AM", pattern: new RegExp(`${B}${MONTH_NAME} (?<day>\\d{1,2})${ORDINAL}${E}(?!\\.?,? ?(?:de )?\\d{4})`, "gu") },
  { name: "day-month", example: "19 November, 06:51", pattern: new RegExp(`${B}(?<day>\\d{1,2})${ORDINAL} (?:de )?${MONTH_NAME}${E}(?!\\.?,? ?(?:de )?\\d{4})`, "gu") },
];

/**
 * Clock times: "8:59 pm", "4:10pm", "11:08 a.m.", "07:47 PM EST", "19:14 GMT", "14:53 GMT +3", "23:06 +0100", and
 * the Guardian's "18.54 GMT" (a dotted time only counts with a meridiem or zone after it).
 */
const TIME = new RegExp(
  `(?<![\\p{N}:.])(?<hour>\\d{1,2})(?<sep>[:.])(?<minute>\\d{2})(?::(?<second>\\d{2}))?(?![\\p{N}])` +
    `(?:\\s?(?<meridiem>[ap]\\.?m\\.?)(?![\\p{L}]))?` +
    `(?:,?\\s?(?<zone>${Object.keys(ZONE_ABBREVIATIONS).join("|")})(?![\\p{L}])(?:\\s?(?<shift>[+-]\\d{1,2})(?::?(?<shiftMinutes>\\d{2}))?(?![\\p{N}]))?|\\s?(?<offset>[+-](?:0\\d|1[0-4]):?[0-5]\\d)(?![\\p{N}]))?`,
  "giu",
);

/** A date found in a line of text. */
export interface PrintedDate {
  wall: WallClock;
  /** Whether a clock time was printed with it (else the wall clock is midnight). */
  hasTime: boolean;
  /** The printed zone as an IANA name or offset; null when none was printed. */
  zone: string | null;
  /** Printed after an "Updated" marker. */
  updated: boolean;
  /** Name of the `DATE_FORMATS` entry that read it. */
  format: string;
  /** Where the date starts in the line (once dates run into words are spaced, see `GLUES`). */
  index: number;
}

interface Span {
  start: number;
  end: number;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS_OTHER_LANGUAGES[key];
}

function dayOf(groups: Record<string, string | undefined>, dayFirst: boolean): { year: number | null; month: number; day: number } | null {
  const year = groups.year === undefined ? null : fullYear(groups.year);
  if (groups.monthName !== undefined) {
    const month = monthNumber(groups.monthName);
    return month === undefined ? null : { year, month, day: Number(groups.day) };
  }
  if (groups.first !== undefined && groups.second !== undefined) {
    const first = Number(groups.first);
    const second = Number(groups.second);
    const monthFirst = dayFirst ? second > 12 : first <= 12;
    return monthFirst ? { year, month: first, day: second } : { year, month: second, day: first };
  }
  return { year, month: Number(groups.month), day: Number(groups.day) };
}

function zoneFrom(zone: string | undefined, shift: string | undefined, shiftMinutes: string | undefined): string | null {
  if (zone === undefined) return null;
  if (shift !== undefined) {
    const hours = Number(shift);
    const sign = hours < 0 ? "-" : "+";
    return `${sign}${pad(Math.abs(hours))}:${shiftMinutes ?? "00"}`;
  }
  return ZONE_ABBREVIATIONS[zone.toUpperCase()] ?? null;
}

interface Clock {
  span: Span;
  hour: number;
  minute: number;
  second: number;
  zone: string | null;
}

function clocksIn(line: string, taken: readonly Span[]): Clock[] {
  const clocks: Clock[] = [];
  for (const m of line.matchAll(TIME)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some((s) => start < s.end && end > s.start)) continue;
    if (g.sep === "." && g.meridiem === undefined && g.zone === undefined) continue;
    const hour = Number(g.hour);
    if (g.meridiem !== undefined && (hour < 1 || hour > 12)) continue;
    clocks.push({
      span: { start, end },
      hour: to24(hour, g.meridiem),
      minute: Number(g.minute),
      second: Number(g.second ?? 0),
      zone: g.offset === undefined ? zoneFrom(g.zone, g.shift, g.shiftMinutes) : `${g.offset.slice(0, 3)}:${g.offset.slice(-2)}`,
    });
  }
  return clocks;
}

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** A date as a format read it, before its clock time is attached; `year` is null for a yearless format. */
interface FoundDay {
  span: Span;
  day: { year: number | null; month: number; day: number };
  iso: Clock | null;
  format: string;
}

const HAS_DIGIT = /[0-9]/;

/**
 * Where a page's visible text runs a date into the words around it (the elements had no space
 * between them in the layout), a space is put back: CNBC "NOV 20 20194:29 AM EST" (year and time),
 * Gizmodo "Adam Clark Estes11/13/19" (name and date), Sputnik "18.11.2019Get short URL", CNBC
 * "4:29 AM ESTUPDATED" (zone and label).
 */
const GLUES: readonly [RegExp, string][] = [
  [/(\p{L}{3,10}\.? \d{1,2},? (?:19|20)\d{2})(?=\d{1,2}:\d{2})/gu, "$1 "],
  [/(?<=\p{L})(?=\d{1,2}([/.])\d{1,2}\1\d{2,4}(?!\d))/gu, " "],
  [/(?<=\d)(?=\p{Lu}\p{Ll})/gu, " "],
  [/(?<=\d\s?[AP]M\s?)([ECMP][SD]?T|GMT|UTC|BST)(?=\p{Lu}{3})/gu, "$1 "],
];

function unglued(line: string): string {
  let out = line;
  for (const [pattern, space] of GLUES) out = out.replace(pattern, space);
  return out;
}

/** A leap year, so that a yearless 29 February is kept until its real year is known. */
const ANY_YEAR = 2000;

/**
 * The dates `formats` read in a line, each with the clock time printed nearest to it (a time goes to
 * the closest date) and that time's zone, and whether an "Updated" marker precedes it.
 */
function readDates(raw: string, formats: readonly DateFormat[], dayFirst: boolean): (Omit<PrintedDate, "wall"> & { found: FoundDay; clock: Clock | null })[] {
  // Every format and clock time has an ASCII digit in it, and most lines of a page have none:
  // one scan instead of a dozen regular expressions that cannot match.
  if (!HAS_DIGIT.test(raw)) return [];
  const line = unglued(raw);
  const found: FoundDay[] = [];
  for (const format of formats) {
    for (const m of line.matchAll(format.pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (found.some((f) => span.start < f.span.end && span.end > f.span.start)) continue;
      const g = m.groups ?? {};
      const day = dayOf(g, dayFirst);
      if (day === null || !isValidWallClock({ ...day, year: day.year ?? ANY_YEAR, hour: 0, minute: 0 })) continue;
      const [hour = "0", minute = "0", second = "0"] = (g.isoTime ?? "").split(":");
      const iso: Clock | null =
        g.isoTime === undefined
          ? null
          : { span, hour: Number(hour), minute: Number(minute), second: Number(second), zone: g.isoOffset === undefined ? null : g.isoOffset === "Z" ? "+00:00" : `${g.isoOffset.slice(0, 3)}:${g.isoOffset.slice(-2)}` };
      found.push({ span, day, iso, format: format.name });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  const clocks = clocksIn(line, found.map((f) => f.span));
  const nearest = new Map<number, Clock>();
  for (const clock of clocks) {
    let best = -1;
    for (let i = 0; i < found.length; i++) {
      const f = found[i];
      const b = best >= 0 ? found[best] : undefined;
      if (f !== undefined && f.iso === null && (b === undefined || distance(clock.span, f.span) < distance(clock.span, b.span))) best = i;
    }
    const owner = found[best];
    const held = nearest.get(best);
    if (owner !== undefined && (held === undefined || distance(clock.span, owner.span) < distance(held.span, owner.span))) nearest.set(best, clock);
  }
  return found.map((f, i) => {
    const clock = f.iso ?? nearest.get(i) ?? null;
    const before = line.slice(i > 0 ? (found[i - 1]?.span.end ?? 0) : 0, f.span.start);
    return { found: f, clock, hasTime: clock !== null, zone: clock?.zone ?? null, updated: UPDATED_MARKERS.test(before), format: f.format, index: f.span.start };
  });
}

/** The wall clock of a read date in `year`; null when that day or time does not exist. */
function wallOf(day: { month: number; day: number }, year: number, clock: Clock | null): WallClock | null {
  const wall: WallClock = { year, month: day.month, day: day.day, hour: clock?.hour ?? 0, minute: clock?.minute ?? 0, second: clock?.second ?? 0 };
  return isValidWallClock(wall) ? wall : null;
}

/**
 * Every real date printed in a line, in reading order, each with the clock time printed nearest to
 * it (a time goes to the closest date) and that time's zone. `dayFirst` reads `05/10/2018` as
 * 5 October (pages not in English); month-first otherwise, unless the first number exceeds 12.
 */
export function findPrintedDates(line: string, dayFirst: boolean): PrintedDate[] {
  return readDates(line, DATE_FORMATS, dayFirst).flatMap(({ found, clock, ...rest }): PrintedDate[] => {
    const wall = found.day.year === null ? null : wallOf(found.day, found.day.year, clock);
    return wall === null ? [] : [{ wall, ...rest }];
  });
}

/** A date printed without its year (`YEARLESS_FORMATS`); `inYear` completes it once the year is known. */
export interface YearlessDate extends Omit<PrintedDate, "wall"> {
  month: number;
  day: number;
  /** The date in `year`, or null when that day does not exist then (29 February). */
  inYear: (year: number) => PrintedDate | null;
}

/**
 * Dates printed without a year in a line ("Posted Nov 19, 6:51 AM"), with their clock times, in
 * reading order. Full dates in the line are not returned: `findPrintedDates` reads those.
 */
export function findYearlessDates(line: string, dayFirst: boolean): YearlessDate[] {
  return readDates(line, [...DATE_FORMATS, ...YEARLESS_FORMATS], dayFirst).flatMap(({ found, clock, ...rest }): YearlessDate[] => {
    if (found.day.year !== null) return [];
    const inYear = (year: number): PrintedDate | null => {
      const wall = wallOf(found.day, year, clock);
      return wall === null ? null : { wall, ...rest };
    };
    return [{ month: found.day.month, day: found.day.day, inYear, ...rest }];
  });
}

/** A line that is only a clock time ("5:50 PM", "18.54 GMT"): LA Times prints it under the date. */
export function clockLine(line: string): { hour: number; minute: number; second: number; zone: string | null } | null {
  const clocks = clocksIn(line.trim(), []);
  const only = clocks.length === 1 ? clocks[0] : undefined;
  if (only === undefined || only.span.start !== 0 || only.span.end !== line.trim().length) return null;
  return { hour: only.hour, minute: only.minute, second: only.second, zone: only.zone };
}

/**
 * Datelines that give the time relative to when the page was saved, so no day can be read from
 * them: Gizmodo "Monday 5:30PM", MSN "1 day ago", TechCrunch "2 days ago", "Yesterday at 10:04".
 */
const RELATIVE_DATELINES: readonly RegExp[] = [
  /^(?:updated |posted |published )?(?:\d+|an?|one) (?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s? ago$/iu,
  /^(?:updated |posted |published )?(?:today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:,? (?:at )?\d{1,2}[:.]\d{2} ?(?:[ap]\.?m\.?)?)?$/iu,
  /^(?:vor \d+ (?:minuten|stunden|tagen)|il y a \d+ (?:minutes?|heures?|jours?)|hace \d+ (?:minutos?|horas?|días?)|há \d+ (?:minutos?|horas?|dias?))$/iu,
];

/** True for a dateline that only says how long ago ("1 day ago", "Monday 5:30PM"). */
export function isRelativeDateline(line: string): boolean {
  const text = line.trim();
  return text.length <= 40 && RELATIVE_DATELINES.some((p) => p.test(text));
}

/**
 * The year of a copyright notice ("© 2019 Cleveland.com", "Copyright © 2019, Los Angeles Times",
 * "© 2012–2019 …": the last year of a range), or null. A page's copyright year is the year it was
 * served, so it dates an article only weakly.
 */
export function copyrightYear(line: string): number | null {
  const m = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*[-–]\s*)?((?:19|20)\d{2})(?!\d)/iu.exec(line);
  return m === null ? null : Number(m[1]);
}

/** A publication date read from a printed string: its day as printed, and its time when one is printed. */
export interface ReadDate {
  /** `YYYY-MM-DD`, the day as printed (wall clock). */
  date: string;
  /** ISO 8601 with the printed zone's offset, else `timezone`'s; null when no time is printed. */
  published: string | null;
  /** The zone printed with the time (an IANA name or an offset), or null. */
  zone: string | null;
}

/**
 * The publication date of a printed date string ("Nov. 19, 2019 5:50 PM PT", "19 November 2019",
 * "2019-11-19 17:50", "5/25/18", "Updated Nov 19, 2019 …; Original Nov 18, 2019 …"): the first
 * date not marked "Updated" (else the first), its time in the printed zone, else in `timezone`
 * (default UTC). `dayFirst` reads "05/10/2018" as 5 October. Null when no full date is printed.
 * Pure; for any parser that meets a dateline (the page-text extractor, HTML `<time>` text).
 */
export function parsePrintedDate(text: string, options: { timezone?: string; dayFirst?: boolean } = {}): ReadDate | null {
  const dates = findPrintedDates(text, options.dayFirst ?? false);
  const first = dates.find((d) => !d.updated) ?? dates[0];
  if (first === undefined) return null;
  const iso = toIso(first.wall, first.zone ?? options.timezone ?? "UTC");
  return { date: isoDay(iso), published: first.hasTime ? iso : null, zone: first.zone };
}

/** The archive day in a file name: "2019/11/20/story.txt", "2019-11-20-story.txt", "20191120.txt". */
const FILE_NAME_DAY = /(?<!\d)(\d{4})[-/_.]?(\d{2})[-/_.]?(\d{2})(?!\d)/u;

export function dayFromFileName(fileName: string): string | null {
  const m = FILE_NAME_DAY.exec(fileName);
  if (m === null) return null;
  const [, y = "", mo = "", d = ""] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const valid = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d);
  return valid && Number(y) >= EARLIEST_YEAR ? `${y}-${mo}-${d}` : null;
}

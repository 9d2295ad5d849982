// Wall-clock times to ISO 8601: the offset is the zone's on that day, and a build gives the same
// answer whatever day it runs (a regression: the offset of a time in the hour a clock change
// repeats used to follow the season the build ran in).
import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { toIso } from "../src/parse/dates.ts";

const at = (year: number, month: number, day: number, hour: number, minute: number) => ({ year, month, day, hour, minute });

test("ordinary times take the zone's offset of their own day", () => {
  assert.equal(toIso(at(2020, 9, 28, 3, 35), "America/New_York"), "2020-09-28T03:35:00-04:00");
  assert.equal(toIso(at(2020, 1, 15, 12, 0), "America/New_York"), "2020-01-15T12:00:00-05:00");
  assert.equal(toIso(at(2021, 7, 1, 9, 30), "Asia/Kolkata"), "2021-07-01T09:30:00+05:30");
  assert.equal(toIso(at(2021, 7, 1, 9, 30), "+02:00"), "2021-07-01T09:30:00+02:00");
});

test("times around a clock change read the same whether the build runs in summer or winter", () => {
  const cases = [
    at(2020, 11, 1, 1, 30), // New York repeats 1:00-2:00 (EDT, then EST)
    at(2020, 3, 8, 2, 30), // New York skips 2:00-3:00
    at(2020, 11, 1, 0, 59),
    at(2020, 11, 1, 2, 0),
  ];
  const read = (now: number): string[] => {
    mock.timers.enable({ apis: ["Date"], now });
    try {
      return cases.map((w) => toIso(w, "America/New_York"));
    } finally {
      mock.timers.reset();
    }
  };
  const summer = read(Date.UTC(2026, 6, 1));
  const winter = read(Date.UTC(2026, 0, 15));
  assert.deepEqual(summer, winter);
  assert.equal(summer[0], "2020-11-01T01:30:00-04:00", "a repeated time is its first occurrence");
  assert.equal(summer[2], "2020-11-01T00:59:00-04:00");
  assert.equal(summer[3], "2020-11-01T02:00:00-05:00");
  // East of UTC too: Auckland repeats 2:00-3:00 on 5 April 2020 (+13, then +12).
  assert.equal(toIso(at(2020, 4, 5, 2, 30), "Pacific/Auckland"), "2020-04-05T02:30:00+13:00");
  assert.equal(toIso(at(2020, 4, 5, 3, 30), "Pacific/Auckland"), "2020-04-05T03:30:00+12:00");
  assert.equal(toIso(at(2020, 10, 25, 2, 30), "Europe/Berlin"), "2020-10-25T02:30:00+02:00");
});

test("regression: local mean time before standard zones gives a whole-minute offset, not -04:56.0333 (issue 11)", () => {
  const at = (year: number, month: number, day: number, hour: number, zone: string): string => toIso({ year, month, day, hour, minute: 35 }, zone);
  // New York -4:56:02 until noon on 18 November 1883; London -0:01:15 until 1847 (dayjs read it as -1:15).
  assert.equal(at(1850, 6, 1, 3, "America/New_York"), "1850-06-01T03:35:00-04:56");
  assert.equal(at(1883, 11, 18, 11, "America/New_York"), "1883-11-18T11:35:00-04:56");
  assert.equal(at(1883, 11, 18, 13, "America/New_York"), "1883-11-18T13:35:00-05:00");
  assert.equal(at(1800, 6, 1, 12, "Europe/London"), "1800-06-01T12:35:00-00:01");
  assert.equal(at(1770, 6, 1, 12, "Asia/Kolkata"), "1770-06-01T12:35:00+05:53");
  for (const iso of [at(1770, 1, 1, 0, "Europe/Paris"), at(1880, 1, 1, 0, "Europe/Amsterdam"), at(1900, 1, 1, 0, "Asia/Kolkata")]) {
    assert.match(iso, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  }
});

// A month as a calendar table (weeks from Monday), days with stories linked to their day page
// with their count.
import type { MonthGroup } from "../index/archive.ts";
import { html, type SafeHtml } from "./html.ts";
import { WEEKDAYS, monthLabel } from "./format.ts";

export function calendar(month: MonthGroup): SafeHtml {
  const year = Number(month.year);
  const m = Number(month.month);
  const daysInMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const offset = (new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7;
  const byDay = new Map(month.days.map((d) => [Number(d.day), d]));
  const cells: (number | null)[] = [...Array<null>(offset).fill(null)];
  for (let day = 1; day <= daysInMonth; day++) cells.push(day);
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return html`<table class="calendar">
<caption>${monthLabel(month.key)}</caption>
<thead><tr>${WEEKDAYS.map((d) => html`<th scope="col"><abbr title="${d}">${d.slice(0, 3)}</abbr></th>`)}</tr></thead>
<tbody>
${weeks.map(
  (week) => html`<tr>${week.map((day) => {
    if (day === null) return html`<td></td>`;
    const group = byDay.get(day);
    return group
      ? html`<td class="has-stories"><a href="${group.url}">${day}<span class="n"><span class="visually-hidden">: </span>${group.count}<span class="visually-hidden"> ${group.count === 1 ? "story" : "stories"}</span></span></a></td>`
      : html`<td>${day}</td>`;
  })}</tr>\n`,
)}</tbody>
</table>`;
}

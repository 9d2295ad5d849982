// Charts drawn at build time as inline SVG: stories per month or year as bars, and the whole
// archive as a heatmap of years by months. No JavaScript; each bar or cell is a link with a label
// (where it has a page), and each chart has its numbers as a table for screen readers and print.
import type { MonthCount, YearGroup } from "../index/archive.ts";
import { html, type SafeHtml } from "./html.ts";
import { monthLabel, plural, shortMonth } from "./format.ts";

export interface Bar {
  /** Full label for the table and the bar's name: "March 2005". */
  label: string;
  /** Axis label, or "" for none: "Mar", "2005". */
  tick: string;
  count: number;
  url: string | null;
}

/** Chart height in SVG units, and the room under the bars for axis labels. */
const HEIGHT = 120;
const AXIS = 18;
/** Widest a chart grows before its bars get narrower (SVG units; the chart scales down to fit). */
const MAX_WIDTH = 960;
/** Room left and right of the bars so the first and last axis labels are not cut. */
const PAD = 16;

const stories = (n: number): string => plural(n, "story", "stories");

/** The numbers of a chart as a table, folded away under the chart. */
function chartTable(bars: readonly Bar[], heading: string): SafeHtml {
  return html`<details class="chart-table"><summary>The numbers<span class="visually-hidden">: ${heading}</span></summary>
<table><thead><tr><th scope="col">Period</th><th scope="col">Stories</th></tr></thead>
<tbody>${bars.map((b) => html`<tr><th scope="row">${b.url ? html`<a href="${b.url}">${b.label}</a>` : b.label}</th><td>${b.count}</td></tr>`)}</tbody></table>
</details>`;
}

/** Bars of story counts with a caption; bars with a URL link to their page. */
export function barChart(bars: readonly Bar[], caption: string): SafeHtml {
  if (bars.length === 0) return html``;
  const slot = Math.max(4, Math.min(40, Math.floor(MAX_WIDTH / bars.length)));
  const width = slot * bars.length + 2 * PAD;
  const max = Math.max(...bars.map((b) => b.count), 1);
  const plot = HEIGHT - AXIS;
  const gap = slot > 8 ? 2 : slot > 4 ? 1 : 0;
  const body = bars.map((b, i) => {
    const h = b.count === 0 ? 0 : Math.max(2, Math.round((b.count / max) * (plot - 4)));
    const rect = html`<rect x="${PAD + i * slot + gap / 2}" y="${plot - h}" width="${slot - gap}" height="${h}"></rect>`;
    const tick = b.tick ? html`<text x="${PAD + i * slot + slot / 2}" y="${HEIGHT - 4}">${b.tick}</text>` : "";
    const name = `${b.label}: ${stories(b.count)}`;
    return b.url && b.count > 0
      ? html`<a href="${b.url}" aria-label="${name}"><title>${name}</title>${rect}</a>${tick}`
      : html`<g><title>${name}</title>${rect}</g>${tick}`;
  });
  return html`<figure class="chart">
<figcaption>${caption}</figcaption>
<div class="chart-scroll"><svg class="bars" viewBox="0 0 ${width} ${HEIGHT}" width="${width}" height="${HEIGHT}" role="group" aria-label="${caption}">
<line x1="0" x2="${width}" y1="${plot + 0.5}" y2="${plot + 0.5}"></line>
${body}
</svg></div>
${chartTable(bars, caption)}
</figure>`;
}

/** Every month from the first to the last of `months` (sparse, oldest first), with zeros between. */
export function monthBars(months: readonly MonthCount[], url: (key: string) => string | null): Bar[] {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const counts = new Map(months.map((m) => [m.key, m.count]));
  const span = Number(last.key.slice(0, 4)) * 12 + Number(last.key.slice(5)) - (Number(first.key.slice(0, 4)) * 12 + Number(first.key.slice(5)));
  const yearly = span >= 24;
  const bars: Bar[] = [];
  for (let i = 0; i <= span; i++) {
    const index = Number(first.key.slice(0, 4)) * 12 + Number(first.key.slice(5)) - 1 + i;
    const key = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    const count = counts.get(key) ?? 0;
    // Long spans label each January with its year; short ones label every month.
    const tick = yearly ? (key.endsWith("-01") || i === 0 ? key.slice(0, 4) : "") : shortMonth(key.slice(5));
    bars.push({ label: monthLabel(key), tick, count, url: count ? url(key) : null });
  }
  return bars;
}

/** Cell colour steps: a share of the busiest month's count. */
const LEVELS = [0.25, 0.5, 0.75];

/** The whole archive as a heatmap: a row per year, a cell per month, each with stories linked. */
export function yearHeatmap(years: readonly YearGroup[], caption: string): SafeHtml {
  if (years.length === 0) return html``;
  const cell = 26;
  const label = 44;
  const rowHeight = 22;
  const top = 16;
  const max = Math.max(...years.flatMap((y) => y.months.map((m) => m.count)), 1);
  const rows = [...years].reverse();
  const width = label + 12 * cell;
  const height = top + rows.length * rowHeight;
  const level = (count: number): number => LEVELS.filter((l) => count / max > l).length + 1;
  return html`<figure class="chart">
<figcaption>${caption}</figcaption>
<div class="chart-scroll"><svg class="heatmap" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${caption}">
${Array.from({ length: 12 }, (_, m) => html`<text class="col" x="${label + m * cell + cell / 2}" y="11">${shortMonth(String(m + 1)).slice(0, 1)}</text>`)}
${rows.map((y, r) => {
  const byMonth = new Map(y.months.map((m) => [Number(m.month), m]));
  const yTop = top + r * rowHeight;
  return html`<a href="${y.url}" aria-label="${y.year}: ${stories(y.count)}"><text class="row" x="${label - 6}" y="${yTop + 15}">${y.year}</text></a>
${Array.from({ length: 12 }, (_, i) => {
  const m = byMonth.get(i + 1);
  const x = label + i * cell;
  if (!m) return html`<rect class="empty" x="${x + 1}" y="${yTop + 1}" width="${cell - 2}" height="${rowHeight - 2}"></rect>`;
  const name = `${monthLabel(m.key)}: ${stories(m.count)}`;
  return html`<a href="${m.url}" aria-label="${name}"><title>${name}</title><rect class="l${level(m.count)}" x="${x + 1}" y="${yTop + 1}" width="${cell - 2}" height="${rowHeight - 2}"></rect></a>`;
})}
`;
})}</svg></div>
</figure>`;
}

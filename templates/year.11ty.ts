// /YYYY/: the year's stories per month as a chart, then each month's leading stories.
import type { YearGroup } from "../src/index/archive.ts";
import { type PageOf, pagePerItem } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { barChart } from "../src/render/charts.ts";
import { breadcrumbs, periodNavs, storyList } from "../src/render/components.ts";
import { monthLabel, monthName, plural } from "../src/render/format.ts";

type Data = PageOf<YearGroup>;

export default class Year {
  data() {
    return pagePerItem("pages.years");
  }

  render(d: Data): string {
    const y = d.item;
    const byMonth = new Map(y.months.map((m) => [m.month, m]));
    const bars = Array.from({ length: 12 }, (_, i) => {
      const month = String(i + 1).padStart(2, "0");
      const m = byMonth.get(month);
      return { label: monthLabel(`${y.year}-${month}`), tick: monthName(month).slice(0, 3), count: m?.count ?? 0, url: m?.url ?? null };
    });
    const nav = periodNavs(y.prev, y.next, "Other years");
    const content = html`${breadcrumbs([{ url: "/archive/", label: "Archive" }, { url: y.url, label: y.year }])}
${nav.top}
<h1>${y.year}</h1>
<p>${plural(y.count, "story", "stories")} in ${plural(y.months.length, "month", "months")}.</p>
${barChart(bars, `Stories per month in ${y.year}`)}
<div class="year-months">
${y.months.map(
  (m) => html`<section class="year-month" aria-labelledby="m-${m.key}">
<h2 id="m-${m.key}"><a href="${m.url}">${monthLabel(m.key)}</a> <span class="count">${plural(m.count, "story", "stories")}</span></h2>
${storyList(m.top, { compact: true })}
${m.count > m.top.length ? html`<p class="more-link"><a href="${m.url}">All ${plural(m.count, "story", "stories")} of ${monthLabel(m.key)}</a></p>\n` : ""}</section>
`,
)}</div>
${nav.bottom}`;
    return layout({ site: d.site, url: y.url, title: y.year, description: `Stories from ${y.year}`, content });
  }
}

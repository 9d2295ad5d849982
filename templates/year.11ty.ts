// /YYYY/: the year's months, each with its days that have stories.
import type { YearGroup } from "../src/index/archive.ts";
import { type PageOf, pagePerItem } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { breadcrumbs, periodNav } from "../src/render/components.ts";
import { longDate, monthLabel, plural } from "../src/render/format.ts";

type Data = PageOf<YearGroup>;

export default class Year {
  data() {
    return pagePerItem("archive.years");
  }

  render(d: Data): string {
    const y = d.item;
    const content = html`${breadcrumbs([{ url: "/archive/", label: "Archive" }, { url: y.url, label: y.year }])}
<h1>${y.year}</h1>
<p>${plural(y.count, "story", "stories")}.</p>
${y.months.map(
  (m) => html`<section aria-labelledby="m-${m.key}">
<h2 id="m-${m.key}"><a href="${m.url}">${monthLabel(m.key)}</a> <span class="count">${plural(m.count, "story", "stories")}</span></h2>
<ul class="day-list">${m.days.map((day) => html`<li><a href="${day.url}">${longDate(day.date)}</a> <span class="count">${day.count}</span></li>`)}</ul>
</section>
`,
)}${periodNav(y.prev, y.next, "Other years")}`;
    return layout({ site: d.site, url: y.url, title: y.year, description: `Stories from ${y.year}`, content });
  }
}

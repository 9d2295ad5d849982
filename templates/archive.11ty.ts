// /archive/: the whole archive as a heatmap of months, then every year and month with its count
// (the heatmap's text equivalent, and the way in without a pointer).
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { yearHeatmap } from "../src/render/charts.ts";
import { monthName, plural } from "../src/render/format.ts";

export default class ArchiveIndex {
  data() {
    return { permalink: "archive/index.html" };
  }

  render(d: TemplateData): string {
    const years = [...d.archive.years].reverse();
    const content = html`<h1>Archive</h1>
<p>${plural(d.archive.articles.length, "story", "stories")} in ${plural(years.length, "year", "years")}.${d.archive.undated.length ? html` ${plural(d.archive.undated.length, "story has", "stories have")} no date: see the <a href="/undated/">undated shelf</a>.` : ""}</p>
${yearHeatmap(d.archive.years, "Stories per month, darker for more")}
${years.map(
  (y) => html`<section class="archive-year" aria-labelledby="y-${y.year}">
<h2 id="y-${y.year}"><a href="${y.url}">${y.year}</a> <span class="count">${plural(y.count, "story", "stories")}</span></h2>
<ul class="month-grid">
${y.months.map((m) => html`<li><a href="${m.url}">${monthName(m.month)}</a> <span class="count">${m.count}</span></li>\n`)}</ul>
</section>
`,
)}`;
    return layout({ site: d.site, url: "/archive/", title: "Archive", content });
  }
}

// /YYYY/MM/DD/: the stories of one day, in the order their clocks read.
import type { DayGroup } from "../src/index/archive.ts";
import { type PageOf, pagePerItem } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { breadcrumbs, periodNavs, storyList } from "../src/render/components.ts";
import { longDate, monthName, plural } from "../src/render/format.ts";

type Data = PageOf<DayGroup>;

export default class Day {
  data() {
    return pagePerItem("pages.days");
  }

  render(d: Data): string {
    const day = d.item;
    const label = longDate(day.date);
    const nav = periodNavs(day.prev, day.next, "Other days");
    const content = html`${breadcrumbs([
      { url: "/archive/", label: "Archive" },
      { url: `/${day.year}/`, label: day.year },
      { url: `/${day.year}/${day.month}/`, label: monthName(day.month) },
      { url: day.url, label: String(Number(day.day)) },
    ])}
${nav.top}
<h1>${label}</h1>
<p>${plural(day.count, "story", "stories")}.</p>
${storyList(day.articles, { summaries: true, timesOnly: true })}
${nav.bottom}`;
    return layout({ site: d.site, url: day.url, title: label, description: `Stories from ${label}`, content });
  }
}

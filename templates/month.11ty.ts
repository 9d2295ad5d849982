// /YYYY/MM/: a calendar with each day's count, then the stories day by day.
import type { MonthGroup } from "../src/index/archive.ts";
import { type PageOf, pagePerItem } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { calendar } from "../src/render/calendar.ts";
import { breadcrumbs, periodNavs, storyList } from "../src/render/components.ts";
import { longDate, monthLabel, monthName, plural } from "../src/render/format.ts";

type Data = PageOf<MonthGroup>;

export default class Month {
  data() {
    return pagePerItem("pages.months");
  }

  render(d: Data): string {
    const m = d.item;
    const label = monthLabel(m.key);
    const nav = periodNavs(m.prev, m.next, "Other months");
    const content = html`${breadcrumbs([
      { url: "/archive/", label: "Archive" },
      { url: `/${m.year}/`, label: m.year },
      { url: m.url, label: monthName(m.month) },
    ])}
${nav.top}
<h1>${label}</h1>
<p>${plural(m.count, "story", "stories")} on ${plural(m.days.length, "day", "days")}.</p>
${calendar(m)}
${m.days.map(
  (day) => html`<section class="day-group" aria-labelledby="d-${day.date}">
<h2 id="d-${day.date}" class="day-heading"><a href="${day.url}">${longDate(day.date)}</a> <span class="count">${plural(day.count, "story", "stories")}</span></h2>
${storyList(day.articles, { timesOnly: true })}
</section>
`,
)}${nav.bottom}`;
    return layout({ site: d.site, url: m.url, title: label, description: `Stories from ${label}`, content });
  }
}

// The front page: the latest stories, ways into the deep archive (on this day in earlier years,
// the whole archive by year, the busiest tags and sections), and search.
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { barChart } from "../src/render/charts.ts";
import { storyList, termIndex } from "../src/render/components.ts";
import { longDate, plural } from "../src/render/format.ts";

/** Stories in the latest list on the home page (the feeds carry `feedSize`). */
const HOME_LATEST = 10;
/** Sections and tags listed on the home page. */
const HOME_TERMS = 10;

export default class Home {
  data() {
    return { permalink: "index.html" };
  }

  render(d: TemplateData): string {
    const { archive } = d;
    const day = archive.onThisDay;
    const sections = archive.sectionIndex.main.slice(0, HOME_TERMS);
    const years = archive.years.map((y) => ({ label: y.year, tick: y.year, count: y.count, url: y.url }));
    const content = html`<h1 class="visually-hidden">${d.site.title}</h1>
<div class="home">
<section class="latest" aria-labelledby="latest-h">
<h2 id="latest-h">Latest stories</h2>
${archive.latest.length ? storyList(archive.latest.slice(0, HOME_LATEST), { summaries: true }) : html`<p>The archive is empty: add dumps to the content folder and build again.</p>`}
${day.years.length ? html`<section class="on-this-day" aria-labelledby="otd-h">
<h2 id="otd-h">On ${longDate(day.date).replace(/, \d+$/, "")} in earlier years</h2>
${day.years.map((y) => html`<h3>${y.year}</h3>\n${storyList(y.stories)}\n`)}</section>` : ""}
</section>
<div class="home-side">
<section aria-labelledby="archive-h">
<h2 id="archive-h">The archive by year</h2>
${years.length > 1 ? barChart(years, `Stories per year, ${plural(archive.articles.length, "story", "stories")} in all`) : ""}
<ul class="term-index">
${[...archive.years].reverse().map((y) => html`<li><a href="${y.url}">${y.year}</a> <span class="count">${plural(y.count, "story", "stories")}</span></li>\n`)}</ul>
<p><a href="/archive/">All months</a></p>
</section>
${archive.busiestTags.length ? html`<section aria-labelledby="tags-h">
<h2 id="tags-h">Most covered</h2>
${termIndex(archive.busiestTags.slice(0, HOME_TERMS))}
<p><a href="/tag/">All tags</a></p>
</section>` : ""}
<section aria-labelledby="sections-h">
<h2 id="sections-h">Sections</h2>
${termIndex(sections)}
<p><a href="/section/">All sections</a></p>
</section>
</div>
</div>`;
    return layout({ site: d.site, url: "/", content });
  }
}

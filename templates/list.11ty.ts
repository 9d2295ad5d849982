// Section and tag pages, paginated: /section/<key>/, /tag/<key>/, then .../page/N/. The first page
// shows the term's coverage over time, the tags that come with it and (tags) its sections; every
// page can jump to the page where a year starts.
import type { ListPage, Term } from "../src/index/archive.ts";
import { type PageOf, pagePerItem } from "../src/render/types.ts";
import { html, type SafeHtml } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { barChart, monthBars } from "../src/render/charts.ts";
import { pager, storyList } from "../src/render/components.ts";
import { longDate, plural } from "../src/render/format.ts";

type Data = PageOf<ListPage>;

/** Terms with counts as a compact inline list. */
function counted(terms: readonly Term[], label: string): SafeHtml {
  return html`<ul class="terms counted" aria-label="${label}">${terms.map((t) => html`<li><a href="${t.url}">${t.name}</a> <span class="count">${t.count}</span></li>`)}</ul>`;
}

function profile(p: ListPage): SafeHtml {
  const { profile: pr, term } = p;
  const bars = monthBars(pr.months, () => null);
  const caption = p.kind === "section" ? `Stories per month in ${term.name}` : `Stories per month tagged ${term.name}`;
  return html`<div class="term-profile">
${bars.length > 1 ? barChart(bars, caption) : ""}
${pr.tags.length ? html`<section aria-labelledby="with-h"><h2 id="with-h">${p.kind === "section" ? "Most frequent tags" : "Often together with"}</h2>${counted(pr.tags, "Tags")}</section>` : ""}
${pr.sections.length > 1 ? html`<section aria-labelledby="in-h"><h2 id="in-h">In sections</h2>${counted(pr.sections, "Sections")}</section>` : ""}
</div>`;
}

export default class List {
  data() {
    return pagePerItem("pages.listPages");
  }

  render(d: Data): string {
    const p = d.item;
    const kind = p.kind === "section" ? "Section" : "Tag";
    const pageSuffix = p.pageCount > 1 ? ` (page ${p.pageNumber} of ${p.pageCount})` : "";
    const { feed } = p;
    const range = p.profile.first === p.profile.last ? `on ${longDate(p.profile.first)}` : `from ${longDate(p.profile.first)} to ${longDate(p.profile.last)}`;
    const years = p.profile.years;
    const content = html`<p class="kicker"><a href="${p.kind === "section" ? "/section/" : "/tag/"}">${kind}s</a></p>
<h1>${p.term.name}${pageSuffix}</h1>
<p>${plural(p.term.count, "story", "stories")} ${range}, newest first.${feed ? html` <a href="${feed.atomUrl}">Atom feed</a> · <a href="${feed.jsonUrl}">JSON Feed</a>` : ""}</p>
${p.pageNumber === 1 ? profile(p) : ""}
${years.length > 1 && p.pageCount > 1 ? html`<nav class="year-jump" aria-label="Years"><span class="meta">Jump to year</span> <ul>${years.map((y) => html`<li><a href="${y.url}">${y.year}</a> <span class="count">${y.count}</span></li>`)}</ul></nav>` : ""}
<h2 class="visually-hidden">Stories</h2>
${storyList(p.items, { showSection: p.kind !== "section", summaries: true })}
${pager(p)}`;
    return layout({
      site: d.site,
      url: p.url,
      title: `${p.term.name}${pageSuffix}`,
      description: `${kind}: ${p.term.name}, ${plural(p.term.count, "story", "stories")}`,
      ...(feed ? { feeds: [feed] } : {}),
      content,
    });
  }
}

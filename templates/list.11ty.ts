// Section and tag pages, paginated: /section/<key>/, /tag/<key>/, then .../page/N/.
import type { ListPage } from "../src/index/archive.ts";
import { type PageOf, pagePerItem } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { pager, storyList } from "../src/render/components.ts";
import { plural } from "../src/render/format.ts";

type Data = PageOf<ListPage>;

export default class List {
  data() {
    return pagePerItem("archive.listPages");
  }

  render(d: Data): string {
    const p = d.item;
    const kind = p.kind === "section" ? "Section" : "Tag";
    const pageSuffix = p.pageCount > 1 ? ` (page ${p.pageNumber} of ${p.pageCount})` : "";
    const feed = p.kind === "section" ? d.archive.feeds.find((f) => f.pageUrl === p.term.url) : undefined;
    const content = html`<p class="kicker"><a href="${p.kind === "section" ? "/section/" : "/tag/"}">${kind}s</a></p>
<h1>${p.term.name}${pageSuffix}</h1>
<p>${plural(p.term.count, "story", "stories")}, newest first.${feed ? html` <a href="${feed.atomUrl}">Atom feed</a> · <a href="${feed.jsonUrl}">JSON Feed</a>` : ""}</p>
${storyList(p.items, { showSection: p.kind !== "section" })}
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

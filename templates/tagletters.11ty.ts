// /tags/<letter>/ (then /tags/<letter>/2/ ...): every tag whose name starts with one letter (or
// digit, or script), by name, with counts.
import type { TagLetterPage } from "../src/index/archive.ts";
import { type PageOf, pagePerItem } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { pager, termIndex } from "../src/render/components.ts";
import { letterNav, tagFilter } from "../src/render/tags.ts";
import { plural } from "../src/render/format.ts";

type Data = PageOf<TagLetterPage>;

export default class TagLetterPages {
  data() {
    return pagePerItem("archive.tagIndex.letterPages");
  }

  render(d: Data): string {
    const p = d.item;
    const range = p.pageCount > 1 ? ` (${p.tags[0]?.name ?? ""} to ${p.tags.at(-1)?.name ?? ""})` : "";
    const title = `Tags: ${p.letter.label}${p.pageCount > 1 ? `, page ${p.pageNumber} of ${p.pageCount}` : ""}`;
    const content = html`<p class="kicker"><a href="/tag/">Tags</a></p>
<h1>${title}</h1>
<p>${plural(p.letter.tags.length, "tag", "tags")}, by name${range}.</p>
${tagFilter(d.site)}
${letterNav(d.archive.tagIndex.letters, p.letter.url)}
${termIndex(p.tags, { compact: true })}
${pager(p, { prev: "Previous", next: "Next" })}`;
    return layout({ site: d.site, url: p.url, title, content });
  }
}

// /tags/<letter>/: every tag whose name starts with one letter (or digit, or script), with counts.
import type { TagLetter } from "../src/index/archive.ts";
import { type PageOf, pagePerItem } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { termIndex } from "../src/render/components.ts";
import { letterNav, tagFilter } from "../src/render/tags.ts";
import { plural } from "../src/render/format.ts";

type Data = PageOf<TagLetter>;

export default class TagLetterPage {
  data() {
    return pagePerItem("archive.tagIndex.letters");
  }

  render(d: Data): string {
    const letter = d.item;
    const title = `Tags: ${letter.label}`;
    const content = html`<p class="kicker"><a href="/tag/">Tags</a></p>
<h1>${title}</h1>
<p>${plural(letter.tags.length, "tag", "tags")}, by name.</p>
${tagFilter(d.site)}
${letterNav(d.archive.tagIndex.letters, letter.url)}
${termIndex(letter.tags, { compact: true })}`;
    return layout({ site: d.site, url: letter.url, title, content });
  }
}

// /tag/: the most-covered tags (people, places and organisations apart when the tagger typed
// them), the letter pages, and a filter box. Tags on a single story are on their letter page only.
import type { TagType } from "../src/index/archive.ts";
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { termIndex } from "../src/render/components.ts";
import { letterNav, tagFilter } from "../src/render/tags.ts";
import { plural } from "../src/render/format.ts";

const HEADINGS: Record<TagType | "other" | "all", string> = {
  person: "People",
  place: "Places",
  organisation: "Organisations",
  other: "Other tags",
  all: "Most covered",
};

export default class TagIndex {
  data() {
    return { permalink: "tag/index.html" };
  }

  render(d: TemplateData): string {
    const { top, letters } = d.archive.tagIndex;
    const single = top.length === 1 && top[0]?.type === null;
    const content = html`<h1>Tags</h1>
<p>${plural(d.archive.tags.length, "tag", "tags")}: people, places and organisations in the stories. The most covered are below; every tag is on the page of its first letter.</p>
${tagFilter(d.site)}
${letters.length ? letterNav(letters, null) : html`<p>None yet.</p>`}
${top.map((group) => {
  const heading = HEADINGS[single ? "all" : (group.type ?? "other")];
  const id = `top-${group.type ?? "all"}`;
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>
${termIndex(group.tags)}</section>
`;
})}`;
    return layout({ site: d.site, url: "/tag/", title: "Tags", content });
  }
}

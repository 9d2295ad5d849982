// Pieces of the tag index and the letter pages: the letter navigation and the filter box, which
// JavaScript shows and fills from /tag/index.json (without it, the letter pages are the way in).
import type { Archive, TagLetter } from "../index/archive.ts";
import type { SiteConfig } from "../config.ts";
import { html, type SafeHtml } from "./html.ts";
import { plural, siteUrl } from "./format.ts";

/** Links to every letter page; the current one marked. */
export function letterNav(letters: readonly TagLetter[], current: string | null): SafeHtml {
  return html`<nav class="letters" aria-label="Tags by letter"><ul>${letters.map((l) =>
    html`<li><a href="${l.url}"${l.url === current ? html` aria-current="page"` : ""} title="${plural(l.tags.length, "tag", "tags")}">${l.label}</a></li>`,
  )}</ul></nav>`;
}

/** The filter box, hidden until tags.js shows it. */
export function tagFilter(site: SiteConfig): SafeHtml {
  return html`<form class="tag-filter" hidden data-index="${siteUrl("/tag/index.json", site.baseUrl)}">
<label for="tag-filter-input">Find a tag</label>
<input id="tag-filter-input" type="search" autocomplete="off" spellcheck="false" placeholder="Type part of a name">
<p class="meta" id="tag-filter-status" aria-live="polite"></p>
<ul class="term-index" id="tag-filter-results"></ul>
</form>
<script src="/assets/tags.js" defer></script>`;
}

/** Every tag for the filter: `[name, url, stories]`, most stories first. */
export function tagFilterIndex(archive: Archive, site: SiteConfig): [string, string, number][] {
  return [...archive.tags]
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((t) => [t.name, siteUrl(t.url, site.baseUrl), t.count]);
}

// Pieces several pages share: story lists, term lists, pagination and period navigation.
import type { ArticleLink, ListPage, PeriodRef, Term, TermRef } from "../index/archive.ts";
import { html, type SafeHtml } from "./html.ts";
import { longDate, longDateTime, periodLabel, plural } from "./format.ts";

/** `<time>` for a story: its published date-time when known, else its archive day. */
export function storyTime(a: { date: string; published: string | null }): SafeHtml {
  return a.published
    ? html`<time datetime="${a.published}">${longDateTime(a.published)}</time>`
    : html`<time datetime="${a.date}">${longDate(a.date)}</time>`;
}

/** A list of stories with section and date. `showSection: false` on a section's own page. */
export function storyList(items: readonly ArticleLink[], options: { showSection?: boolean } = {}): SafeHtml {
  const showSection = options.showSection ?? true;
  return html`<ol class="story-list">
${items.map(
  (a) => html`<li><a class="story-link" href="${a.url}">${a.title}</a>
<span class="meta">${showSection ? html`<a href="${a.sectionUrl}">${a.section}</a> · ` : ""}${storyTime(a)}</span></li>
`,
)}</ol>`;
}

/** Inline list of tag links. */
export function termLinks(terms: readonly TermRef[], label: string): SafeHtml {
  if (terms.length === 0) return html``;
  return html`<ul class="terms" aria-label="${label}">${terms.map((t) => html`<li><a href="${t.url}">${t.name}</a></li>`)}</ul>`;
}

/** Sections or tags with their story counts. */
export function termIndex(terms: readonly Term[]): SafeHtml {
  return html`<ul class="term-index">
${terms.map((t) => html`<li><a href="${t.url}">${t.name}</a> <span class="count">${plural(t.count, "story", "stories")}</span></li>\n`)}</ul>`;
}

/** "Page 2 of 5" navigation for section and tag listings. */
export function pager(page: ListPage): SafeHtml {
  if (page.pageCount < 2) return html``;
  const prev = page.pageUrls[page.pageNumber - 2];
  const next = page.pageUrls[page.pageNumber];
  return html`<nav class="pager" aria-label="Pages">
${prev ? html`<a rel="prev" href="${prev}">Newer</a>` : ""}
<ol>${page.pageUrls.map((url, i) =>
    i + 1 === page.pageNumber
      ? html`<li><a href="${url}" aria-current="page">${i + 1}</a></li>`
      : html`<li><a href="${url}">${i + 1}</a></li>`,
  )}</ol>
${next ? html`<a rel="next" href="${next}">Older</a>` : ""}
</nav>`;
}

/** Previous/next links between periods (years, months, days) that have stories. */
export function periodNav(prev: PeriodRef | null, next: PeriodRef | null, label: string): SafeHtml {
  if (!prev && !next) return html``;
  return html`<nav class="period-nav" aria-label="${label}">
${prev ? html`<a rel="prev" href="${prev.url}">← ${periodLabel(prev.key)}</a>` : html`<span></span>`}
${next ? html`<a rel="next" href="${next.url}">${periodLabel(next.key)} →</a>` : html`<span></span>`}
</nav>`;
}

/** Breadcrumb trail for date archive and article pages. */
export function breadcrumbs(crumbs: { url: string; label: string }[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${crumbs.map(
    (c, i) =>
      i === crumbs.length - 1
        ? html`<li><a href="${c.url}" aria-current="page">${c.label}</a></li>`
        : html`<li><a href="${c.url}">${c.label}</a></li>`,
  )}</ol></nav>`;
}

// Pieces several pages share: story lists, term lists, pagination and period navigation.
import type { ArticleLink, PeriodRef, Term, TermRef } from "../index/archive.ts";
import { html, SafeHtml, type HtmlValue } from "./html.ts";
import { clockTime, longDate, longDateTime, periodLabel, plural } from "./format.ts";

/** A story as lists show it. */
type Listed = Pick<ArticleLink, "date" | "published" | "zone">;

/** `<time>` for a story: its published date-time with zone when known, else its archive day; "Undated" on the shelf. */
export function storyTime(a: Listed): SafeHtml {
  if (a.published) return html`<time datetime="${a.published}">${longDateTime(a.published, a.zone)}</time>`;
  return a.date ? html`<time datetime="${a.date}">${longDate(a.date)}</time>` : html`<span class="undated">Undated</span>`;
}

/** `<time>` with the clock time only ("3:35 AM EDT"), for lists of one day; the day when untimed. */
function clockOnly(a: Listed): SafeHtml {
  return a.published ? html`<time datetime="${a.published}">${clockTime(a.published, a.zone)}</time>` : html``;
}

export interface StoryListOptions {
  /** Off on a section's own page. */
  showSection?: boolean;
  /** Each story's one-line summary, outlet and reading time (home, section, tag and day pages). */
  summaries?: boolean;
  /** Lists of one day print times without the date. */
  timesOnly?: boolean;
  /** Smaller type and rules, for lists inside a grid (year pages). */
  compact?: boolean;
}

/** A list of stories with section, time and, with `summaries`, a one-line summary, outlet and reading time. */
export function storyList(items: readonly ArticleLink[], options: StoryListOptions = {}): SafeHtml {
  const { showSection = true, summaries = false, timesOnly = false, compact = false } = options;
  return html`<ol class="story-list${compact ? " compact" : ""}">
${items.map((a) => {
  const parts: HtmlValue[] = [
    showSection ? html`<a href="${a.sectionUrl}">${a.section}</a>` : null,
    timesOnly ? clockOnly(a) : storyTime(a),
    summaries && a.outlet ? a.outlet : null,
    summaries ? `${a.readingMinutes}\u00a0min read` : null,
  ].filter((p) => p !== null && !(p instanceof SafeHtml && p.value === ""));
  return html`<li><a class="story-link" href="${a.url}">${a.title}</a>
${summaries && a.description ? html`<p class="summary">${a.description}</p>
` : ""}<span class="meta">${parts.map((p, i) => html`${i ? " · " : ""}${p}`)}</span></li>
`;
})}</ol>`;
}

/** Inline list of tag links; with `filter`, each is also a search filter of that name. */
export function termLinks(terms: readonly TermRef[], label: string, filter?: string): SafeHtml {
  if (terms.length === 0) return html``;
  return html`<ul class="terms" aria-label="${label}">${terms.map((t) => html`<li><a href="${t.url}"${filter ? html` data-pagefind-filter="${filter}"` : ""}>${t.name}</a></li>`)}</ul>`;
}

/** Sections or tags with their story counts; `compact` prints the bare number (long lists). */
export function termIndex(terms: readonly Term[], options: { compact?: boolean } = {}): SafeHtml {
  return html`<ul class="term-index${options.compact ? " compact" : ""}">
${terms.map((t) => html`<li><a href="${t.url}">${t.name}</a> <span class="count">${options.compact ? t.count : plural(t.count, "story", "stories")}</span></li>\n`)}</ul>`;
}

/** "Page 2 of 5" navigation; `prev` and `next` name the neighbours ("Newer" and "Older" for story lists). */
export function pager(
  page: { pageNumber: number; pageCount: number; pageUrls: readonly string[] },
  labels: { prev: string; next: string } = { prev: "Newer", next: "Older" },
): SafeHtml {
  if (page.pageCount < 2) return html``;
  const prev = page.pageUrls[page.pageNumber - 2];
  const next = page.pageUrls[page.pageNumber];
  return html`<nav class="pager" aria-label="Pages">
${prev ? html`<a rel="prev" href="${prev}">${labels.prev}</a>` : ""}
<ol>${page.pageUrls.map((url, i) =>
    i + 1 === page.pageNumber
      ? html`<li><a href="${url}" aria-current="page">${i + 1}</a></li>`
      : html`<li><a href="${url}">${i + 1}</a></li>`,
  )}</ol>
${next ? html`<a rel="next" href="${next}">${labels.next}</a>` : ""}
</nav>`;
}

/** Previous/next links between periods (years, months, days) that have stories. */
function periodNav(prev: PeriodRef | null, next: PeriodRef | null, label: string, bottom: boolean): SafeHtml {
  if (!prev && !next) return html``;
  return html`<nav class="period-nav${bottom ? "" : " top"}" aria-label="${label}">
${prev ? html`<a rel="prev" href="${prev.url}">← ${periodLabel(prev.key)}</a>` : html`<span></span>`}
${next ? html`<a rel="next" href="${next.url}">${periodLabel(next.key)} →</a>` : html`<span></span>`}
</nav>`;
}

/** The same previous/next links for the top and the bottom of a date page (landmarks named apart). */
export function periodNavs(prev: PeriodRef | null, next: PeriodRef | null, label: string): { top: SafeHtml; bottom: SafeHtml } {
  return { top: periodNav(prev, next, label, false), bottom: periodNav(prev, next, `${label}, end of page`, true) };
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

// The archive index: every list a page needs, built once from the records, as plain arrays of
// plain objects (no cycles) so Eleventy can paginate over them without searching per page.
// Pure: the same records, report and config give the same archive, field for field.
import type { ArticleRecord, Image } from "../record/schema.ts";
import type { BuildNote, BuildReport, DumpFailure, DuplicateStory, KeptCorrection } from "../report.ts";
import type { SiteConfig } from "../config.ts";
import { archiveTagKeys, tagKey } from "./entities.ts";
import { computeRelated } from "./related.ts";
import { normaliseHeadline, sha256, slugify } from "../record/identity.ts";

/** A light reference to a story, used wherever one page points at another. */
export interface ArticleLink {
  id: string;
  url: string;
  title: string;
  /** Archive day, `YYYY-MM-DD`. */
  date: string;
  published: string | null;
  section: string;
  sectionUrl: string;
}

/** A section or tag as listed: display name, URL key, page URL and number of stories. */
export interface Term {
  name: string;
  key: string;
  url: string;
  count: number;
}

export type TermRef = Omit<Term, "count">;

/** A story named under the dump's "Related Stories": resolved to an archive page or not. */
export interface DumpLink {
  title: string;
  section: string | null;
  /** `YYYY-MM-DD` of the related story, when the dump showed one. */
  date: string | null;
  published: string | null;
  source: string | null;
  summary: string | null;
  article: ArticleLink | null;
}

/** One entry of an article's related list, with why it is there. */
export interface RelatedEntry {
  article: ArticleLink;
  /** "dump": named in the story's own Related Stories; "computed": found by similarity. */
  reason: "dump" | "computed";
  sharedTags: TermRef[];
}

export interface MoreList {
  heading: string;
  items: { title: string; section: string | null; article: ArticleLink | null }[];
}

export interface ArchiveArticle extends ArticleLink {
  slug: string;
  updated: string | null;
  authors: string[];
  language: string | null;
  images: Image[];
  /** Key of the body as HTML in the build's body store (src/body-store.ts): a digest of the Markdown. */
  bodyKey: string;
  /** Plain text for `<meta name=description>` and feeds: the first paragraph, shortened. */
  description: string;
  tags: TermRef[];
  links: DumpLink[];
  /** The dump's resolved related stories first, computed ones fill up to `relatedLimit`. */
  related: RelatedEntry[];
  more: MoreList[];
  /** Stories whose Related Stories name this one. */
  linkedFrom: ArticleLink[];
  /** Older and newer neighbour in archive order. */
  prev: ArticleLink | null;
  next: ArticleLink | null;
  year: string;
  yearUrl: string;
  monthUrl: string;
  dayUrl: string;
  /** The dump the story is built from, then any other dumps of the same story. */
  sourceFiles: string[];
}

export interface DayGroup {
  date: string;
  year: string;
  month: string;
  day: string;
  url: string;
  count: number;
  articles: ArticleLink[];
  prev: PeriodRef | null;
  next: PeriodRef | null;
}

export interface PeriodRef {
  url: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  key: string;
}

export interface MonthGroup {
  year: string;
  month: string;
  /** `YYYY-MM`. */
  key: string;
  url: string;
  count: number;
  days: DayGroup[];
  prev: PeriodRef | null;
  next: PeriodRef | null;
}

export interface YearGroup {
  year: string;
  url: string;
  count: number;
  months: MonthGroup[];
  prev: PeriodRef | null;
  next: PeriodRef | null;
}

/** One page of a paginated section or tag listing. */
export interface ListPage {
  kind: "section" | "tag";
  term: Term;
  url: string;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  pageUrls: string[];
  items: ArticleLink[];
}

/** A feed (Atom and JSON) for the whole site or one section. */
export interface Feed {
  title: string;
  /** The HTML page the feed mirrors. */
  pageUrl: string;
  atomUrl: string;
  jsonUrl: string;
  items: ArchiveArticle[];
}

/** A related story named by one or more dumps that the archive does not hold. */
export interface MissingStory {
  title: string;
  section: string | null;
  date: string | null;
  source: string | null;
  namedBy: ArticleLink[];
}

export interface ArchiveReport {
  failures: DumpFailure[];
  corrections: KeptCorrection[];
  duplicates: DuplicateStory[];
  notes: BuildNote[];
  missingRelated: MissingStory[];
}

export interface Archive {
  /** Oldest first. */
  articles: ArchiveArticle[];
  /** Newest first, `feedSize` long. */
  latest: ArchiveArticle[];
  years: YearGroup[];
  months: MonthGroup[];
  days: DayGroup[];
  sections: Term[];
  /** Alphabetical by key. */
  tags: Term[];
  listPages: ListPage[];
  feeds: Feed[];
  report: ArchiveReport;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function publishedMs(published: string | null): number {
  return published === null ? Number.NEGATIVE_INFINITY : Date.parse(published);
}

/** Archive order: day, then time published (untimed first), then id. */
function compareRecords(a: ArticleRecord, b: ArticleRecord): number {
  return (
    compareStrings(a.date, b.date) ||
    publishedMs(a.published) - publishedMs(b.published) ||
    compareStrings(a.id, b.id)
  );
}

function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));
}

/** First paragraph as plain text, cut at a word boundary near `max` characters. */
export function describe(markdown: string, max = 200): string {
  const paragraph = markdown.split(/\n\s*\n/).find((p) => p.trim() !== "") ?? "";
  const text = paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

/** Collects the spellings of a name under its key and picks the most used one (ties: first in code-point order). */
class NameTally {
  private readonly counts = new Map<string, Map<string, number>>();
  add(key: string, name: string): void {
    const names = this.counts.get(key) ?? new Map<string, number>();
    names.set(name, (names.get(name) ?? 0) + 1);
    this.counts.set(key, names);
  }
  name(key: string): string {
    const names = [...(this.counts.get(key) ?? new Map<string, number>())];
    names.sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    return names[0]?.[0] ?? key;
  }
}

/** Sections are the outlet's own labels, not entities: no alias merging ("USA" stays /section/usa/). */
function sectionKey(section: string): string {
  return slugify(section, `section-${sha256(section).slice(0, 8)}`);
}

function paginate(kind: ListPage["kind"], term: Term, items: ArticleLink[], size: number): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const pageUrls = Array.from({ length: pageCount }, (_, i) => (i === 0 ? term.url : `${term.url}page/${i + 1}/`));
  return pageUrls.map((url, i) => ({
    kind,
    term,
    url,
    pageNumber: i + 1,
    pageCount,
    pageUrls,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** Links each group to its neighbours, in the order given. */
function chain<T extends { url: string; prev: PeriodRef | null; next: PeriodRef | null }>(
  groups: T[],
  key: (g: T) => string,
): void {
  groups.forEach((g, i) => {
    const before = groups[i - 1];
    const after = groups[i + 1];
    g.prev = before ? { url: before.url, key: key(before) } : null;
    g.next = after ? { url: after.url, key: key(after) } : null;
  });
}

/**
 * Builds the archive index from validated records (tags already derived) and the build report.
 * Every list the site shows is made here, once.
 */
export function buildArchive(
  records: readonly ArticleRecord[],
  report: BuildReport,
  config: SiteConfig,
  /** Key of the record's body as HTML in the body store; made once per story at ingest. */
  bodyKey: (record: ArticleRecord) => string,
): Archive {
  const sorted = [...records].sort(compareRecords);

  // Names: sections and tags are merged by key; the most used spelling is shown.
  const sectionNames = new NameTally();
  const tagNames = new NameTally();
  const tagKeyOf = archiveTagKeys(sorted.flatMap((r) => r.tags.map((tag) => ({ tag, type: r.tagTypes?.[tag] }))));
  for (const r of sorted) {
    sectionNames.add(sectionKey(r.section), r.section);
    for (const t of r.tags) {
      const key = tagKeyOf(t);
      // A surname folded into a full name does not name the page ("Tony Blair", not "Blair").
      if (key && key === tagKey(t)) tagNames.add(key, t);
    }
  }
  const sectionRef = (section: string): TermRef => {
    const key = sectionKey(section);
    return { key, name: sectionNames.name(key), url: `/section/${key}/` };
  };
  const tagRef = (key: string): TermRef => ({ key, name: tagNames.name(key), url: `/tag/${key}/` });

  const alsoIn = new Map(report.duplicates.map((d) => [d.kept, d.also]));
  // URLs: first come keeps the plain slug, later collisions get -2, -3, ...
  const taken = new Set<string>();
  const articles: ArchiveArticle[] = sorted.map((r) => {
    const [year = "0000", month = "00", day = "00"] = r.date.split("-");
    const base = `/${year}/${month}/${day}/${r.slug}`;
    let url = `${base}/`;
    for (let n = 2; taken.has(url); n++) url = `${base}-${n}/`;
    taken.add(url);
    const section = sectionRef(r.section);
    const tagKeys = [...new Set(r.tags.map(tagKeyOf).filter((k) => k !== ""))];
    return {
      id: r.id,
      url,
      title: r.title,
      date: r.date,
      published: r.published,
      section: section.name,
      sectionUrl: section.url,
      slug: r.slug,
      updated: r.updated,
      authors: r.authors,
      language: r.language,
      images: r.images,
      bodyKey: bodyKey(r),
      description: describe(r.body),
      tags: tagKeys.map(tagRef),
      links: [],
      related: [],
      more: [],
      linkedFrom: [],
      prev: null,
      next: null,
      year,
      yearUrl: `/${year}/`,
      monthUrl: `/${year}/${month}/`,
      dayUrl: `/${year}/${month}/${day}/`,
      sourceFiles: [r.sourceFile, ...(alsoIn.get(r.sourceFile) ?? [])],
    };
  });

  const linkOf = new Map<string, ArticleLink>();
  for (const a of articles) {
    linkOf.set(a.id, { id: a.id, url: a.url, title: a.title, date: a.date, published: a.published, section: a.section, sectionUrl: a.sectionUrl });
  }
  const link = (a: ArchiveArticle): ArticleLink => linkOf.get(a.id) as ArticleLink;

  // Headline resolution: among stories with the same normalised headline, the one nearest the
  // date the dump gives (or the naming story's date); ties go to the earlier in archive order.
  const byHeadline = new Map<string, ArchiveArticle[]>();
  for (const a of articles) {
    const key = normaliseHeadline(a.title);
    const list = byHeadline.get(key) ?? [];
    list.push(a);
    byHeadline.set(key, list);
  }
  const resolve = (title: string, near: string): ArchiveArticle | null => {
    let best: ArchiveArticle | null = null;
    for (const candidate of byHeadline.get(normaliseHeadline(title)) ?? []) {
      if (!best || dayDistance(candidate.date, near) < dayDistance(best.date, near)) best = candidate;
    }
    return best;
  };

  const missing = new Map<string, MissingStory>();
  const linkedFrom = new Map<string, Set<string>>();
  const dumpRelatedIds = new Map<string, Set<string>>();
  sorted.forEach((r, i) => {
    const a = articles[i] as ArchiveArticle;
    const named = new Set<string>();
    a.links = r.related.map((rel) => {
      const date = rel.published ? rel.published.slice(0, 10) : null;
      const target = resolve(rel.title, date ?? a.date);
      if (target && target.id !== a.id) {
        named.add(target.id);
        linkedFrom.set(target.id, (linkedFrom.get(target.id) ?? new Set()).add(a.id));
      }
      if (!target) {
        const key = normaliseHeadline(rel.title);
        const entry = missing.get(key) ?? { title: rel.title, section: rel.section, date, source: rel.source, namedBy: [] };
        if (!entry.namedBy.some((l) => l.id === a.id)) entry.namedBy.push(link(a));
        missing.set(key, entry);
      }
      return {
        title: rel.title,
        section: rel.section,
        date,
        published: rel.published,
        source: rel.source,
        summary: rel.summary,
        article: target ? link(target) : null,
      };
    });
    a.more = r.more.map((block) => ({
      heading: block.heading,
      items: block.items.map((item) => {
        const target = resolve(item.title, a.date);
        return { title: item.title, section: item.section, article: target && target.id !== a.id ? link(target) : null };
      }),
    }));
    dumpRelatedIds.set(a.id, named);
  });

  // Related: the dump's own first (in its order), computed ones fill up without repeats.
  const computed = computeRelated(
    sorted.map((r) => ({ id: r.id, title: r.title, body: r.body, section: r.section, tags: r.tags, date: r.date })),
    { limit: config.relatedLimit, exclude: dumpRelatedIds },
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const sharedTags = (a: ArchiveArticle, b: ArchiveArticle): TermRef[] => {
    const keys = new Set(b.tags.map((t) => t.key));
    return a.tags.filter((t) => keys.has(t.key));
  };
  for (const a of articles) {
    const seen = new Set<string>([a.id]);
    const related: RelatedEntry[] = [];
    for (const id of dumpRelatedIds.get(a.id) ?? []) {
      const target = byId.get(id);
      if (related.length >= config.relatedLimit || !target || seen.has(id)) continue;
      seen.add(id);
      related.push({ article: link(target), reason: "dump", sharedTags: sharedTags(a, target) });
    }
    for (const hit of computed.get(a.id) ?? []) {
      const target = byId.get(hit.id);
      if (related.length >= config.relatedLimit || !target || seen.has(hit.id)) continue;
      seen.add(hit.id);
      const reasons = [...new Set(hit.sharedTags.map(tagKey).filter((k) => k !== ""))].map(tagRef);
      related.push({ article: link(target), reason: "computed", sharedTags: reasons.length ? reasons : sharedTags(a, target) });
    }
    a.related = related;
    a.linkedFrom = [...(linkedFrom.get(a.id) ?? [])]
      .sort((x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0))
      .map((id) => linkOf.get(id) as ArticleLink);
  }
  articles.forEach((a, i) => {
    const before = articles[i - 1];
    const after = articles[i + 1];
    a.prev = before ? link(before) : null;
    a.next = after ? link(after) : null;
  });

  // Dates: years > months > days, oldest first.
  const days: DayGroup[] = [];
  const months: MonthGroup[] = [];
  const years: YearGroup[] = [];
  for (const a of articles) {
    const [year = "", month = "", day = ""] = a.date.split("-");
    let y = years.at(-1);
    if (!y || y.year !== year) {
      y = { year, url: `/${year}/`, count: 0, months: [], prev: null, next: null };
      years.push(y);
    }
    let m = months.at(-1);
    if (!m || m.key !== `${year}-${month}`) {
      m = { year, month, key: `${year}-${month}`, url: `/${year}/${month}/`, count: 0, days: [], prev: null, next: null };
      months.push(m);
      y.months.push(m);
    }
    let d = days.at(-1);
    if (!d || d.date !== a.date) {
      d = { date: a.date, year, month, day, url: `/${year}/${month}/${day}/`, count: 0, articles: [], prev: null, next: null };
      days.push(d);
      m.days.push(d);
    }
    y.count++;
    m.count++;
    d.count++;
    d.articles.push(link(a));
  }
  chain(years, (g) => g.year);
  chain(months, (g) => g.key);
  chain(days, (g) => g.date);

  // Sections and tags: newest first, paginated.
  const newestFirst = [...articles].reverse();
  const sectionLists = new Map<string, ArticleLink[]>();
  const tagLists = new Map<string, ArticleLink[]>();
  for (const a of newestFirst) {
    const inSection = sectionLists.get(a.sectionUrl) ?? [];
    inSection.push(link(a));
    sectionLists.set(a.sectionUrl, inSection);
    for (const t of a.tags) {
      const list = tagLists.get(t.key) ?? [];
      list.push(link(a));
      tagLists.set(t.key, list);
    }
  }
  const sections: Term[] = [...sectionLists]
    .map(([url, list]) => {
      const key = url.split("/")[2] ?? "";
      return { key, name: sectionNames.name(key), url, count: list.length };
    })
    .sort((x, y) => compareStrings(x.key, y.key));
  const tags: Term[] = [...tagLists]
    .map(([key, list]) => ({ ...tagRef(key), count: list.length }))
    .sort((x, y) => compareStrings(x.key, y.key));
  const size = config.itemsPerPage;
  const listPages = [
    ...sections.flatMap((s) => paginate("section", s, sectionLists.get(s.url) ?? [], size)),
    ...tags.flatMap((t) => paginate("tag", t, tagLists.get(t.key) ?? [], size)),
  ];

  const latest = newestFirst.slice(0, config.feedSize);
  const feeds: Feed[] = [
    { title: config.title, pageUrl: "/", atomUrl: "/feed.xml", jsonUrl: "/feed.json", items: latest },
    ...sections.map((s) => ({
      title: `${s.name} — ${config.title}`,
      pageUrl: s.url,
      atomUrl: `${s.url}feed.xml`,
      jsonUrl: `${s.url}feed.json`,
      items: newestFirst.filter((a) => a.sectionUrl === s.url).slice(0, config.feedSize),
    })),
  ];

  const missingRelated = [...missing.values()].sort(
    (x, y) => compareStrings(normaliseHeadline(x.title), normaliseHeadline(y.title)) || compareStrings(x.title, y.title),
  );

  return {
    articles,
    latest,
    years,
    months,
    days,
    sections,
    tags,
    listPages,
    feeds,
    report: {
      failures: [...report.failures],
      corrections: [...report.corrections],
      duplicates: [...report.duplicates],
      notes: [...report.notes],
      missingRelated,
    },
  };
}

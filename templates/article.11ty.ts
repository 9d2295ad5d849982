// One page per story at /YYYY/MM/DD/<slug>/.
import { UNDATED_URL, type DumpLink, type RelatedEntry } from "../src/index/archive.ts";
import type { Image } from "../src/record/schema.ts";
import { type StoryPageData, pagePerItem } from "../src/render/types.ts";
import { html, safe, type SafeHtml } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { articleHead } from "../src/render/meta.ts";
import { breadcrumbs, storyList, storyTime, termLinks } from "../src/render/components.ts";
import { longDate, longDateTime, monthName } from "../src/render/format.ts";

type Data = StoryPageData;

/** Lowercase words without punctuation ("U.S." -> "us"), for comparing alt text and caption. */
const words = (text: string): string[] => text.toLowerCase().replace(/\./g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Share of an alt text's words, the last (cut) one left out, that its caption holds, above which
 * the alt only repeats the caption. The sample's alt and caption ("...the US embassy in the capital
 * Baghdad, on January 1, 2020. Pictures on the wall…" against "...the U.S. embassy ... Baghdad,
 * Jan. 1, 2020.") share 17 of 21 words; an alt that describes the picture shares few.
 */
const ALT_REPEATS_CAPTION = 0.6;

/**
 * Alt text is often the caption again, reworded and cut short with "…"; show it only when it adds
 * something. An image with its original URL (HTML and WARC stories) is shown from there unless
 * `remoteImages` is off.
 */
function figure(img: Image, remoteImages: boolean): SafeHtml {
  const { alt, caption } = img;
  if (img.src !== undefined && (remoteImages || !/^https?:/i.test(img.src))) {
    return html`<figure class="image">
<img src="${img.src}" alt="${alt}" loading="lazy" referrerpolicy="no-referrer">
${caption ? html`<figcaption>${caption}</figcaption>\n` : ""}</figure>`;
  }
  if (!caption && !alt) return html``;
  const altWords = words(alt.replace(/…$/, "")).slice(0, alt.trim().endsWith("…") ? -1 : undefined);
  const captionWords = new Set(words(caption));
  const shared = altWords.filter((w) => captionWords.has(w)).length;
  const redundant = altWords.length === 0 || (caption !== "" && shared >= ALT_REPEATS_CAPTION * altWords.length);
  return html`<figure class="image">
${redundant ? "" : html`<p class="image-description"><span class="visually-hidden">Image: </span>${alt}</p>\n`}<figcaption>${caption || alt}</figcaption>
</figure>`;
}

function dumpLink(l: DumpLink): SafeHtml {
  const meta = [l.section, l.date ? longDate(l.date) : null, l.source].filter((x): x is string => !!x).join(" · ");
  if (l.article) {
    return html`<li><a href="${l.article.url}">${l.title}</a>${meta ? html` <span class="meta">${meta}</span>` : ""}</li>`;
  }
  return html`<li class="not-in-archive"><span class="title">${l.title}</span> <span class="meta"><span class="badge">Not in the archive</span>${meta ? ` · ${meta}` : ""}</span></li>`;
}

/**
 * Why a computed story is listed, in a reader's words: the people, places and organisations both
 * stories are about (the first `REASON_TAGS`, by salience in this story), else "On a similar
 * subject". Not "Similar wording": the score mostly compares the stories' neighbourhoods (the words
 * of the stories like each), so two stories can be listed with few words of their own in common.
 */
export function relatedEntry(r: RelatedEntry): SafeHtml {
  const tags = r.sharedTags.slice(0, REASON_TAGS);
  return html`<li><a href="${r.article.url}">${r.article.title}</a>
<span class="meta">${r.article.section} · ${storyTime(r.article)}</span>
<span class="reason">${
    tags.length ? html`Also about ${tags.map((t, i) => html`${i ? ", " : ""}<a href="${t.url}">${t.name}</a>`)}` : "On a similar subject"
  }</span></li>`;
}

/** Shared tags named in a related story's reason: more reads as a list, not a reason. */
const REASON_TAGS = 3;

export default class Article {
  // The stories of this render pass (see renderSite: large archives render in slices).
  data() {
    return pagePerItem("articleSlice");
  }

  render(d: Data): string {
    const a = d.item;
    const computed = a.related.filter((r) => r.reason === "computed");
    const [year, month, day] = a.date?.split("-") ?? [];
    const trail = a.date
      ? [
          { url: a.yearUrl, label: year ?? "" },
          { url: a.monthUrl, label: monthName(month ?? "") },
          { url: a.dayUrl, label: String(Number(day)) },
        ]
      : [{ url: UNDATED_URL, label: "Undated" }];
    const content = html`<div class="article-page">
${breadcrumbs([...trail, { url: a.url, label: a.title }])}
<article class="story" data-pagefind-body data-pagefind-filter="year:${a.year}" data-pagefind-meta="date:${a.date ? longDate(a.date) : "Undated"}" data-pagefind-sort="date:${a.published ?? a.date ?? ""}">
<header class="story-header">
<p class="kicker" data-pagefind-ignore><a href="${a.sectionUrl}" data-pagefind-filter="section" data-pagefind-meta="section">${a.section}</a></p>
<h1 data-pagefind-meta="title" data-pagefind-ignore>${a.title}</h1>
${a.authors.length ? html`<p class="byline" data-pagefind-ignore>By ${a.authors.map((name, i) => html`${i ? (i === a.authors.length - 1 ? " and " : ", ") : ""}<span class="author">${name}</span>`)}</p>\n` : ""}${a.outlet || a.originalUrl ? html`<p class="source" data-pagefind-ignore>${a.outlet ? html`<span class="outlet" data-pagefind-meta="outlet">${a.outlet}</span>` : ""}${a.outlet && a.originalUrl ? " · " : ""}${a.originalUrl ? html`<a href="${a.originalUrl}" rel="nofollow noopener">Original page</a>` : ""}</p>\n` : ""}<p class="dateline" data-pagefind-ignore${a.date ? html` data-pagefind-filter="month:${a.date.slice(0, 7)}"` : ""}>${storyTime(a)}${a.updated ? html` · Updated <time datetime="${a.updated}">${longDateTime(a.updated, a.updatedZone)}</time>` : ""}</p>
</header>
${a.images.map((img) => figure(img, d.site.remoteImages))}
<div class="story-body">
${safe(a.bodyHtml)}
</div>
${a.tags.length ? html`<footer class="story-tags" data-pagefind-ignore><h2 class="visually-hidden">Tags</h2>${termLinks(a.tags, "Tags", "tag")}</footer>` : ""}
</article>
<aside class="story-aside" data-pagefind-ignore="all">
${a.links.length ? html`<section class="related-dump" aria-labelledby="related-dump-h">
<h2 id="related-dump-h">Related Stories</h2>
<ul class="link-list">${a.links.map(dumpLink)}</ul>
</section>` : ""}
${computed.length ? html`<section class="related-computed" aria-labelledby="related-computed-h">
<h2 id="related-computed-h">Similar stories in the archive</h2>
<ul class="link-list">${computed.map(relatedEntry)}</ul>
</section>` : ""}
${a.linkedFrom.length ? html`<section class="linked-from" aria-labelledby="linked-from-h">
<h2 id="linked-from-h">Linked from</h2>
${storyList(a.linkedFrom)}
</section>` : ""}
${a.more.map(
  (block, i) => html`<section class="more" aria-labelledby="more-h-${i}">
<h2 id="more-h-${i}">${block.heading}</h2>
<ul class="link-list">${block.items.map((item) =>
    item.article
      ? html`<li><a href="${item.article.url}">${item.title}</a>${item.section ? html` <span class="meta">${item.section}</span>` : ""}</li>`
      : html`<li class="not-in-archive"><span class="title">${item.title}</span> <span class="meta"><span class="badge">Not in the archive</span>${item.section ? ` · ${item.section}` : ""}</span></li>`,
  )}</ul>
</section>`,
)}
<nav class="prev-next" aria-label="Older and newer stories">
${a.prev ? html`<a rel="prev" href="${a.prev.url}"><span class="label">Older</span> ${a.prev.title}</a>` : html`<span></span>`}
${a.next ? html`<a rel="next" href="${a.next.url}"><span class="label">Newer</span> ${a.next.title}</a>` : html`<span></span>`}
</nav>
</aside>
</div>`;
    return layout({
      site: d.site,
      url: a.url,
      title: a.title,
      description: a.description,
      head: articleHead(a, d.site),
      content,
    });
  }
}

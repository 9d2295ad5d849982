// Atom and JSON Feed documents for a feed of the archive. Dates come from the stories themselves
// (the newest one dates the feed), never from the build clock, so output is reproducible.
import type { SiteConfig } from "../config.ts";
import type { FeedWithBodies, StoryWithBody } from "./types.ts";
import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import { escapeHtml } from "./html.ts";
import { absoluteUrl, xmlSafe } from "./format.ts";

const isoOf = (a: StoryWithBody): string => a.published ?? `${a.date}T00:00:00Z`;
const rfc3339 = (iso: string): string => (dateToRfc3339 as (d: Date) => string)(new Date(iso));
const abs = (path: string, site: SiteConfig): string => absoluteUrl(path, site.baseUrl);
const text = (s: string): string => escapeHtml(xmlSafe(s));

/** The feed's `updated`: the newest story's update or publication time; a fixed epoch when empty. */
function feedUpdated(feed: FeedWithBodies): string {
  const times = feed.items.map((a) => Date.parse(a.updated ?? isoOf(a)));
  return rfc3339(new Date(times.length ? Math.max(...times) : 0).toISOString());
}

export function atomFeed(feed: FeedWithBodies, site: SiteConfig): string {
  const entries = feed.items.map((a) => {
    const url = abs(a.url, site);
    return `  <entry>
    <title>${text(a.title)}</title>
    <link href="${text(url)}"/>
    <id>${text(url)}</id>
    <published>${rfc3339(isoOf(a))}</published>
    <updated>${rfc3339(a.updated ?? isoOf(a))}</updated>
${a.authors.map((name) => `    <author><name>${text(name)}</name></author>\n`).join("")}    <category term="${text(a.section)}"/>
${a.tags.map((t) => `    <category term="${text(t.name)}"/>\n`).join("")}    <summary>${text(a.description)}</summary>
    <content type="html">${text(a.bodyHtml)}</content>
  </entry>
`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${text(site.language)}">
  <title>${text(feed.title)}</title>
  <subtitle>${text(site.description)}</subtitle>
  <link href="${text(abs(feed.atomUrl, site))}" rel="self"/>
  <link href="${text(abs(feed.pageUrl, site))}"/>
  <updated>${feedUpdated(feed)}</updated>
  <id>${text(abs(feed.pageUrl, site))}</id>
  <author><name>${text(site.title)}</name></author>
${entries.join("")}</feed>
`;
}

export function jsonFeed(feed: FeedWithBodies, site: SiteConfig): string {
  const doc = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    description: site.description,
    language: site.language,
    home_page_url: abs(feed.pageUrl, site),
    feed_url: abs(feed.jsonUrl, site),
    items: feed.items.map((a) => ({
      id: abs(a.url, site),
      url: abs(a.url, site),
      title: a.title,
      summary: a.description,
      content_html: a.bodyHtml,
      date_published: rfc3339(isoOf(a)),
      ...(a.updated ? { date_modified: rfc3339(a.updated) } : {}),
      authors: a.authors.map((name) => ({ name })),
      tags: [a.section, ...a.tags.map((t) => t.name)],
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

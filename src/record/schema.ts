// The one schema of a record: what a parsed dump becomes, what ingest writes as front matter and
// what the indexer reads back. Checked when written and when read (zod), so a hand edit that breaks
// the shape is reported with the file name instead of surfacing as a broken page.
import { z } from "zod";

/** `YYYY-MM-DD`, the calendar day the story belongs to in the archive. */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

/** Full ISO 8601 with an offset (`2020-09-28T03:35:00-04:00`); Eleventy reads offset-less strings as UTC. */
const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, "expected ISO 8601 with an offset");

export const ImageSchema = z.object({
  /** The image's alt text as the page showed it; often cut short with "…". */
  alt: z.string(),
  /** The caption printed under the image. */
  caption: z.string(),
  /** The image's original URL (HTML and WARC dumps); never downloaded by default. */
  src: z.string().min(1).optional(),
});

export const RelatedStorySchema = z.object({
  title: z.string().min(1),
  section: z.string().nullable(),
  summary: z.string().nullable(),
  /** Who the related story credits ("Agence France-Presse", "VOA News"). */
  source: z.string().nullable(),
  published: isoDateTime.nullable(),
  /** The related story's image description (alt text or caption), if one was shown. */
  image: z.string().nullable(),
});

export const MoreItemSchema = z.object({
  title: z.string().min(1),
  section: z.string().nullable(),
  image: z.string().nullable(),
});

export const MoreBlockSchema = z.object({
  heading: z.string().min(1),
  items: z.array(MoreItemSchema),
});

/** A WARC record a story was read from (src/dump/warc.ts). */
export const CaptureSchema = z.object({
  warc: z.string().min(1),
  /** WARC-Record-ID. */
  recordId: z.string().min(1),
  /** WARC-Target-URI: the URL fetched. */
  targetUri: z.string().min(1),
  /** WARC-Date: when it was fetched. */
  date: isoDateTime,
});

/** How an inferred field was found, e.g. `{ title: "profile voa: line after header" }`. */
export const ProvenanceSchema = z.record(z.string(), z.string());

/** Fields a parser produces from one dump: everything but the identity of the file. */
export const ParsedArticleSchema = z.object({
  title: z.string().min(1),
  /**
   * Archive day, `YYYY-MM-DD`; null for a story whose page printed no date morgue could read: it
   * is built on the undated shelf (`/undated/`) until a date is given in its file name or record.
   */
  date: isoDay.nullable(),
  /** The wall-clock time the page showed, with the offset of the site timezone (or the one printed). */
  published: isoDateTime.nullable(),
  /** Set when the dateline said "Updated ...". */
  updated: isoDateTime.nullable(),
  section: z.string().min(1),
  authors: z.array(z.string().min(1)),
  /** BCP 47 language of the text ("en", "de"), when known. */
  language: z.string().nullable(),
  images: z.array(ImageSchema),
  related: z.array(RelatedStorySchema),
  more: z.array(MoreBlockSchema),
  tags: z.array(z.string().min(1)),
  /** The kind of each tag that has one (a tag named here must be in `tags`). */
  tagTypes: z.record(z.string(), z.enum(["person", "place", "organisation"])).optional(),
  /** The publication the page came from ("BBC News", "The Verge"): title suffix, copyright, masthead, domain. */
  outlet: z.string().min(1).optional(),
  /** The page's original URL, when the dump prints or holds it (canonical link, WARC target URI). */
  url: z.string().url().optional(),
  /** Which parser produced it: a profile name ("voa") or "generic". */
  profile: z.string().min(1),
  provenance: ProvenanceSchema,
  /** Markdown: paragraphs separated by one blank line. */
  body: z.string(),
  /** Where a story from a crawl was captured: the WARC file (relative to the content folder), its record, the URL fetched and when. */
  capture: CaptureSchema.optional(),
});

export const RecordSchema = ParsedArticleSchema.extend({
  /** Stable across re-ingest: derived from the day and the normalised headline. */
  id: z.string().regex(/^[0-9a-f]{12}$/),
  /** URL-safe form of the headline; the page lives at `/YYYY/MM/DD/<slug>/`. */
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Path of the dump relative to the content folder, `/`-separated. */
  sourceFile: z.string().min(1),
  /** sha256 of the dump's bytes. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export type Image = z.infer<typeof ImageSchema>;
export type RelatedStory = z.infer<typeof RelatedStorySchema>;
export type MoreItem = z.infer<typeof MoreItemSchema>;
export type MoreBlock = z.infer<typeof MoreBlockSchema>;
export type ParsedArticle = z.infer<typeof ParsedArticleSchema>;
export type Capture = z.infer<typeof CaptureSchema>;
export type ArticleRecord = z.infer<typeof RecordSchema>;

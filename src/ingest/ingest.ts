// dump -> record, for one dump at a time and without I/O: decode, parse, give the story its
// identity and tags, and decide what happens to the record already on disk (write, keep a hand
// correction, or report). The build applies the decision.
import { decodeDump } from "../dump/decode.ts";
import { parseDump } from "../parse/index.ts";
import type { ParseError, PartialArticle } from "../parse/types.ts";
import type { ArticleRecord, Capture } from "../record/schema.ts";
import { sha256, slugify, storyId } from "../record/identity.ts";
import { changedFields, readRecord, RecordError, serialiseRecord } from "../record/store.ts";
import { tagKey, tagStory, type StoryTags } from "../index/entities.ts";
import { loadMarkdown, MarkdownNotLoaded, renderMarkdown } from "../render/markdown.ts";
import { recordPathFor } from "../io.ts";
import type { DumpFailure, KeptCorrection, BuildNote } from "../report.ts";

export interface IngestInput {
  /** Path of the dump relative to the content folder. */
  file: string;
  bytes: Uint8Array;
  /** Text of the record already on disk for this dump, if any. */
  existing: string | null;
  timezone: string;
  /**
   * The records on disk were written by this same parser (the build's cache stamp says so): a
   * generated record whose dump has not changed is used as it is, without parsing the dump again.
   */
  reuse: boolean;
  /** The WARC record the dump is the page of, when it comes from a crawl (src/ingest/crawl.ts). */
  origin?: Capture;
}

export interface IngestResult {
  /** The story to build, or null when the dump could not be used. */
  record: ArticleRecord | null;
  /** New text for the record file, when it must be (re)written. */
  write: string | null;
  failure: DumpFailure | null;
  correction: KeptCorrection | null;
  note: BuildNote | null;
  /**
   * The story's body as HTML, and its key (a digest of the Markdown). Made here, next to the
   * record, so that it is cached with it and spread over the ingest workers: Markdown to HTML was
   * a third of the render time.
   */
  html: { key: string; text: string } | null;
}

function failure(file: string, error: ParseError): DumpFailure {
  return { file, line: error.line, rule: error.rule, message: error.message, hint: error.hint };
}

/** Parses one dump into a record (no I/O). Throws only on programming errors, never on bad input. */
export function recordFromDump(
  file: string,
  bytes: Uint8Array,
  timezone: string,
  sourceHash: string = sha256(bytes),
  origin?: Capture,
): { record: ArticleRecord } | { failure: DumpFailure; partial?: PartialArticle } {
  const decoded = decodeDump(bytes);
  if (!decoded.ok) return { failure: failure(file, decoded.error) };
  const parsed = parseDump(decoded.text, { timezone, fileName: file, ...(origin ? { url: origin.targetUri, captured: origin.date } : {}) });
  if (!parsed.ok) {
    if (!parsed.partial) return { failure: failure(file, parsed.error) };
    return { failure: { ...failure(file, parsed.error), title: parsed.partial.title }, partial: parsed.partial };
  }
  const article = parsed.article;
  const id = storyId(article.date, article.title);
  return {
    record: { id, slug: slugify(article.title, `story-${id}`), ...article, ...storyTags(article, article.tags), sourceFile: file, sourceHash, ...(origin ? { capture: origin } : {}) },
  };
}

/** Most tags a story keeps: the page's own keywords (HTML dumps) first, then entity tags. */
const TAG_LIMIT = 12;

/**
 * A story's tags: the parser's own (a page's keywords) first, then the entity tags, one per tag
 * key, `TAG_LIMIT` in all; with the types the tagger found for those it kept.
 */
function storyTags(story: { title: string; body: string; outlet?: string | undefined }, own: readonly string[]): StoryTags {
  const entities = tagStory({ title: story.title, body: story.body, outlet: story.outlet });
  const byKey = new Map<string, string>();
  for (const tag of [...own, ...entities.tags]) {
    const key = tagKey(tag);
    if (key !== "" && !byKey.has(key)) byKey.set(key, tag);
  }
  const tags = [...byKey.values()].slice(0, TAG_LIMIT);
  const tagTypes = Object.fromEntries(tags.flatMap((tag) => (entities.tagTypes[tag] ? [[tag, entities.tagTypes[tag]]] : [])));
  return { tags, tagTypes };
}

/**
 * A dump that was read but printed no date (a headline and a body, no date on the page or in the
 * file name) as a story on the undated shelf: `date` null until a date is given in its file name
 * or its record. The archive keeps every story a reader could use.
 */
export function undatedRecord(file: string, partial: PartialArticle, sourceHash: string, origin?: Capture): ArticleRecord {
  const id = storyId(null, partial.title);
  return {
    id,
    slug: slugify(partial.title, `story-${id}`),
    date: null,
    published: null,
    updated: null,
    images: [],
    related: [],
    more: [],
    ...partial,
    ...storyTags(partial, []),
    sourceFile: file,
    sourceHash,
    ...(origin ? { capture: origin } : {}),
  };
}

/** The story a dump gives for the archive: its record, an undated one (see `undatedRecord`), or a failure. */
function storyFromDump(file: string, bytes: Uint8Array, timezone: string, sourceHash: string, origin?: Capture): { record: ArticleRecord } | { failure: DumpFailure } {
  const fresh = recordFromDump(file, bytes, timezone, sourceHash, origin);
  if ("record" in fresh) return fresh;
  return fresh.partial && fresh.failure.rule === "no-date" ? { record: undatedRecord(file, fresh.partial, sourceHash, origin) } : { failure: fresh.failure };
}

type Decision = Omit<IngestResult, "html">;

const empty = { record: null, write: null, failure: null, correction: null, note: null } satisfies Decision;

/**
 * Decides one dump's fate. A record edited by hand (its checksum no longer matches) is kept as it
 * is and reported with the fields that differ from the dump; a generated record is rewritten when
 * the dump or the parser gives something new; a record that no longer reads is reported and left
 * for the archivist, and the story is built from the dump meanwhile.
 */
export function ingestDump(input: IngestInput): IngestResult {
  const decision = decide(input);
  return { ...decision, html: decision.record ? bodyHtml(decision.record.body) : null };
}

/** A body as HTML with its content key. */
export function bodyHtml(markdown: string): { key: string; text: string } {
  return { key: sha256(markdown).slice(0, 32), text: renderMarkdown(markdown).value };
}

/**
 * `ingestDump`, with remark loaded first when the story's body needs it (see `loadMarkdown`):
 * the dump is parsed again then, once per thread at most.
 */
export async function ingestDumpLoading(input: IngestInput): Promise<IngestResult> {
  try {
    return ingestDump(input);
  } catch (error) {
    if (!(error instanceof MarkdownNotLoaded)) throw error;
    await loadMarkdown();
    return ingestDump(input);
  }
}

/** `bodyHtml`, with remark loaded first when the body needs it. */
export async function bodyHtmlLoading(markdown: string): Promise<{ key: string; text: string }> {
  await loadMarkdown(markdown);
  return bodyHtml(markdown);
}

function decide(input: IngestInput): Decision {
  const recordFile = recordPathFor(input.file);
  const sourceHash = sha256(input.bytes);

  let existing: ReturnType<typeof readRecord> | null = null;
  if (input.existing !== null) {
    try {
      existing = readRecord(input.existing);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      const note = `${recordFile}:${error.line}: ${error.message} (${error.hint}); the record was left as it is`;
      const fresh = storyFromDump(input.file, input.bytes, input.timezone, sourceHash, input.origin);
      if ("failure" in fresh) return { ...empty, failure: fresh.failure, note: { file: recordFile, message: note } };
      return { ...empty, record: fresh.record, note: { file: recordFile, message: `${note} and the story was built from its dump` } };
    }
  }
  if (existing?.generated && input.reuse && existing.record.sourceHash === sourceHash) {
    return { ...empty, record: existing.record };
  }

  const fresh = storyFromDump(input.file, input.bytes, input.timezone, sourceHash, input.origin);
  if (existing && !existing.generated) {
    const fields = "record" in fresh ? changedFields(fresh.record, existing.record) : [];
    return {
      ...empty,
      record: existing.record,
      correction: { record: recordFile, sourceFile: input.file, fields, dumpChanged: existing.record.sourceHash !== sourceHash },
    };
  }
  if ("failure" in fresh) return { ...empty, failure: fresh.failure };
  const text = serialiseRecord(fresh.record);
  return { ...empty, record: fresh.record, write: text === input.existing ? null : text };
}

// Records on disk: gray-matter Markdown, YAML front matter (every field but the body) plus the
// Markdown body. Serialising and reading are pure (strings in, values out); the schema is checked
// both ways. A `checksum` of the record as written tells a hand-corrected record from a generated one.
import matter from "gray-matter";
import yaml from "js-yaml";
import { RecordSchema, type ArticleRecord } from "./schema.ts";
import { sha256 } from "./identity.ts";

/** Front-matter keys in the order they are written: identity, what a reader sees, then provenance. */
const FRONT_MATTER_KEYS = [
  "id", "slug", "title", "date", "published", "updated", "section", "authors", "outlet", "url", "tags", "tagTypes",
  "language", "images", "related", "more", "profile", "provenance", "capture", "sourceFile", "sourceHash",
] as const satisfies readonly Exclude<keyof ArticleRecord, "body">[];

// Every field of a record is written: a field missing from the list above fails the type check here.
type Unwritten = Exclude<keyof ArticleRecord, "body" | (typeof FRONT_MATTER_KEYS)[number]>;
const everyFieldWritten: [Unwritten] extends [never] ? true : Unwritten = true;
void everyFieldWritten;

// JSON_SCHEMA: a hand-typed `date: 2020-09-28` stays a string instead of becoming a Date object.
const yamlEngine = {
  parse: (text: string): object => (yaml.load(text, { schema: yaml.JSON_SCHEMA }) ?? {}) as object,
  stringify: (data: object): string => yaml.dump(data, { schema: yaml.JSON_SCHEMA, lineWidth: -1, noRefs: true }),
};

function frontMatterOf(record: ArticleRecord): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  // Optional fields a record does not have are left out, not written as empty.
  for (const key of FRONT_MATTER_KEYS) if (record[key] !== undefined) data[key] = record[key];
  return data;
}

/** sha256 (16 hex) of the record's fields in a fixed order; independent of YAML layout. */
export function recordChecksum(record: ArticleRecord): string {
  return sha256(JSON.stringify([frontMatterOf(record), record.body.trim()])).slice(0, 16);
}

export class RecordError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly hint: string,
  ) {
    super(message);
    this.name = "RecordError";
  }
}

function issuesToError(text: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): RecordError {
  const first = issues[0];
  const key = first ? String(first.path[0] ?? "") : "";
  const lines = text.split("\n");
  const index = key ? lines.findIndex((l) => l.startsWith(`${key}:`)) : -1;
  const where = first ? first.path.map(String).join(".") || "(front matter)" : "(front matter)";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  return new RecordError(
    `field \`${where}\`: ${first?.message ?? "invalid"}${more}`,
    index >= 0 ? index + 1 : 1,
    "fix the value by hand, or delete the record to have it made again from its dump",
  );
}

/** Record -> file text. Throws RecordError when the record does not fit the schema. */
export function serialiseRecord(record: ArticleRecord): string {
  const checked = RecordSchema.safeParse(record);
  if (!checked.success) throw issuesToError("", checked.error.issues);
  const data = { ...frontMatterOf(checked.data), checksum: recordChecksum(checked.data) };
  return `---\n${yamlEngine.stringify(data)}---\n\n${checked.data.body.trim()}\n`;
}

export interface ReadRecord {
  record: ArticleRecord;
  /** False when someone changed the record since morgue wrote it. */
  generated: boolean;
}

/**
 * The 1-based file line of the first quoted YAML scalar in the front matter that does not close on
 * the line it opens on, if that is before `limit`; else null. morgue writes every value on one
 * line, so such a quote is a hand edit's unclosed quote, and js-yaml only stumbles over it lines
 * later (or at the end). A quote opens a scalar only where a value starts (after "key: ", "- ",
 * "[", "{" or ","), so the apostrophe of "don't" in a plain value is not one.
 */
function unclosedQuoteLine(text: string, limit: number): number | null {
  let line = 1;
  let open: { quote: string; line: number } | null = null;
  let valueStart = true;
  for (let i = 0; i < text.length && line < limit; i++) {
    const c = text[i]!;
    if (c === "\n") {
      if (open) return open.line;
      line++;
    }
    if (open) {
      if (open.quote === '"' && c === "\\") i++;
      else if (c === open.quote && open.quote === "'" && text[i + 1] === "'") i++;
      else if (c === open.quote) open = null;
      continue;
    }
    if ((c === '"' || c === "'") && valueStart) open = { quote: c, line };
    else if (c === "#" && /\s/.test(text[i - 1] ?? "\n")) while (i + 1 < text.length && text[i + 1] !== "\n") i++;
    if (c === "\n" || c === "[" || c === "{" || c === ",") valueStart = true;
    else if ((c === ":" || c === "-") && /\s/.test(text[i + 1] ?? "\n")) valueStart = true;
    else if (!/\s/.test(c)) valueStart = false;
  }
  return null;
}

/** File text -> record. Throws RecordError with the line of the offending key. */
export function readRecord(text: string): ReadRecord {
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(text, { engines: { yaml: yamlEngine } });
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line?: number } };
    // gray-matter hands js-yaml the text after the opening `---` with its line break, so js-yaml's
    // 0-based line is the file's 1-based one.
    const reported = (mark?.line ?? 0) + 1;
    const quote = unclosedQuoteLine(text, reported);
    throw new RecordError(
      `the front matter is not valid YAML: ${reason ?? String(error)}${quote ? ` (js-yaml stopped at line ${reported})` : ""}`,
      quote ?? reported,
      quote ? "close the quote opened on this line" : "fix the YAML syntax by hand",
    );
  }
  const { checksum, ...fields } = file.data as Record<string, unknown>;
  const checked = RecordSchema.safeParse({ ...fields, body: file.content.trim() });
  if (!checked.success) throw issuesToError(text, checked.error.issues);
  return { record: checked.data, generated: checksum === recordChecksum(checked.data) };
}

/** Names of the fields whose values differ between two records (body included). */
export function changedFields(a: ArticleRecord, b: ArticleRecord): string[] {
  const keys = [...FRONT_MATTER_KEYS, "body"] as const;
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

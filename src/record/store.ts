// Records on disk: gray-matter Markdown, YAML front matter (every field but the body) plus the
// Markdown body. Serialising and reading are pure (strings in, values out); the schema is checked
// both ways. A `checksum` of the record as written tells a hand-corrected record from a generated one.
import matter from "gray-matter";
import yaml from "js-yaml";
import { RecordSchema, type ArticleRecord } from "./schema.ts";
import { sha256 } from "./identity.ts";

/** Front-matter keys in the order they are written: identity, what a reader sees, then provenance. */
const FRONT_MATTER_KEYS = [
  "id", "slug", "title", "date", "published", "updated", "section", "authors", "tags", "language",
  "images", "related", "more", "profile", "provenance", "sourceFile", "sourceHash",
] as const satisfies readonly Exclude<keyof ArticleRecord, "body">[];

/** Keys only some records have (HTML and WARC dumps), written after the others when present. */
const OPTIONAL_KEYS = ["outlet", "url", "capture"] as const satisfies readonly Exclude<keyof ArticleRecord, "body">[];

// JSON_SCHEMA: a hand-typed `date: 2020-09-28` stays a string instead of becoming a Date object.
const yamlEngine = {
  parse: (text: string): object => (yaml.load(text, { schema: yaml.JSON_SCHEMA }) ?? {}) as object,
  stringify: (data: object): string => yaml.dump(data, { schema: yaml.JSON_SCHEMA, lineWidth: -1, noRefs: true }),
};

function frontMatterOf(record: ArticleRecord): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_KEYS) data[key] = record[key];
  for (const key of OPTIONAL_KEYS) if (record[key] !== undefined) data[key] = record[key];
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

/** File text -> record. Throws RecordError with the line of the offending key. */
export function readRecord(text: string): ReadRecord {
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(text, { engines: { yaml: yamlEngine } });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new RecordError(`the front matter is not valid YAML: ${reason}`, (mark?.line ?? 0) + 2, "fix the YAML syntax by hand");
  }
  const { checksum, ...fields } = file.data as Record<string, unknown>;
  const checked = RecordSchema.safeParse({ ...fields, body: file.content.trim() });
  if (!checked.success) throw issuesToError(text, checked.error.issues);
  return { record: checked.data, generated: checksum === recordChecksum(checked.data) };
}

/** Names of the fields whose values differ between two records (body included). */
export function changedFields(a: ArticleRecord, b: ArticleRecord): string[] {
  const keys = [...FRONT_MATTER_KEYS, ...OPTIONAL_KEYS, "body"] as const;
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

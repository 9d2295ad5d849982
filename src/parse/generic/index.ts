import type { ParseOptions, ParseOutcome } from "../types.ts";
export function extractGeneric(text: string, _options: ParseOptions): ParseOutcome {
  return { ok: true, article: { title: "x", date: "2019-01-01", published: null, updated: null, section: "News", authors: [], language: null, images: [], related: [], more: [], tags: [], profile: "generic", provenance: {}, body: text } };
}

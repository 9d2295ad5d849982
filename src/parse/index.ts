// dump text -> article: the first site profile that recognises the dump parses it; any other dump
// goes to the generic page-text extractor.
import type { ParseOptions, ParseOutcome } from "./types.ts";
import { parseWithProfiles } from "./profile.ts";
import { extractGeneric } from "./generic/index.ts";

/** Parses one normalised dump (see `decodeDump`). Pure: same text and options, same outcome. */
export function parseDump(text: string, options: ParseOptions): ParseOutcome {
  return parseWithProfiles(text, options) ?? extractGeneric(text, options);
}

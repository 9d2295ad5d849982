// dump text -> article: an HTML page (by its file name or its opening markup) goes to the HTML
// parser; otherwise the first site profile that recognises the dump parses it, and any other dump
// goes to the generic page-text extractor.
import type { ParseOptions, ParseOutcome } from "./types.ts";
import { parseWithProfiles } from "./profile.ts";
import { extractGeneric } from "./generic/index.ts";
import { looksLikeHtml, parseHtml, type PageSource } from "./html/index.ts";

/** File names of saved web pages. */
export const isHtmlFile = (file: string): boolean => /\.x?html?$/iu.test(file);

/** Parses one normalised dump (see `decodeDump`). Pure: same text and options, same outcome. */
export function parseDump(text: string, options: ParseOptions & PageSource): ParseOutcome {
  if (isHtmlFile(options.fileName) || looksLikeHtml(text)) return parseHtml(text, options);
  return parseWithProfiles(text, options) ?? extractGeneric(text, options);
}

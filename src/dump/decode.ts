// Raw dump bytes -> normalised text. Owns encodings (UTF-8 with or without BOM, UTF-16 with BOM,
// Latin-1/Windows-1252 fallback), binary and empty-file detection, and whitespace normalisation.
// Line numbers survive: the n-th line of the text is the n-th line of the file.
import type { ParseError } from "../parse/types.ts";

export type DecodeOutcome = { ok: true; text: string; encoding: string } | { ok: false; error: ParseError };

/** Share of control characters (other than tab, newline, carriage return, form feed) above which a
 *  file is taken for binary. Text dumps from the dev corpus have none; images and archives have many. */
const BINARY_CONTROL_RATIO = 0.01;
const SNIFF_BYTES = 64 * 1024;
/** Largest dump read. The biggest page in the dev corpus is 100 KB; 16 MiB leaves room for any
 *  real page (a 10 MB single line still parses) and keeps a stray 50 MB log file out. */
export const MAX_DUMP_BYTES = 16 * 1024 * 1024;

function isBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  if (sample.includes("\u0000")) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > BINARY_CONTROL_RATIO;
}

/** Windows-1252 characters at 0x80-0x9F (Node's TextDecoder decodes that label as plain Latin-1,
 *  which turns the curly quotes and dashes of old Windows-saved pages into control characters). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join("");
  }
  return out;
}

function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    const declared = htmlCharset(body);
    if (declared !== null) return declared;
    // Not valid UTF-8: scrapers on older sites save Windows-1252 (a superset of Latin-1 in practice).
    return { text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}

/**
 * A saved HTML page that is not UTF-8 says its encoding in a `<meta charset>` (or `http-equiv`
 * Content-Type) near its top, as browsers read it: Russian pages in windows-1251, Japanese in
 * Shift_JIS, Korean in EUC-KR. Null when it declares none, or one this Node cannot decode.
 */
function htmlCharset(bytes: Uint8Array): { text: string; encoding: string } | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head)?.[1]?.toLowerCase();
  if (charset === undefined || /^(?:utf-?8|windows-1252|iso-8859-1|latin-?1|us-ascii)$/u.test(charset)) return null;
  try {
    return { text: new TextDecoder(charset).decode(bytes), encoding: charset };
  } catch {
    return null;
  }
}

/**
 * Normalises whitespace the way every parser expects it: LF line ends, no BOM, non-breaking and
 * other Unicode spaces as plain spaces, runs of spaces collapsed, no leading or trailing spaces.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g, " ")
    .replace(/[\u200B\u2060]/g, "")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n");
}

/** Bytes of one dump -> normalised text, or an error naming why it cannot be read as text. */
export function decodeDump(bytes: Uint8Array): DecodeOutcome {
  if (bytes.length === 0) {
    return { ok: false, error: { rule: "empty", line: 0, message: "the file is empty", hint: "re-save the page text, or remove the file" } };
  }
  if (bytes.length > MAX_DUMP_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      error: { rule: "too-large", line: 0, message: `the file is ${mb} MB, more than a page of text can be (16 MB at most)`, hint: "check that it is a page dump; split it if it holds several" },
    };
  }
  const { text, encoding } = decodeBytes(bytes);
  if (isBinary(text)) {
    return {
      ok: false,
      error: { rule: "binary", line: 0, message: "the file is not text (it holds binary data)", hint: "save the page as plain text (.txt)" },
    };
  }
  const normalised = normaliseText(text);
  if (normalised.trim() === "") {
    return { ok: false, error: { rule: "empty", line: 0, message: "the file holds only whitespace", hint: "re-save the page text, or remove the file" } };
  }
  return { ok: true, text: normalised, encoding };
}

// Raw bytes to text: encodings a scraper may save, binary and oversized files, whitespace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeDump, normaliseText, MAX_DUMP_BYTES } from "../src/dump/decode.ts";

const headline = "Café in Zürich — “naïve” plans";

test("UTF-8 with and without BOM, UTF-16 LE/BE with BOM and Latin-1 all decode to the same text", () => {
  const utf8 = new TextEncoder().encode(headline);
  const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
  const le = Uint8Array.from([0xff, 0xfe, ...[...headline].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  const be = Uint8Array.from([0xfe, 0xff, ...[...headline].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
  for (const bytes of [utf8, bom, le, be]) {
    const out = decodeDump(bytes);
    assert.ok(out.ok);
    assert.equal(out.text, headline);
  }
  const latin1 = Uint8Array.from([..."Caf"].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x93, 0x51, 0x94]));
  const out = decodeDump(latin1);
  assert.ok(out.ok);
  assert.equal(out.text, "Café “Q”");
  assert.equal(out.encoding, "windows-1252");
});

test("NUL bytes, binary data, empty and oversized files are refused with a reason", () => {
  const cases: [Uint8Array, string][] = [
    [new Uint8Array(), "empty"],
    [new TextEncoder().encode(" \n\u00a0\n"), "empty"],
    [new TextEncoder().encode("Headline\u0000\nBody"), "binary"],
    [Uint8Array.from({ length: 500 }, (_, i) => (i * 7) % 32), "binary"],
    [new Uint8Array(MAX_DUMP_BYTES + 1).fill(0x61), "too-large"],
  ];
  for (const [bytes, rule] of cases) {
    const out = decodeDump(bytes);
    assert.ok(!out.ok, rule);
    assert.equal(out.error.rule, rule);
    assert.ok(out.error.message.length > 10 && out.error.hint.length > 5);
  }
});

test("whitespace is normalised without moving lines: CRLF, CR, NBSP, runs of spaces, trailing spaces", () => {
  assert.equal(normaliseText("\uFEFF date 2020-09-28 USA\r\nA\u00a0 b  c \rlast\u00a0"), "date 2020-09-28 USA\nA b c\nlast");
  assert.equal(normaliseText("a\n\n\nb").split("\n").length, 4);
});

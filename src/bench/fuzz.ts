// Property checks on the parser: random and mutated dumps (lines dropped, swapped, duplicated,
// truncated, unicode noise) never crash it; each gives a record or an error with file and line.
// `npm run fuzz -- --runs 10000`; tests/fuzz.test.ts runs a few hundred cases of the same property.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { recordFromDump } from "../ingest/ingest.ts";
import { RecordSchema } from "../record/schema.ts";

/** One way to damage a dump, applied to its lines. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("noise" as const), at: fc.nat(), text: fc.string({ unit: "binary", maxLength: 40 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(lines: string[], m: Mutation): string[] {
  if (lines.length === 0) return lines;
  const out = [...lines];
  const i = m.at % out.length;
  switch (m.kind) {
    case "drop":
      out.splice(i, 1);
      break;
    case "swap": {
      const j = m.with % out.length;
      [out[i], out[j]] = [out[j]!, out[i]!];
      break;
    }
    case "duplicate":
      out.splice(i, 0, out[i]!);
      break;
    case "truncate":
      out.length = i;
      break;
    case "noise":
      out[i] = `${out[i]!.slice(0, m.at % (out[i]!.length + 1))}${m.text}${out[i]!.slice(m.at % (out[i]!.length + 1))}`;
      break;
    case "cut":
      out[i] = out[i]!.slice(0, m.at % (out[i]!.length + 1));
      break;
  }
  return out;
}

/** Arbitrary dumps: a real dump mutated several times, or random text, as bytes. */
export function dumpArbitrary(seeds: readonly string[]): fc.Arbitrary<Uint8Array> {
  const mutated = fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { maxLength: 8 }), fc.boolean())
    .map(([text, ms, crlf]) => {
      const out = ms.reduce(mutate, text.split("\n")).join(crlf ? "\r\n" : "\n");
      return new TextEncoder().encode(out);
    });
  const random = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
    fc.uint8Array({ maxLength: 2000 }),
  );
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: random, weight: 1 });
}

/** The property: never throws; a record fits the schema; an error names the file and a line in it. */
export function parsesOrReports(bytes: Uint8Array): boolean {
  const file = "fuzz/dump.txt";
  const result = recordFromDump(file, bytes, "America/New_York");
  if ("record" in result) return RecordSchema.safeParse(result.record).success && result.record.sourceFile === file;
  const lines = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length;
  const f = result.failure;
  return f.file === file && Number.isInteger(f.line) && f.line >= 0 && f.line <= lines + 1 && f.message.length > 0 && f.hint.length > 0;
}

/** Seed dumps: every VOA fixture, and every fifth whole-page dump of the dev corpus when it is there. */
export function fuzzSeeds(voaDir: URL, pageDir: URL): string[] {
  const read = (dir: URL, keep: (name: string, i: number) => boolean): string[] =>
    existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().filter(keep).map((f) => readFileSync(new URL(f, dir), "utf8")) : [];
  return [...read(voaDir, () => true), ...read(pageDir, (_, i) => i % 5 === 0)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import("node:util");
  const { values } = parseArgs({ options: { runs: { type: "string", default: "10000" } } });
  const seeds = fuzzSeeds(new URL("../../tests/fixtures/voa/", import.meta.url), new URL("../../../shared/corpora/page-text-dev/dumps/", import.meta.url));
  const t0 = Date.now();
  fc.assert(fc.property(dumpArbitrary(seeds), parsesOrReports), { numRuns: Number(values.runs), seed: 42 });
  console.log(`fuzz: ${values.runs} dumps parsed or reported, none crashed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

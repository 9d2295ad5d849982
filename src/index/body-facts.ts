// What the index reads from a story's body besides its terms: the description and reading time
// its pages show, and the word 3-grams that duplicate merging and copy checks compare. Each is made
// once per body per build, by body key (the body store's content key, a digest of the Markdown),
// and the ones the last build made are taken as they are (src/ingest/facts-cache.ts): each is a
// pass over the body's text, about 0.15 s (reading time), 0.06 s (description) and 0.33 s
// (3-grams) CPU at 10,000 bench stories.
import { describe, readingMinutes } from "./archive.ts";
import { trigrams } from "./dedupe.ts";

export interface BodyFacts {
  description: string;
  readingMinutes: number;
  /** Made only for bodies that are compared: a day and headline shared, or a close related story. */
  grams?: Uint32Array;
}

/** The facts of a record's body, for `buildArchive` and `mergeDuplicates`. */
export interface BodyFactsOf<R> {
  summary(record: R): BodyFacts;
  grams(record: R): Uint32Array;
}

/** Facts by body key: `known` (made before) are used as they are; `used` ends up holding every body's asked about. */
export class BodyFactsMemo {
  readonly used = new Map<string, BodyFacts>();

  constructor(private readonly known: ReadonlyMap<string, BodyFacts> = new Map()) {}

  summary(key: string, body: string): BodyFacts {
    let facts = this.used.get(key);
    if (facts === undefined) {
      facts = this.known.get(key) ?? { description: describe(body), readingMinutes: readingMinutes(body) };
      this.used.set(key, facts);
    }
    return facts;
  }

  grams(key: string, body: string): Uint32Array {
    const facts = this.summary(key, body);
    if (facts.grams !== undefined) return facts.grams;
    // A new object, not a changed one: the facts cache tells changed entries by identity.
    const grams = trigrams(body);
    this.used.set(key, { ...facts, grams });
    return grams;
  }
}

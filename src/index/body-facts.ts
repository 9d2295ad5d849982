// What the index reads from a story's body: the description and reading time its pages show, the
// word 3-grams that duplicate merging and copy checks compare, and the counted terms related-story
// scoring weighs. Each is made once per body per build, by body key (the body store's content key,
// a digest of the Markdown), and the ones the last build made are taken as they are
// (src/ingest/facts-cache.ts): each is a pass over the body's text (CPU profile of a rebuild at
// 10,000 bench stories: 3-grams 0.5 s, terms 0.3 s, description 0.09 s, reading time 0.05 s).
import { describe, readingMinutes } from "./archive.ts";
import { trigrams } from "./dedupe.ts";
import { countTerms, type CountedTerms, TermNames, Vocabulary } from "./text.ts";

export interface BodyFacts {
  description: string;
  readingMinutes: number;
  /** Made at ingest for every body (src/pipeline.ts): related-story scoring's copy check asks for nearly all of them. */
  grams?: Uint32Array;
  /** `CountedTerms.pairs`, by the numbers of the memo's `names`. */
  terms?: Uint32Array;
}

/** The facts of a record's body, for `buildArchive` and `mergeDuplicates`. */
export interface BodyFactsOf<R> {
  summary(record: R): BodyFacts;
  grams(record: R): Uint32Array;
  terms(record: R): CountedTerms;
}

/** Facts by body key: `known` (made before) are used as they are; `used` ends up holding every body's asked about. */
export class BodyFactsMemo {
  readonly used = new Map<string, BodyFacts>();
  /** Reads the bodies whose terms are not known. */
  private readonly vocabulary = new Vocabulary();

  constructor(
    private readonly known: ReadonlyMap<string, BodyFacts> = new Map(),
    /** The names `known` terms are numbered by; new ones are added. */
    readonly names: TermNames = new TermNames(),
  ) {}

  // `body` is the Markdown, or how to get it: asked for only when the facts are not known.
  summary(key: string, body: string | (() => string)): BodyFacts {
    let facts = this.used.get(key);
    if (facts === undefined) {
      if (this.known.has(key)) facts = this.known.get(key) as BodyFacts;
      else {
        const text = markdownOf(body);
        facts = { description: describe(text), readingMinutes: readingMinutes(text) };
      }
      this.used.set(key, facts);
    }
    return facts;
  }

  grams(key: string, body: string | (() => string)): Uint32Array {
    const facts = this.summary(key, body);
    if (facts.grams !== undefined) return facts.grams;
    // A new object, not a changed one: the facts cache tells changed entries by identity.
    const grams = trigrams(markdownOf(body));
    this.used.set(key, { ...facts, grams });
    return grams;
  }

  terms(key: string, body: string | (() => string)): CountedTerms {
    const facts = this.summary(key, body);
    if (facts.terms !== undefined) return { names: this.names, pairs: facts.terms };
    const terms = countTerms(markdownOf(body), this.vocabulary, this.names);
    this.used.set(key, { ...facts, terms });
    return { names: this.names, pairs: terms };
  }
}

const markdownOf = (body: string | (() => string)): string => (typeof body === "string" ? body : body());

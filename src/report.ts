// What a build tells the archivist: dumps it could not use, hand corrections it kept. Written to
// the output as `report.json` and shown on `/report/`; printed at the end of a build.

/** A dump that did not become a story. The dump itself is left untouched. */
export interface DumpFailure {
  /** Path of the dump relative to the content folder. */
  file: string;
  /** 1-based line of the problem; 0 when it concerns the whole file. */
  line: number;
  rule: string;
  message: string;
  hint: string;
  /** The headline, when the dump was read far enough to find one (a dump without a date). */
  title?: string;
}

/** A record that a person edited by hand; the build kept it instead of re-deriving it. */
export interface KeptCorrection {
  /** Path of the record relative to the content folder. */
  record: string;
  sourceFile: string;
  /** Fields whose value differs from what the dump gives today. */
  fields: string[];
  /** True when the dump changed since the record was written: the archivist may want to look. */
  dumpChanged: boolean;
}

/** Something worth knowing that did not stop a story (a record without a dump, a duplicate). */
export interface BuildNote {
  file: string;
  message: string;
}

/** One story that several dumps hold: built once, from `kept`. */
export interface DuplicateStory {
  kept: string;
  also: string[];
}

export interface BuildReport {
  failures: DumpFailure[];
  corrections: KeptCorrection[];
  duplicates: DuplicateStory[];
  notes: BuildNote[];
}

export const emptyReport = (): BuildReport => ({ failures: [], corrections: [], duplicates: [], notes: [] });

/** One line per failure, as `file:line: message (hint)`, the shape editors and CI logs link. */
export function formatFailure(f: DumpFailure): string {
  return `${f.file}:${f.line}: ${f.message} (${f.hint})`;
}

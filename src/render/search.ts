// The search index: Pagefind over the written site. Only story pages are indexed (they carry
// `data-pagefind-body`), with section and year filters. Kept separate from rendering so it can be
// skipped for quick rebuilds and timed on its own.
import { join } from "node:path";
import * as pagefind from "pagefind";

/** Indexes `outputDir` and writes the index and Pagefind's UI files to `outputDir/pagefind/`. */
export async function buildSearchIndex(outputDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(outputDir, "pagefind") });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

// Bounded concurrency for file work: many small reads, stats and links in flight at once keep the
// disk and the thread pool busy without opening thousands of files together.

/** Runs `task` over `items` with at most `lanes` at a time, keeping the items' order in the output. */
export async function inLanes<T, R>(items: readonly T[], lanes: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let cursor = 0;
  const lane = async (): Promise<void> => {
    while (cursor < items.length) {
      const index = cursor++;
      out[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return out;
}

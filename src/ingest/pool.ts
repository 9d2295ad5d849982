// Runs `ingestDump` for many dumps: in this thread and worker threads for many (parsing and
// tagging are CPU-bound and per dump, so they spread over cores); for a few, in one worker that
// starts with the build, or in this thread (see `startIngest`). Same results either way.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { IngestInput, IngestResult } from "./ingest.ts";

export interface Ingester {
  ingest(input: IngestInput): Promise<IngestResult>;
  close(): Promise<void>;
}

/**
 * From this many dumps this thread parses too, next to a worker per other core. Below it, this
 * thread does the build's other start-up work while one worker parses (see `startIngest`), or,
 * from the sources, parses them alone: a worker's start through tsx costs more than a few dumps.
 */
export const WORKER_THRESHOLD = 400;

/**
 * `ingestDump` in this thread, with what the build keeps (record, failure, correction, note) copied
 * the way a worker's reply is. A record's fields are slices of the dump's text (a headline, an
 * image's alt text), and V8 keeps a whole string alive for any slice of it: without the copy, every
 * story parsed in this thread kept its whole dump in memory until the build ended (a heap
 * snapshot of a 10,000-story build after the index stage: about 3,300 dumps, 6-10 KB each, held by
 * alt texts, headlines and captions).
 */
async function ingestHere(input: IngestInput): Promise<IngestResult> {
  const { ingestDumpLoading } = await parser();
  const { record, failure, correction, note, ...passing } = await ingestDumpLoading(input);
  return { ...passing, ...structuredClone({ record, failure, correction, note }) };
}

/** The parser, the tagger and their tables, loaded in this thread the first time it parses a dump. */
let parsing: Promise<typeof import("./ingest.ts")> | null = null;
const parser = (): Promise<typeof import("./ingest.ts")> => (parsing ??= import("./ingest.ts"));

export function inThread(): Ingester {
  return { ingest: ingestHere, close: async () => {} };
}

interface Reply {
  id: number;
  result?: IngestResult;
  error?: string;
}

/** Worker threads parsing dumps; `grow` adds workers up to a size. */
export interface WorkerPool extends Ingester {
  readonly size: number;
  grow(size: number): void;
}

/** A pool of `size` workers; each takes the next dump when it is free. */
export function workerPool(size: number = Math.max(1, os.availableParallelism())): WorkerPool {
  const waiting = new Map<number, { resolve: (r: IngestResult) => void; reject: (e: Error) => void }>();
  const workers: Worker[] = [];
  const start = (): Worker => {
    const worker = new Worker(new URL("./worker.js", import.meta.url));
    worker.on("message", (reply: Reply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.result) pending?.resolve(reply.result);
      else pending?.reject(new Error(reply.error ?? "ingest worker failed"));
    });
    worker.on("error", (error) => {
      for (const p of waiting.values()) p.reject(error);
      waiting.clear();
    });
    return worker;
  };
  const grow = (to: number): void => {
    while (workers.length < to) workers.push(start());
  };
  grow(size);
  let next = 0;
  return {
    get size() {
      return workers.length;
    },
    grow,
    ingest(input) {
      const id = next++;
      const worker = workers[id % workers.length]!;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, input });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * This thread takes a share of the work next to `workers` worker threads. It would otherwise sit
 * idle waiting for them, and each worker costs about 100 MB (its own parser, NLP model and
 * TypeScript loader). Measured on 10,000 dumps, two cores: one worker and this thread took
 * 17.2-19.5 s and peaked at 754-781 MB, two workers 18.4-19.9 s and 790-818 MB. Jobs here run one per event-loop turn, so file reads and writes keep flowing.
 */
export function sharedPool(pool: WorkerPool): Ingester {
  const workers = pool.size;
  let poolJobs = 0;
  let localJobs = 0;
  const queue: (() => void)[] = [];
  const drain = (): void => {
    queue.shift()?.();
    if (queue.length > 0) setImmediate(drain);
  };
  return {
    async ingest(input) {
      // Whichever side has fewer jobs in hand takes the next; a worker's share grows when this
      // thread is busy with file work.
      if (localJobs * workers >= poolJobs) {
        poolJobs++;
        try {
          return await pool.ingest(input);
        } finally {
          poolJobs--;
        }
      }
      localJobs++;
      return new Promise<IngestResult>((resolve, reject) => {
        queue.push(() => {
          localJobs--;
          ingestHere(input).then(resolve, reject);
        });
        if (queue.length === 1) setImmediate(drain);
      });
    },
    close: () => pool.close(),
  };
}

/** True in the compiled copy (dist/, src/compile.ts), whose workers start without tsx. */
const COMPILED = import.meta.url.endsWith(".js");

/**
 * What parses a build's dumps, started before the build knows how many it must read (it first
 * reads the ingest cache): from the compiled copy on more than one core, a worker starts at once
 * and loads the parser and the NLP model (0.5-1 s, by machine) on another core meanwhile. `choose(count)`
 * then gives this thread and one worker per other core for many dumps; that worker alone for a
 * few, while this thread reads the build's other caches and loads the index and render stages
 * (see `ingest` in src/pipeline.ts; parsing here came after both); this thread for none, or
 * from the sources, where a worker takes seconds to start through tsx. `cancel` stops the
 * worker when the build fails before choosing.
 */
export function startIngest(): { choose(count: number): Ingester; cancel(): Promise<void> } {
  const cores = os.availableParallelism();
  const early = cores > 1 && COMPILED ? workerPool(1) : null;
  return {
    choose(count) {
      if (cores > 1 && count >= WORKER_THRESHOLD) {
        const pool = early ?? workerPool(0);
        pool.grow(cores - 1);
        return sharedPool(pool);
      }
      if (count > 0 && early) return early;
      early?.close().catch(() => {});
      return inThread();
    },
    cancel: async () => {
      await early?.close();
    },
  };
}

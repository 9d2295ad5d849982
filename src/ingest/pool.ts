// Runs `ingestDump` for many dumps: in this thread for a few, in this thread and worker threads
// for many (parsing and tagging are CPU-bound and per dump, so they spread over cores). Same
// results either way.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { ingestDump, type IngestInput, type IngestResult } from "./ingest.ts";

export interface Ingester {
  ingest(input: IngestInput): Promise<IngestResult>;
  close(): Promise<void>;
}

/** Below this many dumps, starting workers (each loads the parser and the NLP model) costs more than it saves. */
export const WORKER_THRESHOLD = 400;

/**
 * `ingestDump` in this thread, with what the build keeps (record, failure, correction, note) copied
 * the way a worker's reply is. A record's fields are slices of the dump's text (a headline, an
 * image's alt text), and V8 keeps a whole string alive for any slice of it: without the copy, every
 * story parsed in this thread kept its whole dump in memory until the build ended (a heap
 * snapshot of a 10,000-story build after the index stage: about 3,300 dumps, 6-10 KB each, held by
 * alt texts, headlines and captions).
 */
function ingestHere(input: IngestInput): IngestResult {
  const { record, failure, correction, note, ...passing } = ingestDump(input);
  return { ...passing, ...structuredClone({ record, failure, correction, note }) };
}

export function inThread(): Ingester {
  return { ingest: async (input) => ingestHere(input), close: async () => {} };
}

interface Reply {
  id: number;
  result?: IngestResult;
  error?: string;
}

/** A pool of `size` workers; each takes the next dump when it is free. */
export function workerPool(size: number = Math.max(1, os.availableParallelism())): Ingester {
  const waiting = new Map<number, { resolve: (r: IngestResult) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: size }, () => {
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
  });
  let next = 0;
  return {
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
export function sharedPool(workers: number): Ingester {
  const pool = workerPool(workers);
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
          try {
            resolve(ingestHere(input));
          } catch (error) {
            reject(error as Error);
          }
        });
        if (queue.length === 1) setImmediate(drain);
      });
    },
    close: () => pool.close(),
  };
}

/** In-thread for small archives; this thread and one worker per other core for large ones. */
export function ingesterFor(count: number): Ingester {
  const cores = os.availableParallelism();
  return count >= WORKER_THRESHOLD && cores > 1 ? sharedPool(cores - 1) : inThread();
}

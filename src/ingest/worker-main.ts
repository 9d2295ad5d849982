// Inside an ingest worker: one `ingestDump` per message, the result posted back with its id.
import { parentPort } from "node:worker_threads";
import { ingestDumpLoading, type IngestInput } from "./ingest.ts";

parentPort?.on("message", async ({ id, input }: { id: number; input: IngestInput }) => {
  try {
    parentPort?.postMessage({ id, result: await ingestDumpLoading(input) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

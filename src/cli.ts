// The `morgue` command: `build` and `parse`, each with `--help`. Reads flags and the optional
// `morgue.config.json`, calls the pipeline, prints; exit status 1 only on a usage error, a crash,
// or (with --strict) when a dump could not be built. The parsers are loaded only by `parse` (and
// by `build` when it has dumps to read): a build with nothing to do starts in a fraction of the time.
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { build } from "./build.ts";
import { loadConfig } from "./config.ts";
import { UserError } from "./errors.ts";
import type { recordFromDump } from "./ingest/ingest.ts";
import { emptyReport } from "./report.ts";
import * as io from "./io.ts";

const USAGE: Record<string, string> = {
  main: `morgue: a static news-archive generator

Usage: morgue <command> [options]

Commands:
  build    ingest the dumps in the content folder and build the site
  parse    parse dumps and print what morgue reads in them

Run "morgue <command> --help" for a command's options.`,
  build: `Usage: morgue build [--content DIR] [--output DIR] [options]

Ingests every dump in the content folder (writing records to <content>/records/), then renders
the archive into the output folder, with its search index.

Options:
  --content DIR   folder of dumps (default: content, or contentDir in morgue.config.json)
  --output DIR    folder to write the site to (default: _site, or outputDir)
  --config FILE   settings file (default: morgue.config.json when present)
  --no-search     skip the search index, for quick local rebuilds
  --no-cache      parse every dump again, even those unchanged since the last build
  --strict        exit with status 1 when any dump could not be built
  -h, --help      show this help`,
  parse: `Usage: morgue parse <file|dir>... [--json]

Parses each dump (every file in a folder, recursively: text, HTML, and every HTML page of a WARC
crawl) and prints the record morgue makes of it, or the reason it cannot, with the line. Nothing
is written.

Options:
  --json          one JSON object per dump and line:
                  {"file", "ok": true, "record"} or {"file", "ok": false, "error": {"message", "line", ...}};
                  a dump that cannot be built but could be read (no date) also carries
                  "record" with what was read and "date": null; "published" is the printed
                  time, or the day (YYYY-MM-DD) when the page prints no time
  --timezone TZ   zone of times printed without one (default: from the config, America/New_York)
  --config FILE   settings file (default: morgue.config.json when present)
  -h, --help      show this help`,
};

class UsageError extends Error {}

function parseFlags(args: string[], options: ParseArgsConfig["options"]): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" }, config: { type: "string" } }, allowPositionals: true, allowNegative: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Progress on one rewritten terminal line; nothing when output is not a terminal or in CI. */
function terminalProgress(): ((stage: string, done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  let last = 0;
  return (stage, done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    process.stderr.write(`\r${stage}: ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

async function runBuild(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseFlags(args, {
    content: { type: "string" },
    output: { type: "string" },
    search: { type: "boolean", default: true },
    cache: { type: "boolean", default: true },
    strict: { type: "boolean", default: false },
  });
  if (values.help) return (out(USAGE.build!), 0);
  const config = await loadConfig(values.config as string | undefined);
  const result = await build({
    contentDir: (values.content as string | undefined) ?? config.contentDir,
    outputDir: (values.output as string | undefined) ?? config.outputDir,
    config,
    search: values.search as boolean,
    cache: values.cache as boolean,
    log: (line) => out(line),
    progress: terminalProgress(),
  });
  const { ingest, index, render, search, swap, total } = result.timings;
  const counts = `${result.stories} ${result.stories === 1 ? "story" : "stories"}, ${result.pages} pages`;
  if (result.upToDate) out(`nothing changed since the last build: ${counts}, left as they were (${total} ms)`);
  else out(`built ${counts} in ${(total / 1000).toFixed(1)} s ` +
    `(ingest ${ingest} ms, index ${index} ms, render ${render} ms, search ${search} ms, swap ${swap} ms)`);
  if (result.report.failures.length > 0) {
    out(`${result.report.failures.length} dump(s) could not be built: see the list above and /report/ in the site`);
    if (values.strict) return 1;
  }
  return 0;
}

/** One parse result, as a JSON line or as a line of text. */
function printParsed(file: string, result: ReturnType<typeof recordFromDump>, json: boolean, out: (s: string) => void): void {
  if (json) {
    out(JSON.stringify("record" in result
      // A page that prints only a day has no time: `published` then says the day (YYYY-MM-DD).
      ? { file, ok: true, record: { ...result.record, published: result.record.published ?? result.record.date } }
      : {
          file,
          ok: false,
          error: { message: result.failure.message, line: result.failure.line, rule: result.failure.rule, hint: result.failure.hint },
          // What could be read all the same (a dump without a date still has a headline and a body).
          ...(result.partial ? { record: { ...result.partial, date: null, published: null, sourceFile: file } } : {}),
        }));
  } else if ("record" in result) {
    const r = result.record;
    out(`${file}: ${r.date} ${r.section}: ${r.title} (${r.body.split("\n\n").length} paragraphs, ${r.related.length} related, profile ${r.profile})`);
  } else {
    out(`${file}:${result.failure.line}: ${result.failure.message} (${result.failure.hint})`);
  }
}

/** Every HTML page of a crawl, as dumps named `<crawl>/<page>.html`, then what the crawl held. */
async function parseCrawl(file: string, timezone: string, json: boolean, out: (s: string) => void): Promise<void> {
  const { Crawls, DAMAGED_RULE } = await import("./ingest/crawl.ts");
  const { recordFromDump } = await import("./ingest/ingest.ts");
  const crawl = path.basename(file);
  const crawls = await Crawls.index(path.dirname(file), [crawl]).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  const report = emptyReport();
  for (const page of crawls.dumps([crawl])) {
    const shown = path.join(path.dirname(file), page);
    const result = recordFromDump(page, await crawls.read(page), timezone, undefined, crawls.origin(page));
    if ("failure" in result) report.failures.push(result.failure);
    printParsed(shown, result, json, out);
  }
  crawls.report(report);
  const damaged = report.failures.filter((f) => f.rule === DAMAGED_RULE);
  if (json) out(JSON.stringify({ file, crawl: report.notes.map((n) => n.message).join("; "), damaged: damaged.map((d) => d.message) }));
  else for (const line of [...damaged.map((d) => `${file}:0: ${d.message} (${d.hint})`), ...report.notes.map((n) => n.message)]) out(line);
}

async function runParse(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: "boolean", default: false }, timezone: { type: "string" } });
  if (values.help) return (out(USAGE.parse!), 0);
  if (positionals.length === 0) throw new UsageError("parse needs at least one file or folder");
  const config = await loadConfig(values.config as string | undefined);
  const timezone = (values.timezone as string | undefined) ?? config.timezone;
  const { recordFromDump } = await import("./ingest/ingest.ts");
  const { isCrawl } = await import("./dump/warc.ts");
  let missing = 0;
  const print = (file: string, result: ReturnType<typeof recordFromDump>): void => printParsed(file, result, values.json as boolean, out);
  const cannot = (file: string, rule: string, message: string, hint: string) => ({ failure: { file, line: 0, rule, message, hint } });
  for (const target of positionals) {
    const kind = await io.kindOf(target);
    if (kind === "missing") {
      missing++;
      print(target, cannot(target, "missing", "no such file or folder", "check the path"));
      continue;
    }
    let files = [target];
    if (kind === "folder") {
      const listing = await io.walkFiles(target);
      for (const p of listing.problems) print(path.join(target, p.file), cannot(path.join(target, p.file), p.note ? "note" : "unreadable", p.reason, p.hint));
      files = listing.files.map((f) => path.join(target, f));
    }
    for (const file of files) {
      if (isCrawl(file)) {
        await parseCrawl(file, timezone, values.json as boolean, out);
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await io.readBytes(file);
      } catch (error) {
        print(file, cannot(file, "unreadable", `cannot be read: ${io.describeError(error)}`, "give your user read permission (chmod a+r)"));
        continue;
      }
      print(file, recordFromDump(file.split(path.sep).join("/"), bytes, timezone));
    }
  }
  return missing > 0 ? 1 : 0;
}

/** Runs the CLI with `args` (without node and script); resolves to the exit status. */
export async function main(args: string[], out: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "build":
        return await runBuild(rest, out);
      case "parse":
        return await runParse(rest, out);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        out(USAGE.main!);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UserError) {
      console.error(`morgue: ${error.message}`);
      return 1;
    }
    const errno = error as NodeJS.ErrnoException;
    if (typeof errno?.code === "string" && typeof errno.path === "string") {
      // The file system refused something (a read-only or full disk, a folder without permission).
      console.error(`morgue: ${errno.path}: ${io.describeError(error)} (check the folder's permissions and the free space)`);
      return 1;
    }
    if (error instanceof UsageError) {
      console.error(`morgue: ${error.message}\n\n${USAGE[command ?? "main"] ?? USAGE.main}`);
      return 1;
    }
    throw error;
  }
}

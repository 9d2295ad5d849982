// `npm install` (the "prepare" script) and `npm run compile`: compiles the TypeScript sources into
// dist/ ahead of time, laid out as the package is, copies the templates' assets beside them, and
// writes last the digest of the sources it was made from (src/sources.js). The `morgue` executable
// runs that copy while the digest matches, and the sources through tsx otherwise. Types are not
// checked here (`npm run typecheck` does that): a type error must not stop an install.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DIST, DIST_STAMP, ROOT, sourcesDigest } from "./sources.js";

async function compile(): Promise<number> {
  let ts: typeof import("typescript");
  try {
    ts = (await import("typescript")).default;
  } catch {
    process.stderr.write("morgue: TypeScript is not installed (installed without dev dependencies?), so nothing was compiled; builds load the sources through tsx.\n");
    return 0;
  }
  // Taken before compiling: a source edited meanwhile leaves the copy stale, and so unused.
  const digest = sourcesDigest();
  rmSync(DIST, { recursive: true, force: true });
  const configFile = path.join(ROOT, "tsconfig.build.json");
  const problems: string[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => problems.push(ts.flattenDiagnosticMessageText(d.messageText, "\n")),
  });
  if (!config || problems.length > 0 || config.errors.length > 0) {
    const messages = [...problems, ...(config?.errors ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))];
    process.stderr.write(`morgue: ${configFile}: ${messages.join("; ")}\n`);
    return 1;
  }
  const emitted = ts.createProgram({ rootNames: config.fileNames, options: config.options }).emit();
  const errors = emitted.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (emitted.emitSkipped || errors.length > 0) {
    process.stderr.write(`morgue: compiling into dist/ failed; builds load the sources through tsx.\n${ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" })}`);
    rmSync(DIST, { recursive: true, force: true });
    return 1;
  }
  cpSync(path.join(ROOT, "templates", "assets"), path.join(DIST, "templates", "assets"), { recursive: true });
  mkdirSync(path.dirname(DIST_STAMP), { recursive: true });
  writeFileSync(DIST_STAMP, `${digest}\n`);
  process.stdout.write(`morgue: compiled ${config.fileNames.length} files into ${path.relative(ROOT, DIST)}/\n`);
  return 0;
}

process.exitCode = await compile();

// Site settings in one place, with defaults. A project overrides them in `morgue.config.json` at
// its root (documented in the README); the CLI's flags override both.
import { z } from "zod";
import { UserError } from "./errors.ts";
import * as io from "./io.ts";

/** The settings file read when `--config` names none. */
export const DEFAULT_CONFIG_FILE = "morgue.config.json";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const SiteConfigSchema = z.object({
  /** Shown in the header, <title> and feeds. */
  title: z.string().min(1).default("Morgue"),
  /** One line under the title and in feeds. */
  description: z.string().default("A browsable archive of news stories."),
  /** Absolute URL the site is served from; feeds, sitemap and canonical links need it. */
  baseUrl: z.string().url().default("http://localhost:8080/"),
  /** IANA zone for wall-clock times printed without an offset (VOA prints US Eastern time). */
  timezone: z
    .string()
    .min(1)
    .refine(isTimeZone, { message: "not an IANA time zone name (such as Europe/London)" })
    .default("America/New_York"),
  /** BCP 47 language of the site's own text. */
  language: z.string().default("en"),
  /** Stories on a section or tag page before it paginates. */
  itemsPerPage: z.number().int().positive().default(50),
  /** Stories in the feeds and on the home page. */
  feedSize: z.number().int().positive().default(20),
  /** Related stories shown per article (the dump's own first, computed ones fill up). */
  relatedLimit: z.number().int().nonnegative().default(5),
  /** Where raw dumps are read from and records are written to. */
  contentDir: z.string().default("content"),
  /** Where the site is written. */
  outputDir: z.string().default("_site"),
  /**
   * Show images of HTML and WARC stories from their original URLs (nothing is downloaded); false
   * leaves every remote image out of the pages (captions stay), so reading the archive never
   * contacts another site.
   */
  remoteImages: z.boolean().default(true),
  /** Where the ingest cache stamp lives; default `<contentDir>/.morgue-cache`. */
  cacheDir: z.string().nullable().default(null),
}).strict();

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** Edit distance of two short strings (keys), for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** The known key nearest to a misspelt one ("titel" -> "title"), if one is near enough. */
function nearestKey(key: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const known of Object.keys(SiteConfigSchema.shape).sort()) {
    const d = distance(key.toLowerCase(), known.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/**
 * The defaults merged with whatever a project sets. A bad value or an unknown key is a UserError
 * with one line per problem, each naming `source` (the settings file) and the key.
 */
export function resolveConfig(overrides: unknown = {}, source = DEFAULT_CONFIG_FILE): SiteConfig {
  const result = SiteConfigSchema.safeParse(overrides);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => {
          const near = nearestKey(key);
          return `${source}: unknown setting "${key}"${near ? ` (did you mean "${near}"?)` : ` (known settings: ${Object.keys(SiteConfigSchema.shape).join(", ")})`}`;
        });
      }
      return [`${source}: ${issue.path.join(".") || "(the whole file)"}: ${issue.message}`];
    });
    throw new UserError("", problems.join("\n"), "");
  }
  const config = result.data;
  if (!config.baseUrl.endsWith("/")) config.baseUrl += "/";
  return config;
}

/**
 * Settings from `file` (or `morgue.config.json` when it exists and no file is named). A named file
 * that is missing, text that is not JSON and bad values are UserErrors naming that file.
 */
export async function loadConfig(file?: string): Promise<SiteConfig> {
  const source = file ?? DEFAULT_CONFIG_FILE;
  let text: string | null;
  try {
    text = await io.readTextIfExists(source);
  } catch (error) {
    throw new UserError(source, `cannot be read: ${io.describeError(error)}`, "check the file's permissions");
  }
  if (text === null) {
    if (file !== undefined) throw new UserError(file, "settings file does not exist", "check the path given to --config");
    return resolveConfig({}, source);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(source, `is not valid JSON: ${(error as Error).message}`, "settings are one JSON object, such as {\"title\": \"My archive\"}");
  }
  return resolveConfig(data, source);
}

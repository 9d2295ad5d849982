// Site settings in one place, with defaults. A project overrides them in `morgue.config.json` at
// its root (documented in the README); the CLI's flags override both.
import { z } from "zod";

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
});

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** The defaults merged with whatever a project sets; throws a readable error on a bad value. */
export function resolveConfig(overrides: unknown = {}): SiteConfig {
  const result = SiteConfigSchema.safeParse(overrides);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`morgue.config.json is not valid:\n  ${problems.join("\n  ")}`);
  }
  const config = result.data;
  if (!config.baseUrl.endsWith("/")) config.baseUrl += "/";
  return config;
}

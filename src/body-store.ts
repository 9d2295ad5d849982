// Story bodies as HTML, kept out of memory between ingest and render: the render needs only one
// slice of them at a time, and at 100,000 stories holding them all took the build's peak RSS from
// 3,785 to 4,173 MB (most scraped text has a curly quote, which makes a JS string two bytes a
// character). Content-addressed by a digest
// of the Markdown they were made from: `<cacheDir>/bodies/<key>.html`, or in memory for a build
// without a cache folder (tests, Eleventy run on its own).
import path from "node:path";
import * as io from "./io.ts";

export interface BodyStore {
  has(key: string): boolean;
  put(key: string, html: string): Promise<void>;
  get(key: string): Promise<string>;
  /** Forgets every body but these (the stories of this build), so the store does not grow forever. */
  keepOnly(keys: ReadonlySet<string>): Promise<void>;
}

export function memoryBodies(): BodyStore {
  const bodies = new Map<string, string>();
  return {
    has: (key) => bodies.has(key),
    put: async (key, html) => void bodies.set(key, html),
    get: async (key) => {
      const html = bodies.get(key);
      if (html === undefined) throw new Error(`no body ${key} in this build`);
      return html;
    },
    keepOnly: async (keys) => {
      for (const key of bodies.keys()) if (!keys.has(key)) bodies.delete(key);
    },
  };
}

/** Bodies as files in `dir`; a key already there is not written again (same key, same HTML). */
export function folderBodies(dir: string): BodyStore {
  const file = (key: string): string => path.join(dir, `${key}.html`);
  return {
    has: (key) => io.fileStamp(file(key)) !== null,
    put: async (key, html) => {
      if (io.fileStamp(file(key)) === null) await io.writeText(file(key), html);
    },
    get: async (key) => {
      const html = await io.readTextIfExists(file(key));
      if (html === null) throw new Error(`${file(key)} is missing: the cache folder changed during the build; build again`);
      return html;
    },
    keepOnly: async (keys) => {
      for (const name of await io.listFiles(dir)) {
        if (!keys.has(name.replace(/\.html$/, ""))) await io.removeFile(path.join(dir, name));
      }
    },
  };
}

// Story bodies as HTML, kept out of memory between ingest and render: the render needs only one
// slice of them at a time, and at 100,000 stories holding them all took the build's peak RSS from
// 3,785 to 4,173 MB (most scraped text has a curly quote, which makes a JS string two bytes a
// character). Content-addressed by a digest of the Markdown they were made from, so two stories
// with one body share it and an unchanged body is never made again.
//
// On disk (`<cacheDir>/bodies/`) the bodies are appended to a few pack files with one index,
// rather than kept as a file each: a cold 10,000-story build spent about 2.7 s of its main thread
// creating and renaming 10,000 small files there (CPU profile, this machine), and opened each
// again to read it at render.
import path from "node:path";
import * as io from "../io.ts";

export interface BodyStore {
  has(key: string): boolean;
  put(key: string, html: string): Promise<void>;
  get(key: string): Promise<string>;
  /**
   * Forgets every body but these (the stories of this build), so the store does not grow forever,
   * and makes what was put so far last (bodies put later belong to the next call).
   */
  keepOnly(keys: ReadonlySet<string>): Promise<void>;
  /** Lets go of open files; the store is not used after this. */
  close(): void;
}

/** Bodies in memory, for a build without a cache folder (tests, Eleventy run on its own). */
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
    close: () => {},
  };
}

/** Where one body is: pack number, byte offset, byte length. */
type Place = [pack: number, offset: number, length: number];

/** `index.json`: the size of every pack it vouches for, and where each body is. */
interface PackIndex {
  version: 1;
  packs: Record<string, number>;
  bodies: Record<string, Place>;
}

const INDEX = "index.json";
const packName = (pack: number): string => `${String(pack).padStart(6, "0")}.pack`;

/**
 * Packs are rewritten when less than this share of their bytes is still used: dead bodies (edited
 * or removed stories) then cost at most as much disk as live ones, and a rebuild that changes a
 * few stories copies nothing.
 */
const MIN_LIVE_SHARE = 0.5;

/** The index, with every pack it names checked: a pack missing or shorter than it says loses its bodies. */
function loadIndex(dir: string, text: string | null): PackIndex {
  const empty: PackIndex = { version: 1, packs: {}, bodies: {} };
  let index: PackIndex;
  try {
    index = text === null ? empty : (JSON.parse(text) as PackIndex);
  } catch {
    return empty;
  }
  if (index?.version !== 1 || typeof index.packs !== "object" || typeof index.bodies !== "object") return empty;
  const sound = new Set<number>();
  for (const [pack, size] of Object.entries(index.packs)) {
    if ((io.sizeOf(path.join(dir, packName(Number(pack)))) ?? -1) >= size) sound.add(Number(pack));
    else delete index.packs[pack];
  }
  for (const [key, place] of Object.entries(index.bodies)) {
    if (!Array.isArray(place) || !sound.has(place[0])) delete index.bodies[key];
  }
  return index;
}

/**
 * Bodies in pack files under `dir`. Each build that adds bodies appends them to a new pack; the
 * index is written (atomically) by `keepOnly`, so a build that stops before that leaves a pack no
 * index names, and the next one removes it. A key already stored is not written again.
 */
export async function packedBodies(dir: string): Promise<BodyStore> {
  const index = loadIndex(dir, await io.readTextIfExists(path.join(dir, INDEX)));
  // Anything else in the folder is left over: a pack of a build that stopped early, or bodies
  // stored one file each by an earlier version.
  for (const name of await io.listFiles(dir)) {
    const pack = /^(\d+)\.pack$/.exec(name)?.[1];
    if (name !== INDEX && (pack === undefined || !(Number(pack) in index.packs))) await io.removeFile(path.join(dir, name));
  }
  let writer: { pack: number; file: io.Appender } | null = null;
  const readers = new Map<number, io.RangeReader>();
  const reader = (pack: number): io.RangeReader => {
    let r = readers.get(pack);
    if (r === undefined) {
      r = io.openRangeReader(path.join(dir, packName(pack)));
      readers.set(pack, r);
    }
    return r;
  };
  const append = (key: string, html: string): void => {
    if (writer === null) {
      const pack = Math.max(0, ...Object.keys(index.packs).map(Number)) + 1;
      writer = { pack, file: io.createAppender(path.join(dir, packName(pack))) };
      index.packs[pack] = 0;
    }
    const { offset, length } = writer.file.append(html);
    index.bodies[key] = [writer.pack, offset, length];
    index.packs[writer.pack] = offset + length;
  };
  const read = ([pack, offset, length]: Place): string => reader(pack).read(offset, length);

  return {
    has: (key) => key in index.bodies,
    put: async (key, html) => {
      if (!(key in index.bodies)) append(key, html);
    },
    get: async (key) => {
      const place = index.bodies[key];
      if (place === undefined) throw new Error(`no body ${key} in ${dir}: the cache folder changed during the build; build again`);
      return read(place);
    },
    keepOnly: async (keys) => {
      for (const key of Object.keys(index.bodies)) if (!keys.has(key)) delete index.bodies[key];
      const total = Object.values(index.packs).reduce((sum, size) => sum + size, 0);
      const used = Object.values(index.bodies).reduce((sum, [, , length]) => sum + length, 0);
      if (used < MIN_LIVE_SHARE * total) {
        // Every live body not in this build's pack moves into it; the old packs then go.
        const current = writer?.pack;
        for (const [key, place] of Object.entries(index.bodies).sort(([a], [b]) => (a < b ? -1 : 1))) {
          if (place[0] !== current) append(key, read(place));
        }
      }
      const live = new Set(Object.values(index.bodies).map(([pack]) => pack));
      const dead = Object.keys(index.packs).map(Number).filter((pack) => !live.has(pack));
      for (const pack of dead) delete index.packs[pack];
      writer?.file.close();
      writer = null;
      await io.writeText(path.join(dir, INDEX), `${JSON.stringify(index)}\n`);
      for (const pack of dead) {
        readers.get(pack)?.close();
        readers.delete(pack);
        await io.removeFile(path.join(dir, packName(pack)));
      }
    },
    close: () => {
      writer?.file.close();
      writer = null;
      for (const r of readers.values()) r.close();
      readers.clear();
    },
  };
}

import { promises as fs } from "fs";
import * as zlib from "zlib";
import { Zip, type ZipInputFile } from "fflate";
import { Readable } from "stream";
import * as yauzl from "yauzl";

/** Why a file cannot be opened as a workbook, in both languages. */
export interface ZipProblem {
  ja: string;
  en: string;
}

export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.en);
    this.name = "ZipRefused";
  }
}

export interface ZipLimits {
  /** Total bytes the entries may decompress to (a real evaluation workbook is a few MB). */
  maxUnzippedBytes: number;
  maxEntries: number;
  /**
   * Largest ratio of decompressed to compressed size for an entry above `ratioFloorBytes`. Sheet XML compresses
   * about 10 to 40 times; a zip bomb about 1,000 times.
   */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUnzippedBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 400,
  ratioFloorBytes: 16 * 1024 * 1024,
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

export const TRUNCATED: ZipProblem = {
  ja: "ファイルが途中で切れています（.xlsx の末尾がありません）。保存し直すか、元のファイルを使ってください",
  en: "the file is cut short (the end of the .xlsx is missing); save it again or use the original",
};

function tooLarge(bytes: number, limits: ZipLimits): ZipProblem {
  return {
    ja: `展開すると ${mb(bytes)} を超えるため開きません（上限 ${mb(limits.maxUnzippedBytes)}。zip 爆弾の可能性があります）`,
    en: `refused: it would decompress past ${mb(bytes)} (limit ${mb(limits.maxUnzippedBytes)}; possibly a zip bomb)`,
  };
}

const INFLATES_PAST_SIZE: ZipProblem = {
  ja: "展開した大きさが宣言と違います（zip 爆弾の可能性があります）",
  en: "refused: an entry inflates past its declared size (possibly a zip bomb)",
};

/** Inflated entries kept from the check on opening, up to this many bytes in all (a ward's workbook: a few MB). */
const CACHE_BYTES = 192 * 1024 * 1024;

/**
 * zlib's output chunk when inflating: at its default of 16 KB, a 20 MB shared-strings part takes over a thousand
 * round trips between zlib's thread and the main one, and inflating costs more than parsing.
 */
const INFLATE_CHUNK = 1024 * 1024;

/** One entry of the package as the zip directory tells it. */
export interface ZipPart {
  name: string;
  size: number;
  mtime: Date;
  /** A folder entry (name ending in "/"): some writers list folders; they are kept as they are. */
  directory: boolean;
  entry: yauzl.Entry;
}

/**
 * An opened .xlsx package: its entries in directory order, read on demand. Every inflation is bounded by the size
 * the directory declared (yauzl checks the actual size against it), and the declared sizes were checked against
 * the limits when the package was opened, so no entry can inflate past them.
 */
export class ZipPackage {
  private readonly byName = new Map<string, ZipPart>();
  /** Inflated entries kept from the check on opening, for the reads that follow. */
  private readonly kept = new Map<string, Buffer[]>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly parts: ZipPart[]
  ) {
    for (const p of parts) this.byName.set(p.name, p);
  }

  static async open(data: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipPackage> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        data,
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
        (err, z) => (err || !z ? reject(new ZipRefused(TRUNCATED)) : resolve(z))
      )
    );
    if (zip.entryCount > limits.maxEntries)
      throw new ZipRefused({
        ja: `ファイル内の項目が多すぎます（${zip.entryCount} 個、上限 ${limits.maxEntries}）`,
        en: `too many entries in the file (${zip.entryCount}, limit ${limits.maxEntries})`,
      });
    const parts: ZipPart[] = [];
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (total > limits.maxUnzippedBytes) return reject(new ZipRefused(tooLarge(total, limits)));
        if (
          entry.uncompressedSize > limits.ratioFloorBytes &&
          entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
        )
          return reject(new ZipRefused(tooLarge(entry.uncompressedSize, limits)));
        if (entry.isEncrypted())
          return reject(
            new ZipRefused({
              ja: "暗号化されたファイルです。パスワードを外して .xlsx で保存し直してください",
              en: "the file is encrypted; remove the password and save it as .xlsx",
            })
          );
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
          return reject(
            new ZipRefused({
              ja: "対応していない圧縮方式です",
              en: "unsupported compression method",
            })
          );
        parts.push({
          name: entry.fileName,
          size: entry.uncompressedSize,
          mtime: entry.getLastModDate(),
          directory: entry.fileName.endsWith("/"),
          entry,
        });
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", () => reject(new ZipRefused(TRUNCATED)));
      zip.readEntry();
    });
    const pkg = new ZipPackage(zip, parts);
    await pkg.inflateAll();
    return pkg;
  }

  /**
   * Inflates every entry once, so an entry whose data is cut, damaged or longer than its declared size refuses
   * the file before anything is parsed or written. What is inflated is kept for the reads that follow, up to
   * CACHE_BYTES; beyond that, an entry is inflated again when it is read.
   */
  private async inflateAll(): Promise<void> {
    let budget = CACHE_BYTES;
    const keep = this.parts.map((p) => !p.directory && (budget -= p.size) >= 0);
    await Promise.all(
      this.parts.map(async (p, i) => {
        if (p.directory) return;
        const data = await this.inflate(p);
        if (keep[i]) this.kept.set(p.name, data);
      })
    );
  }

  /**
   * The entry's data in the chunks zlib inflated it in, in its own thread (kept as chunks: joining a 20 MB part
   * costs as much as inflating it). zlib is stopped past the declared size, and data that is cut short or damaged
   * fails, so an entry is either exactly what the directory declared or refused.
   */
  private async inflate(part: ZipPart): Promise<Buffer[]> {
    const { bytes } = await this.stored(part.name);
    if (part.entry.compressionMethod === 0) return this.ofDeclaredSize(part, [bytes]);
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      let total = 0;
      const inflater = zlib.createInflateRaw({
        chunkSize: Math.min(INFLATE_CHUNK, Math.max(64 * 1024, part.size)),
      });
      inflater.on("data", (chunk: Buffer) => {
        total += chunk.length;
        chunks.push(chunk);
        if (total > part.size) {
          inflater.destroy();
          reject(new ZipRefused(INFLATES_PAST_SIZE));
        }
      });
      inflater.on("error", (e) => reject(refusal(e)));
      inflater.on("end", resolve);
      inflater.end(bytes);
    });
    return this.ofDeclaredSize(part, chunks);
  }

  private ofDeclaredSize(part: ZipPart, chunks: Buffer[]): Buffer[] {
    const size = chunks.reduce((n, c) => n + c.length, 0);
    if (size > part.size) throw new ZipRefused(INFLATES_PAST_SIZE);
    if (size < part.size) throw new ZipRefused(TRUNCATED);
    return chunks;
  }

  /** The entry's bytes as stored: Hyoka inflates them itself (see inflate), or copies them as they are. */
  private openStoredStream(part: ZipPart): Promise<Readable> {
    const options = part.entry.isCompressed() ? { decompress: false } : {};
    return new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(part.entry, options, (err, s) =>
        err || !s ? reject(new ZipRefused(TRUNCATED)) : resolve(s)
      )
    );
  }

  private named(name: string): ZipPart {
    const part = this.byName.get(name);
    if (!part) throw new Error(`no part ${name}`);
    return part;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  part(name: string): ZipPart | undefined {
    return this.byName.get(name);
  }

  /**
   * The entry's inflated bytes in the chunks zlib gave (at most INFLATE_CHUNK each; one, for a stored entry or
   * one read whole before), for a parser that takes text piece by piece. Data that is cut, damaged or longer
   * than declared fails with a ZipRefused.
   */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    yield* this.kept.get(name) ?? (await this.inflate(this.named(name)));
  }

  async read(name: string): Promise<Buffer> {
    const chunks = this.kept.get(name) ?? (await this.inflate(this.named(name)));
    const data = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    if (this.kept.has(name)) this.kept.set(name, [data]);
    return data;
  }

  async text(name: string): Promise<string> {
    return (await this.read(name)).toString("utf8");
  }

  /** The entry exactly as stored in the zip (compressed), with what its directory record says of it. */
  async stored(name: string): Promise<StoredEntry> {
    const part = this.named(name);
    const s = await this.openStoredStream(part);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of s) chunks.push(chunk as Buffer);
    } catch (e) {
      throw refusal(e);
    }
    return {
      bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
      method: part.entry.compressionMethod,
      crc32: part.entry.crc32,
      size: part.size,
      mtime: part.mtime,
    };
  }
}

/** An entry as stored in a zip: its compressed bytes, how they were compressed, and its data's CRC and size. */
export interface StoredEntry {
  bytes: Buffer;
  /** 0 stored, 8 deflated (the only methods a package may use; others are refused on opening). */
  method: number;
  crc32: number;
  size: number;
  mtime: Date;
}

/** A failure while inflating an entry: its declared size was a lie (a bomb) or its data is cut or damaged. */
export function refusal(e: unknown): ZipRefused {
  if (e instanceof ZipRefused) return e;
  const message = String((e as Error)?.message ?? e);
  if ((e as { code?: string })?.code === "ERR_BUFFER_TOO_LARGE" || /too many bytes/i.test(message))
    return new ZipRefused(INFLATES_PAST_SIZE);
  return new ZipRefused(TRUNCATED);
}

/** What goes into a written package: bytes, or an entry copied from the package being patched. */
export type PartSource =
  | { name: string; data: Buffer }
  | { name: string; from: ZipPackage }
  | { name: string; directory: Date };

/** A zip entry's time as fflate takes it, years 1980 to 2099; some writers leave it at zero (DOS date 0 is 1979). */
function dosTime(d: Date): Date {
  const y = d.getFullYear();
  return Number.isNaN(y) || y < 1980 ? new Date(1980, 0, 1) : y > 2099 ? new Date(2099, 11, 31) : d;
}

/**
 * Data deflated, to be written with a data descriptor after it. fflate's streaming writer puts one after every
 * entry, and a reader that walks the local headers can find the end of deflated data by itself but not of stored
 * data (java.util.zip refuses a stored entry with a descriptor), so every entry is written deflated.
 */
function deflated(data: Buffer, mtime: Date, crc32 = zlib.crc32(data)): StoredEntry {
  return { bytes: zlib.deflateRawSync(data), method: 8, crc32, size: data.length, mtime };
}

/** The entry as it will be written: copied parts as they were deflated, new text deflated. */
async function storedOf(e: PartSource, now: Date): Promise<StoredEntry> {
  if ("directory" in e) return deflated(Buffer.alloc(0), e.directory);
  if ("data" in e) return deflated(e.data, now);
  const stored = await e.from.stored(e.name);
  return stored.method === 8 ? stored : deflated(stored.bytes, stored.mtime, stored.crc32);
}

/**
 * Writes a package to `file`. Copied entries keep their stored bytes (never inflated and deflated again); the
 * parts Hyoka wrote are deflated in this thread (on two cores, 170 parts handed to zlib's threads took longer
 * than deflating them here). fflate lays out the zip: each entry is handed to it already deflated, with its CRC
 * and size, as its ZipInputFile interface allows for any compression.
 */
export async function writeZip(file: string, entries: PartSource[]): Promise<void> {
  const now = new Date();
  let stored: StoredEntry[];
  try {
    stored = await Promise.all(entries.map((e) => storedOf(e, now)));
  } catch (e) {
    throw refusal(e);
  }
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else out.push(chunk);
  });
  entries.forEach((e, i) => {
    const s = stored[i];
    const member: ZipInputFile = {
      filename: e.name,
      size: s.size,
      crc: s.crc32,
      compression: s.method,
      mtime: dosTime(s.mtime),
    };
    zip.add(member);
    member.ondata!(null, s.bytes as Uint8Array<ArrayBuffer>, true);
  });
  zip.end();
  if (failure) throw failure;
  await fs.writeFile(file, out);
}

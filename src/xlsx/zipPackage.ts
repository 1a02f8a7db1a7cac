import { createWriteStream } from "fs";
import { Readable } from "stream";
import * as yauzl from "yauzl";
import * as yazl from "yazl";

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

/** One entry of the package as the zip directory tells it. */
export interface ZipPart {
  name: string;
  size: number;
  compressedSize: number;
  mtime: Date;
  /** A folder entry (name ending in "/"): some writers list folders; they are kept as they are. */
  directory: boolean;
  entry: yauzl.Entry;
}

/**
 * An opened .xlsx package: its entries in directory order, read on demand. Every read is bounded by the size the
 * directory declared (yauzl checks the actual size against it), and the declared sizes were checked against the
 * limits when the package was opened, so no entry can inflate past them.
 */
/** Decompressed entries kept from the size check for later reads, up to this many bytes in all. */
const CACHE_BYTES = 192 * 1024 * 1024;

export class ZipPackage {
  private readonly byName = new Map<string, ZipPart>();
  /** Inflated entries as the chunks they came in (joined only when a caller wants one buffer). */
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
          compressedSize: entry.compressedSize,
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
    await pkg.verifySizes();
    return pkg;
  }

  /**
   * Inflates every entry once, so an entry whose data is cut, damaged or longer than its declared size (yauzl
   * stops it at that size) refuses the file before anything is parsed or written. What is inflated is kept for
   * the reads and the copy that follow, up to CACHE_BYTES; beyond that, entries are inflated again when needed.
   */
  private async verifySizes(): Promise<void> {
    let keptBytes = 0;
    for (const p of this.parts) {
      if (p.directory) continue;
      const keep = keptBytes + p.size <= CACHE_BYTES;
      const chunks: Buffer[] = [];
      const s = await this.inflate(p);
      try {
        for await (const chunk of s) if (keep) chunks.push(chunk as Buffer);
      } catch (e) {
        throw refusal(e);
      }
      if (keep) {
        this.kept.set(p.name, chunks);
        keptBytes += p.size;
      }
    }
  }

  private inflate(part: ZipPart): Promise<Readable> {
    return new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(part.entry, (err, s) =>
        err || !s ? reject(new ZipRefused(TRUNCATED)) : resolve(s)
      )
    );
  }

  /** The entry's bytes when they were kept from the size check. */
  keptBytes(name: string): Buffer | undefined {
    const chunks = this.kept.get(name);
    if (!chunks) return undefined;
    if (chunks.length !== 1) this.kept.set(name, [Buffer.concat(chunks)]);
    return this.kept.get(name)![0];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  part(name: string): ZipPart | undefined {
    return this.byName.get(name);
  }

  /** The entry's decompressed bytes as a stream; a size that differs from the declared one fails the stream. */
  async stream(name: string): Promise<Readable> {
    const part = this.byName.get(name);
    if (!part) throw new Error(`no part ${name}`);
    const kept = this.kept.get(name);
    if (kept) return Readable.from(kept);
    return this.inflate(part);
  }

  async read(name: string): Promise<Buffer> {
    const kept = this.keptBytes(name);
    if (kept) return kept;
    const s = await this.stream(name);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of s) chunks.push(chunk as Buffer);
    } catch (e) {
      throw refusal(e);
    }
    return Buffer.concat(chunks);
  }

  async text(name: string): Promise<string> {
    return (await this.read(name)).toString("utf8");
  }
}

/** A failure while inflating an entry: its declared size was a lie (a bomb) or its data is cut or damaged. */
export function refusal(e: unknown): ZipRefused {
  if (e instanceof ZipRefused) return e;
  const message = String((e as Error)?.message ?? e);
  if (/too many bytes/i.test(message))
    return new ZipRefused({
      ja: "展開した大きさが宣言と違います（zip 爆弾の可能性があります）",
      en: "refused: an entry inflates past its declared size (possibly a zip bomb)",
    });
  return new ZipRefused(TRUNCATED);
}

/** What goes into a written package: bytes, or an entry copied from the package being patched. */
export type PartSource =
  | { name: string; data: Buffer }
  | { name: string; from: ZipPackage }
  | { name: string; directory: Date };

/** Writes a package, entry by entry, to `file`. Copied entries are streamed through without being held whole. */
export async function writeZip(file: string, entries: PartSource[]): Promise<void> {
  const zip = new yazl.ZipFile();
  let fail: (e: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    fail = (e) => reject(refusal(e));
    const out = createWriteStream(file);
    out.on("close", () => resolve());
    out.on("error", reject);
    zip.outputStream.on("error", reject);
    zip.outputStream.pipe(out);
  });
  const mtime = new Date();
  for (const e of entries) {
    if ("directory" in e) {
      zip.addEmptyDirectory(e.name, { mtime: e.directory });
    } else if ("data" in e) {
      zip.addBuffer(e.data, e.name, { mtime, compress: e.data.length > 0 });
    } else if (e.from.keptBytes(e.name)) {
      const data = e.from.keptBytes(e.name)!;
      zip.addBuffer(data, e.name, { mtime: e.from.part(e.name)!.mtime, compress: data.length > 0 });
    } else {
      const part = e.from.part(e.name)!;
      const stream = await e.from.stream(e.name);
      stream.on("error", fail);
      zip.addReadStream(stream, e.name, {
        mtime: part.mtime,
        size: part.size,
        compress: part.size > 0,
      });
    }
  }
  zip.end();
  await done;
}

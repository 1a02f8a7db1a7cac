import { inflateRawSync } from "zlib";
import {
  CENTRAL_ENTRY,
  LOCAL_ENTRY,
  localDataStart,
  readCentralEntry,
  readEndOfDirectory,
} from "./zipDirectory";

/** Why a file cannot be opened as a workbook, before any XML is parsed. */
export interface ZipProblem {
  ja: string;
  en: string;
}

export interface ZipLimits {
  /** Total bytes the entries may decompress to (a real evaluation workbook is a few MB). */
  maxUnzippedBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUnzippedBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/**
 * Reads the zip directory of an .xlsx and refuses, with a plain reason, files that are cut short or would
 * decompress past the limit (a zip bomb). Every entry is inflated with a ceiling, so sizes that lie are caught
 * before ExcelJS ever holds the data.
 */
export function checkZip(data: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipProblem | null {
  const truncated: ZipProblem = {
    ja: "ファイルが途中で切れています（.xlsx の末尾がありません）。保存し直すか、元のファイルを使ってください",
    en: "the file is cut short (the end of the .xlsx is missing); save it again or use the original",
  };
  const end = readEndOfDirectory(data);
  if (!end) return truncated;
  const { entries, size, offset } = end;
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    return { ja: "ZIP64 形式の巨大なファイルは開けません", en: "huge ZIP64 files are not opened" };
  if (offset + size > end.at) return truncated;
  if (entries > limits.maxEntries)
    return {
      ja: `ファイル内の項目が多すぎます（${entries} 個、上限 ${limits.maxEntries}）`,
      en: `too many entries in the file (${entries}, limit ${limits.maxEntries})`,
    };
  const tooLarge = (bytes: number): ZipProblem => ({
    ja: `展開すると ${mb(bytes)} を超えるため開きません（上限 ${mb(limits.maxUnzippedBytes)}。zip 爆弾の可能性があります）`,
    en: `refused: it would decompress past ${mb(bytes)} (limit ${mb(limits.maxUnzippedBytes)}; possibly a zip bomb)`,
  });
  let total = 0;
  let p = offset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL_ENTRY) return truncated;
    const {
      method,
      compressedSize: compressed,
      size: declared,
      localOffset: local,
      next,
    } = readCentralEntry(data, p);
    total += declared;
    if (total > limits.maxUnzippedBytes) return tooLarge(total);
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL_ENTRY) return truncated;
    const start = localDataStart(data, local);
    if (start + compressed > data.length) return truncated;
    if (method === 8) {
      // The real size, inflated with a ceiling: a lying header cannot make this allocate more than declared.
      try {
        const out = inflateRawSync(data.subarray(start, start + compressed), {
          maxOutputLength: Math.max(1, declared),
        });
        if (out.length !== declared) return truncated;
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return tooLarge(total);
        return truncated;
      }
    } else if (method !== 0) {
      return { ja: "対応していない圧縮方式です", en: "unsupported compression method" };
    }
    p = next;
  }
  return null;
}

import ExcelJS from "exceljs";
import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zipCheck";
import { useLinearMergeCheck } from "./mergeCheck";
import { deflateStoredZip } from "./zipDeflate";

export class UnusableFileError extends Error {
  constructor(
    readonly file: string,
    readonly ja: string,
    readonly en: string
  ) {
    super(`${file}: ${en}`);
    this.name = "UnusableFileError";
  }
}

/** Opens an .xlsx file; anything that is not a readable .xlsx becomes an UnusableFileError with a plain message. */
export async function loadWorkbook(
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS
): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    throw new UnusableFileError(
      file,
      "ファイルを開けません（存在しないか読み取れません）",
      "cannot open the file (missing or unreadable)"
    );
  }
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    const ole = data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0;
    throw new UnusableFileError(
      file,
      ole
        ? "暗号化された、または古い形式（.xls）のファイルです。.xlsx で保存し直してください"
        : ".xlsx ファイルではありません",
      ole
        ? "the file is encrypted or in the old .xls format; save it as .xlsx"
        : "not an .xlsx file"
    );
  }
  const problem = checkZip(data, limits);
  if (problem) throw new UnusableFileError(file, problem.ja, problem.en);
  useLinearMergeCheck();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnusableFileError(
      file,
      `.xlsx として読めません（壊れている可能性があります）: ${(e as Error).message}`,
      `cannot be read as .xlsx (it may be damaged): ${(e as Error).message}`
    );
  }
  return workbook;
}

/**
 * Writes to a temporary file beside the target, then renames, so a failed write never leaves half a file.
 * ExcelJS lays the entries out uncompressed and zlib compresses them (see zipDeflate): the same contents,
 * written in a third of the time ExcelJS's own compression takes.
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  // A Node Buffer at run time (JSZip's nodebuffer), typed by ExcelJS as an ArrayBuffer: no copy when it is one.
  const data = await deflateStoredZip(Buffer.isBuffer(stored) ? stored : Buffer.from(stored));
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

/** A copy of the file beside it, named with the time (book.backup-20261122-031500.xlsx); never overwrites. */
export async function backupFile(file: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  for (let i = 0; ; i++) {
    const backup = `${base}.backup-${stamp}${i > 0 ? `-${i}` : ""}${ext || ".xlsx"}`;
    try {
      await fs.copyFile(file, backup, fsConstants.COPYFILE_EXCL);
      return backup;
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw e;
    }
  }
}

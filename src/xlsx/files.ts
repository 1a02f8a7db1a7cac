import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import type { SheetGrid } from "../core/grid";
import type { WritePlan } from "../core/plan";
import { applyPlanToPackage, type ApplyOutcome } from "./applyPlan";
import { BadPartError, readBookInfo, readGridsOf, type BookInfo } from "./readBook";
import { DEFAULT_ZIP_LIMITS, writeZip, ZipPackage, ZipRefused, type ZipLimits } from "./zipPackage";

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

/** An opened workbook file: its package (parts read on demand), its sheets and their grids. */
export interface XlsxBook {
  file: string;
  pkg: ZipPackage;
  info: BookInfo;
  grids: SheetGrid[];
}

function unusable(file: string, e: unknown): UnusableFileError {
  if (e instanceof UnusableFileError) return e;
  if (e instanceof ZipRefused) return new UnusableFileError(file, e.problem.ja, e.problem.en);
  const detail = e instanceof BadPartError ? e.message : String((e as Error)?.message ?? e);
  return new UnusableFileError(
    file,
    `.xlsx として読めません（壊れている可能性があります）: ${detail}`,
    `cannot be read as .xlsx (it may be damaged): ${detail}`
  );
}

/** Opens an .xlsx/.xlsm file and reads its grids; anything that is not a readable workbook becomes an UnusableFileError. */
export async function loadBook(
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS
): Promise<XlsxBook> {
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
  try {
    const pkg = await ZipPackage.open(data, limits);
    const info = await readBookInfo(pkg);
    const grids = await readGridsOf(pkg, info);
    return { file, pkg, info, grids };
  } catch (e) {
    throw unusable(file, e);
  }
}

/**
 * Applies a plan and writes the result to a temporary file beside the target, then renames, so a failed write
 * never leaves half a file. Parts the plan does not touch are copied from the original as they are.
 */
export async function saveBook(
  book: XlsxBook,
  plan: WritePlan,
  target: string
): Promise<ApplyOutcome> {
  const { edit, outcome } = await applyPlanToPackage(book.pkg, book.info, plan);
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await writeZip(tmp, await edit.entries());
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw unusable(book.file, e);
  }
  await fs.rename(tmp, target);
  return outcome;
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

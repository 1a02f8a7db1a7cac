import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/core/report";
import { buildClearPlan, buildWritePlan } from "../../src/core/plan";
import { defaultProfile, type Profile } from "../../src/core/profile";
import { loadBook, saveBook } from "../../src/xlsx/files";
import type { ApplyOutcome } from "../../src/xlsx/applyPlan";

/**
 * The sample and the workbooks other tools wrote (test/fixtures; libreoffice.xlsx is rich.xlsx saved by
 * LibreOffice Calc 7.4): the files every file-adapter test runs on.
 */
export const FIXTURE_BOOKS = [
  "minato-h28.xlsx",
  "rich.xlsx",
  "notes.xlsx",
  "x14.xlsx",
  "macro.xlsm",
  "libreoffice.xlsx",
];

/** A workbook read by ExcelJS: an independent reader for what Hyoka's file adapter wrote. */
export async function loadWithExcelJs(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Writes an ExcelJS-built workbook to a temporary file (fixtures made in tests). */
export async function writeWithExcelJs(wb: ExcelJS.Workbook, name = "book.xlsx"): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-fixture-"));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** `check --out` through the file adapter, without the command line's printing. */
export async function checkInto(
  input: string,
  output: string,
  profile: Profile = defaultProfile
): Promise<ApplyOutcome> {
  const book = await loadBook(input);
  return saveBook(book, buildWritePlan(checkWorkbook(book.grids, profile), profile, "ja"), output);
}

/** `clear --out` through the file adapter. */
export async function clearInto(input: string, output: string): Promise<ApplyOutcome> {
  const book = await loadBook(input);
  return saveBook(book, buildClearPlan(book.grids), output);
}

/**
 * What real workbooks hold that trips an Office adapter which trusts its stand-in: a person's scratch sheet with more
 * merged areas than getMergedAreasOrNullObject answers for at once (512), a person's conditional format on two
 * areas (getRange() throws for it), and a threaded comment. The adapter tests run on the sample with and without them.
 */
import type ExcelJS from "exceljs";
import { rangeBounds } from "../../src/core/grid";
import type { MockBook } from "./mockBook";

export const SCRATCH_SHEET = "作業メモ";
export const SCRATCH_MERGES = 600;

/** Adds the scratch sheet: each of 600 rows merges A:B (a note) beside a number in C. */
export function addMergedScratchSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SCRATCH_SHEET);
  for (let r = 1; r <= SCRATCH_MERGES; r++) {
    ws.getCell(r, 1).value = `確認メモ ${r}`;
    ws.getCell(r, 3).value = r;
    ws.mergeCells(r, 1, r, 2);
  }
}

/** What a person adds in Excel: a formula rule on C1:C5 and C10:C12 of the scratch sheet, and a threaded comment. */
export function addPersonsExcelMarks(
  book: MockBook,
  comment: { sheet: string; cell: string }
): void {
  const scratch = book.sheets.find((s) => s.name === SCRATCH_SHEET)!;
  scratch.rules.push({
    id: 42,
    type: "Custom",
    bounds: rangeBounds("C1:C5"),
    more: [rangeBounds("C10:C12")],
    formula: "C1>5",
    fill: "#FFFF00",
    font: "#000000",
  });
  book.sheets
    .find((s) => s.name === comment.sheet)!
    .comments.set(comment.cell, "ここは要確認（山田）");
}

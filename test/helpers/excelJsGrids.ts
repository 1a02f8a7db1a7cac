import type ExcelJS from "exceljs";
import type { MergedArea, SheetGrid } from "../../src/core/grid";
import { rangeBounds, trimGrid } from "../../src/core/grid";
import { displayText } from "../../src/core/display";

/** A cell's value without ExcelJS's wrappers: a formula's result, an error code, rich text joined, a link's text. */
export function plainValue(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value && Array.isArray(value.richText))
    return value.richText.map((r) => r.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value)
    return plainValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in value) return String((value as { text: unknown }).text ?? "");
  return String(value);
}

/** A cell's value as a person sees it: formula results, error codes, rich text joined, percentages as 55.9%. */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  return displayText(plainValue(value), numFmt);
}

/** A worksheet's merged areas, 0-based. */
export function mergesOf(ws: ExcelJS.Worksheet): MergedArea[] {
  return ((ws.model as { merges?: string[] }).merges ?? []).map(rangeBounds);
}

/** Every worksheet as a grid: displayed text of each cell (only the top-left cell of a merge holds it) and merges. */
export function readGrids(workbook: ExcelJS.Workbook): SheetGrid[] {
  return workbook.worksheets.map((ws) => {
    const merges = mergesOf(ws);
    // Cells covered by a merge, as row * 16384 + column (Excel's column count): numbers, not strings, per cell.
    const covered = new Set<number>();
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++)
          if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
      }
    }
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    const cells: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const row = ws.getRow(r + 1);
      const out: string[] = new Array(cols).fill("");
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (colNumber > cols || covered.has(r * 16384 + colNumber - 1)) return;
        out[colNumber - 1] = cellText(cell.value, cell.numFmt);
      });
      cells.push(out);
    }
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
      .sheetProtection;
    return trimGrid({
      name: ws.name,
      cells,
      merges,
      hidden: ws.state !== "visible",
      ...(protection?.sheet ? { protected: true } : {}),
    });
  });
}

import type ExcelJS from "exceljs";
import { mergesOf, plainValue } from "../helpers/excelJsGrids";
import type { SheetGrid } from "../../src/core/grid";
import type { BookJson, CellValue } from "./mockBook";

function serial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A cell as Excel's Range.values gives it: formula results, joined rich text, dates as serial numbers. */
function excelValue(value: ExcelJS.CellValue): CellValue {
  const plain = plainValue(value);
  return plain instanceof Date ? serial(plain) : (plain ?? "");
}

/** What Excel would hold for a workbook file: the book the stand-in host serves. */
export function bookJsonFromWorkbook(workbook: ExcelJS.Workbook): BookJson {
  return {
    sheets: workbook.worksheets.map((ws) => {
      const merges = mergesOf(ws);
      const covered = (r: number, c: number) =>
        merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
      const values: CellValue[][] = [];
      const formats: string[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          const r = rowNumber - 1;
          const c = colNumber - 1;
          if (covered(r, c)) return;
          while (values.length <= r) values.push([]);
          while (formats.length <= r) formats.push([]);
          values[r][c] = excelValue(cell.value);
          formats[r][c] = cell.numFmt || "General";
        });
      });
      const dense = (rows: unknown[][], fill: unknown) => rows.map((row) => Array.from(row, (v) => v ?? fill));
      return {
        name: ws.name,
        visibility: ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible",
        values: dense(values, "") as CellValue[][],
        formats: dense(formats, "General") as string[][],
        merges,
      };
    }),
  };
}

/**
 * Grids with their merged areas in reading order, to compare the two adapters: Excel documents no order for the
 * areas getMergedAreasOrNullObject gives, and the Office adapter reads them tile by tile.
 */
export function mergesInReadingOrder(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => ({
    ...g,
    merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left),
  }));
}

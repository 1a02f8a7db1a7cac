import type ExcelJS from "exceljs";
import type { BookJson, CellValue } from "./mockBook";

function serial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A cell as Excel's Range.values gives it: formula results, joined rich text, dates as serial numbers. */
function excelValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return serial(value);
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result && typeof result === "object" && "error" in result) return String(result.error);
    return excelValue(result ?? null);
  }
  if ("text" in value) return String((value as { text: unknown }).text ?? "");
  return String(value);
}

/** What Excel would hold for a workbook file: the book the stand-in host serves. */
export function bookJsonFromWorkbook(workbook: ExcelJS.Workbook): BookJson {
  return {
    sheets: workbook.worksheets.map((ws) => {
      const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((ref) => {
        const [s, e = s] = ref.split(":");
        const cell = (a: string) => ws.getCell(a);
        const a = cell(s);
        const b = cell(e);
        return { top: Number(a.row) - 1, left: Number(a.col) - 1, bottom: Number(b.row) - 1, right: Number(b.col) - 1 };
      });
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

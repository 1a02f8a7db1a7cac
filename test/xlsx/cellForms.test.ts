import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseA1, type SheetGrid } from "../../src/core/grid";
import { loadBook } from "../../src/xlsx/files";
import { writeWithExcelJs } from "../helpers/xlsxFiles";
import { checkWorkbook } from "../../src/core/report";
import { defaultProfile } from "../../src/core/profile";
import { main } from "../../src/cli/main";
import { SAMPLE } from "../helpers/seed";

const OUTCOMES = "1 めざす成果及び戦略";
const INITIATIVES = "1 具体的取組";

async function sample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return wb;
}

/** The grids as the file adapter reads the saved workbook (what a user's file would hold). */
async function reread(wb: ExcelJS.Workbook): Promise<SheetGrid[]> {
  return (await loadBook(await writeWithExcelJs(wb))).grids;
}

function text(grids: SheetGrid[], sheet: string, cell: string): string {
  const g = grids.find((x) => x.name === sheet)!;
  const { row, col } = parseA1(cell);
  return g.cells[row][col];
}

describe("numbers, dates, rich text and formulas read as a person sees them", () => {
  // K6 is 前年度 of 【1-1】's first indicator (59.5% in the seed).
  test.each([
    ["a number formatted as a percentage", { value: 0.595, numFmt: "0.0%" }, "59.5%"],
    ["text", { value: "59.5%" }, "59.5%"],
    ["a full-width text", { value: "５９．５％" }, "５９．５％"],
    ["a formula whose result is a percentage", { value: { formula: "0.5+0.095", result: 0.595 }, numFmt: "0.0%" }, "59.5%"],
  ])("前年度 as %s", async (_, cell, shown) => {
    const wb = await sample();
    const k6 = wb.getWorksheet(OUTCOMES)!.getCell("K6");
    k6.value = cell.value as ExcelJS.CellValue;
    if ("numFmt" in cell) k6.numFmt = cell.numFmt as string;
    const again = await reread(wb);
    expect(text(again, OUTCOMES, "K6")).toBe(shown);
    const result = checkWorkbook(again, defaultProfile);
    const row = result.evaluation.outcomes.find((o) => o.sheet === OUTCOMES && o.row === 5)!;
    expect(result.judgements.indicator.get(row)?.previous?.value).toBeCloseTo(59.5);
  });

  test("a number with no format reads as the number, and its missing unit makes the comparison undecidable, not OK", async () => {
    const wb = await sample();
    wb.getWorksheet(OUTCOMES)!.getCell("K6").value = 59.5;
    const again = await reread(wb);
    expect(text(again, OUTCOMES, "K6")).toBe("59.5");
    const result = checkWorkbook(again, defaultProfile);
    const row = result.evaluation.outcomes.find((o) => o.sheet === OUTCOMES && o.row === 5)!;
    expect(result.judgements.indicator.get(row)?.improved).toBeNull();
  });

  test("a date reads as its day, and is not a quantity", async () => {
    const wb = await sample();
    const f9 = wb.getWorksheet(INITIATIVES)!.getCell("F9");
    f9.value = new Date(Date.UTC(2016, 4, 1));
    f9.numFmt = "yyyy/m/d";
    const again = await reread(wb);
    expect(text(again, INITIATIVES, "F9")).toBe("2016-05-01");
    const result = checkWorkbook(again, defaultProfile);
    const finding = result.findings.find((f) => f.sheet === INITIATIVES && f.cell === "G9")!;
    expect(finding.severity).toBe("info"); // no actual to compare with: undecidable, never OK
  });

  test("rich text is read as its joined runs", async () => {
    const wb = await sample();
    wb.getWorksheet(INITIATIVES)!.getCell("F9").value = {
      richText: [{ text: "「港区ワークス探検団」協力企業　" }, { font: { bold: true }, text: "８社" }],
    };
    const again = await reread(wb);
    expect(text(again, INITIATIVES, "F9")).toBe("「港区ワークス探検団」協力企業　８社");
  });

  test.each(["#N/A", "#DIV/0!", "#REF!"])("a formula with the error %s is named at its cell by the command line", async (error) => {
    const wb = await sample();
    wb.getWorksheet(INITIATIVES)!.getCell("F9").value = { formula: "A1/0", result: { error } } as ExcelJS.CellValue;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-forms-"));
    const file = path.join(dir, "book.xlsx");
    await wb.xlsx.writeFile(file);
    const out: string[] = [];
    expect(await main(["check", file], { out: (t) => out.push(t), err: () => undefined })).toBe(0);
    expect(out.join("\n")).toContain(`注意 F9 数式がエラー（${error}）`);
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("a protected sheet is read, checked and colored in the copy, and the command line says it is protected", async () => {
    const wb = await sample();
    await wb.getWorksheet(INITIATIVES)!.protect("secret", {});
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-protected-"));
    const file = path.join(dir, "book.xlsx");
    await wb.xlsx.writeFile(file);
    const out: string[] = [];
    expect(await main(["check", file, "--out", path.join(dir, "out.xlsx")], { out: (t) => out.push(t), err: () => undefined })).toBe(0);
    expect(out.join("\n")).toContain(`保護されたシート: ${INITIATIVES}`);
    expect(out.join("\n")).toMatch(/計.*達成\s+7\s+未達成\s+5/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

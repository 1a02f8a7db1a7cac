import ExcelJS from "exceljs";
import * as path from "path";
import { SAMPLE } from "../helpers/seed";
import { checkInto, clearInto, loadWithExcelJs, writeWithExcelJs } from "../helpers/xlsxFiles";

/** Checks a workbook built in the test through the file adapter; returns the outcome and the result as ExcelJS reads it. */
async function check(wb: ExcelJS.Workbook) {
  const input = await writeWithExcelJs(wb);
  const output = path.join(path.dirname(input), "checked.xlsx");
  const outcome = await checkInto(input, output);
  return { file: output, wb: await loadWithExcelJs(output), outcome };
}

describe("summary sheets", () => {
  test("a summary sheet with values a person typed is not overwritten: Hyoka writes its own beside it", async () => {
    const wb = await loadWithExcelJs(SAMPLE);
    wb.getWorksheet("業績目標の達成状況")!.getCell("A3").value = "経営課題1 (手入力)";
    const { wb: out } = await check(wb);
    expect(out.getWorksheet("業績目標の達成状況")!.getCell("A3").value).toBe("経営課題1 (手入力)");
    expect(out.getWorksheet("業績目標の達成状況")!.getCell("A4").value).toBeNull();
    const own = out.worksheets.find((w) => w.name.startsWith("業績目標の達成状況（Hyoka"))!;
    expect(own.getCell("A3").value).toBe("経営課題1");
    expect(own.getCell("C5").value).toBe(7);
  });

  test("without summary sheets Hyoka creates them; re-running does not stack; clear removes them", async () => {
    const wb = await loadWithExcelJs(SAMPLE);
    wb.removeWorksheet(wb.getWorksheet("業績目標の達成状況")!.id);
    wb.removeWorksheet(wb.getWorksheet("目標未達成の取組み")!.id);
    const names = wb.worksheets.map((w) => w.name);
    const { file: onceFile, wb: once } = await check(wb);
    expect(once.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([...names, "業績目標の達成状況", "目標未達成の取組み"]);
    expect(once.getWorksheet("業績目標の達成状況")!.getCell("A1").value).toBe("業績目標の達成状況");
    expect(once.getWorksheet("目標未達成の取組み")!.getCell("A3").value).toContain("地域課題解決型広報紙配布事業");
    // Titles and column headers bold, every cell wrapped at the top; the bold stays on those cells alone.
    const created = once.getWorksheet("目標未達成の取組み")!;
    expect(created.getCell("A1").font?.bold).toBe(true);
    expect(created.getCell("A2").font?.bold).toBe(true);
    expect(created.getCell("A3").font?.bold).toBeFalsy();
    expect(created.getCell("A3").alignment).toEqual({ wrapText: true, vertical: "top" });
    expect(created.getCell("A1").alignment).toEqual({ wrapText: true, vertical: "top" });
    const twiceFile = path.join(path.dirname(onceFile), "twice.xlsx");
    await checkInto(onceFile, twiceFile);
    expect((await loadWithExcelJs(twiceFile)).worksheets.map((w) => w.name)).toEqual(once.worksheets.map((w) => w.name));
    const clearedFile = path.join(path.dirname(onceFile), "cleared.xlsx");
    await clearInto(twiceFile, clearedFile);
    expect((await loadWithExcelJs(clearedFile)).worksheets.map((w) => w.name)).toEqual(names);
  });

  test("a cell that already has a person's note keeps it", async () => {
    const wb = await loadWithExcelJs(SAMPLE);
    wb.getWorksheet("1 具体的取組")!.getCell("G9").note = "担当者メモ";
    const { wb: out, outcome } = await check(wb);
    expect(out.getWorksheet("1 具体的取組")!.getCell("G9").note).toBe("担当者メモ");
    expect(outcome.skipped).toEqual([{ sheet: "1 具体的取組", cell: "G9", what: "note" }]);
  });
});

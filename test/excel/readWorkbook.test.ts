import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { readGrids } from "../helpers/excelJsGrids";
import { MockExcelHost } from "../host/mockExcel";
import { bookFromJson, emptySheet } from "../host/mockBook";
import { bookJsonFromWorkbook, mergesInReadingOrder } from "../host/fromXlsx";
import { SAMPLE } from "../helpers/seed";
import { addMergedScratchSheet, addPersonsExcelMarks } from "../host/hazards";

async function sample(hazards: boolean): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  if (hazards) addMergedScratchSheet(wb);
  return wb;
}

describe.each([
  { fixture: "as saved", hazards: false },
  {
    fixture: "with a person's two-area rule, 600 merged areas and a threaded comment",
    hazards: true,
  },
])("readWorkbook (Office adapter) on the sample workbook $fixture", ({ hazards }) => {
  test("reads the same grids as the .xlsx adapter, in two syncs", async () => {
    const wb = await sample(hazards);
    const book = bookFromJson(bookJsonFromWorkbook(wb));
    if (hazards) addPersonsExcelMarks(book, { sheet: "1 具体的取組", cell: "B5" });
    const host = new MockExcelHost(book);
    const snapshot = await readWorkbook(host.context());
    expect(mergesInReadingOrder(snapshot.grids)).toEqual(mergesInReadingOrder(readGrids(wb)));
    expect(snapshot.syncs).toBe(2);
    expect(host.syncs).toBe(2);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
  });
});

describe("readWorkbook's first sync: the sheets and their used ranges", () => {
  test("a workbook of more sheets than the walk covers takes one more sync, and reads every sheet", async () => {
    const wb = await sample(false);
    const book = bookFromJson(bookJsonFromWorkbook(wb));
    for (let i = 0; i < 70; i++) {
      const extra = emptySheet(`メモ${i}`);
      extra.values = [[`メモ ${i}`]];
      book.sheets.push(extra);
    }
    const snapshot = await readWorkbook(new MockExcelHost(book).context());
    expect(snapshot.syncs).toBe(3);
    expect(snapshot.grids.at(-1)).toMatchObject({ name: "メモ69", cells: [["メモ 69"]] });
  });

  test("should Excel refuse calls past the last sheet, the read lists the sheets alone and reads the same", async () => {
    const wb = await sample(false);
    const json = bookJsonFromWorkbook(wb);
    const walked = await readWorkbook(new MockExcelHost(bookFromJson(json)).context());
    const host = new MockExcelHost(bookFromJson(json), { pastLastSheet: "refused" });
    const listed = await readWorkbook(host.context());
    expect(listed.grids).toEqual(walked.grids);
    expect(listed.syncs).toBe(4); // refused walk, list, used ranges, cells
  });
});

import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { readGrids } from "../helpers/excelJsGrids";
import { MockExcelHost } from "../host/mockExcel";
import { bookFromJson } from "../host/mockBook";
import { bookJsonFromWorkbook } from "../host/fromXlsx";
import { SAMPLE } from "../helpers/seed";

async function sample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return wb;
}

describe("readWorkbook (Office adapter) on the sample workbook", () => {
  test("reads the same grids as the .xlsx adapter, in two syncs", async () => {
    const wb = await sample();
    const host = new MockExcelHost(bookFromJson(bookJsonFromWorkbook(wb)));
    const snapshot = await readWorkbook(host.context());
    expect(snapshot.grids).toEqual(readGrids(wb));
    expect(snapshot.syncs).toBe(2);
    expect(host.syncs).toBe(2);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
  });
});

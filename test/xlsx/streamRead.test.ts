import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readGrids as readGridsWithExcelJs } from "../helpers/excelJsGrids";
import { ZipPackage } from "../../src/xlsx/zipPackage";
import { readBookInfo, readGridsOf } from "../../src/xlsx/readBook";

const FIXTURES = path.join(__dirname, "..", "fixtures");

describe("the streaming reader gives the grids the ExcelJS reader gave", () => {
  test.each(["minato-h28.xlsx", "rich.xlsx", "notes.xlsx", "x14.xlsx", "macro.xlsm", "libreoffice.xlsx"])("%s", async (name) => {
    const data = await fs.readFile(path.join(FIXTURES, name));
    const pkg = await ZipPackage.open(data);
    const grids = await readGridsOf(pkg, await readBookInfo(pkg));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    expect(grids).toEqual(readGridsWithExcelJs(wb));
  });
});

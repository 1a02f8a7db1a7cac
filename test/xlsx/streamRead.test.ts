import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readGrids as readGridsWithExcelJs } from "../helpers/excelJsGrids";
import { ZipPackage } from "../../src/xlsx/zipPackage";
import { readBookInfo, readGridsOf, readSharedStrings } from "../../src/xlsx/readBook";
import { makeZip } from "../helpers/zip";
import { FIXTURE_BOOKS } from "../helpers/xlsxFiles";

const FIXTURES = path.join(__dirname, "..", "fixtures");

describe("the streaming reader gives the grids the ExcelJS reader gave", () => {
  test.each(FIXTURE_BOOKS)("%s", async (name) => {
    const data = await fs.readFile(path.join(FIXTURES, name));
    const pkg = await ZipPackage.open(data);
    const grids = await readGridsOf(pkg, await readBookInfo(pkg));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    expect(grids).toEqual(readGridsWithExcelJs(wb));
  });
});

describe("a part inflated in several chunks", () => {
  test("characters cut between chunks are read whole (a 2 MB shared-strings part of three-byte characters)", async () => {
    const expected = Array.from(
      { length: 60_000 },
      (_, i) => `港区の地域活動協議会${i}「まちづくり」`
    );
    const xml = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${expected
      .map((s) => `<si><t>${s}</t></si>`)
      .join("")}</sst>`;
    const data = Buffer.from(xml, "utf8");
    expect(data.length).toBeGreaterThan(2 * 1024 * 1024);
    const pkg = await ZipPackage.open(makeZip([{ name: "xl/sharedStrings.xml", data }]));
    const chunks: Buffer[] = [];
    for await (const c of pkg.chunks("xl/sharedStrings.xml")) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.some((c) => c.subarray(-3).toString("utf8").includes("\ufffd"))).toBe(true);
    expect(await readSharedStrings(pkg, "xl/sharedStrings.xml")).toEqual(expected);
  });
});

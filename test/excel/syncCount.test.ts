import ExcelJS from "exceljs";
import { syntheticWorkbook } from "../../bench/synthetic";
import { measureOffice } from "../../bench/officeAdapter";
import { MAX_MERGED_AREAS } from "../host/mockExcel";
import { SAMPLE } from "../helpers/seed";

/** The benchmark's workbooks through the stand-in: the sync counts `npm run bench` reports, held as a test. */
describe("read + apply in four syncs on the benchmark's workbooks", () => {
  let template: ExcelJS.Workbook;
  beforeAll(async () => {
    template = new ExcelJS.Workbook();
    await template.xlsx.readFile(SAMPLE);
  });

  test.each([
    [100, "Excel on the web", 5 * 1024 * 1024],
    [100, "desktop Excel", Number.POSITIVE_INFINITY],
    [1000, "Excel on the web", 5 * 1024 * 1024],
    [1000, "desktop Excel", Number.POSITIVE_INFINITY],
  ])("%i initiatives, %s", async (initiatives, _host, payloadLimit) => {
    const wb = syntheticWorkbook(template, initiatives);
    const mostMerges = Math.max(
      ...wb.worksheets.map((ws) => ((ws.model as { merges?: string[] }).merges ?? []).length)
    );
    const figures = await measureOffice(wb, payloadLimit);
    expect(figures.applied).toBe(true);
    expect([figures.readSyncs, figures.applySyncs, figures.nextReadSyncs]).toEqual([2, 2, 2]);
    // At 1,000 an outcome sheet holds more merged areas than one getMergedAreasOrNullObject answers for.
    if (initiatives === 1000) expect(mostMerges).toBeGreaterThan(MAX_MERGED_AREAS);
  });
});

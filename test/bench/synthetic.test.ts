import ExcelJS from "exceljs";
import { shapeFor, syntheticWorkbook } from "../../bench/synthetic";
import { readGrids } from "../helpers/excelJsGrids";
import { checkWorkbook } from "../../src/core/report";
import { defaultProfile } from "../../src/core/profile";
import { SAMPLE } from "../helpers/seed";

describe("synthetic workbooks for the benchmark", () => {
  test.each([100, 250])("%i initiatives in the sample's layout are all recognized and judged", async (n) => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(SAMPLE);
    const wb = syntheticWorkbook(template, n);
    const shape = shapeFor(n);
    const result = checkWorkbook(readGrids(wb), defaultProfile);
    expect(result.evaluation.initiatives).toHaveLength(n);
    expect(result.evaluation.outcomes).toHaveLength(shape.outcomeRows);
    expect(result.evaluation.sheets.filter((s) => s.role !== "other" && s.missing.length === 0)).toHaveLength(
      2 * shape.issues
    );
    expect(new Set(result.evaluation.initiatives.map((i) => i.code)).size).toBe(n);
    // Every copy's texts are its own: no label repeats across initiatives to flatter a cache.
    expect(new Set(result.evaluation.initiatives.map((i) => i.actual.text)).size).toBe(n);
    const judged = [...result.judgements.achievement.values()];
    expect(judged.filter((j) => j.expected !== null).length).toBeGreaterThan(n / 2);
    expect(result.findings.filter((f) => f.rule === "duplicate-initiative" || f.rule === "unplaced-rows")).toEqual([]);
    expect(wb.worksheets.every((ws) => ((ws.model as { merges?: string[] }).merges ?? []).length > 0)).toBe(true);
  });
});

import * as path from "path";
import { defaultProfile as P } from "../../src/core/profile";
import { checkWorkbook, toJsonReport } from "../../src/core/report";
import { loadBook } from "../../src/xlsx/files";
import { achievement, explain, withdrawal } from "../../src/functions/functions";
import { SAMPLE } from "../helpers/seed";

// The sample as ExcelJS wrote it, and the same sheets as XlsxWriter (Python) wrote them with charts, tables,
// notes and x14 extensions (copied from the project's fidelity set).
const BOOKS = [SAMPLE, path.resolve(__dirname, "../fixtures/rich.xlsx"), path.resolve(__dirname, "../fixtures/x14.xlsx")];
const WORD = { hit: "該当", notHit: "非該当", undecidable: "判定不可" } as const;

beforeAll(() => {
  (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: "ja-JP" } };
});
afterAll(() => {
  (globalThis as Record<string, unknown>).Office = undefined;
});

describe("the functions in cells say what the pane's 撤退基準 view says", () => {
  test.each(BOOKS.map((f) => [path.basename(f), f]))("every initiative of %s", async (_name, file) => {
    const result = checkWorkbook((await loadBook(file)).grids, P);
    const report = toJsonReport(result, P, "ja");
    expect(report.initiatives).toHaveLength(12);
    result.evaluation.initiatives.forEach((init, i) => {
      const row = report.initiatives[i];
      const [t, d, a] = [init.target.text, init.threshold.text, init.actual.text];
      expect({ code: row.code, verdict: withdrawal(d, a) }).toEqual({ code: row.code, verdict: WORD[row.withdrawal.verdict] });
      const expected = row.expected.withdrawalUndecidable && row.expected.achievement !== "③" ? null : row.expected.achievement;
      expect({ code: row.code, code2: achievement(t, d, a) }).toEqual({ code: row.code, code2: expected ?? "判定不可" });
      for (const th of row.withdrawal.thresholds) expect(explain(t, d, a)).toContain(th.read ?? th.source);
    });
    // The same verdicts and cells whichever tool wrote the file.
    expect(report.initiatives.map((r) => [r.code, r.withdrawal.verdict, r.withdrawal.cell])).toEqual([
      ["1-1-1", "notHit", "D5"],
      ["1-1-2", "notHit", "D6"],
      ["1-2-1", "notHit", "D7"],
      ["1-2-2", "notHit", "D8"],
      ["1-3-1", "notHit", "D9"],
      ["1-3-3", "notHit", "D10"],
      ["6-1-1", "notHit", "D5"],
      ["6-1-2", "undecidable", "D6"],
      ["6-2-1", "hit", "D7"],
      ["6-3-1", "notHit", "D8"],
      ["6-4-2", "notHit", "D9"],
      ["6-4-3", "hit", "D10"],
    ]);
  });
});

import { defaultProfile as P } from "../src/core/profile";
import { checkWorkbook, toJsonReport } from "../src/core/report";
import { reportSchema } from "../src/core/reportSchema";
import { loadBook } from "../src/xlsx/files";
import { SAMPLE } from "./helpers/seed";

describe("the bundled sample workbook (港区 平成28年度)", () => {
  let report: ReturnType<typeof toJsonReport>;
  beforeAll(async () => {
    const { grids } = await loadBook(SAMPLE);
    report = toJsonReport(checkWorkbook(grids, P), P, "ja", "minato-h28.xlsx");
  });

  test("the report matches its published schema", () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  test("sheets and roles", () => {
    expect(report.sheets.map((s) => [s.name, s.role, s.headerRow])).toEqual([
      ["1 めざす成果及び戦略", "outcome", 5],
      ["1 具体的取組", "initiative", 4],
      ["6 めざす成果及び戦略", "outcome", 5],
      ["6 具体的取組", "initiative", 4],
      ["業績目標の達成状況", "tallySummary", 2],
      ["目標未達成の取組み", "unmetSummary", 2],
    ]);
  });

  test("every initiative's expected ①②③ is the recorded one, except 1-3-1 which gets a warning", () => {
    const differ = report.initiatives.filter(
      (i) => i.expected.achievement !== i.recorded.achievement
    );
    expect(differ.map((i) => [i.code, i.recorded.achievement, i.expected.achievement])).toEqual([
      ["1-3-1", "①", "②"],
    ]);
    expect(report.initiatives).toHaveLength(12);
    expect(
      report.findings
        .filter((f) => f.severity !== "info")
        .map((f) => [f.severity, f.sheet, f.cell, f.rule])
    ).toEqual([["warning", "1 具体的取組", "G9", "achievement-rule"]]);
  });

  test("every outcome row's expected A/B is the recorded one, and all are decided", () => {
    expect(report.outcomes).toHaveLength(36);
    for (const o of report.outcomes) {
      expect(o.expected).not.toBeNull();
      expect([o.sheet, o.row, o.expected]).toEqual([o.sheet, o.row, o.recorded]);
    }
  });

  test("every strategy's expected a/b is the recorded one", () => {
    for (const s of report.strategies)
      expect([s.sheet, s.row, s.expectedProgress]).toEqual([s.sheet, s.row, s.recordedProgress]);
    expect(report.strategies.filter((s) => s.expectedProgress !== null)).toHaveLength(13);
  });

  test("the tally: 経営課題1 5/1, 経営課題6 2/4, total 7/5", () => {
    expect(report.summary.byIssue.map((b) => [b.issueNo, b.achieved, b.notAchieved])).toEqual([
      [1, 5, 1],
      [6, 2, 4],
    ]);
    expect(report.summary.total).toEqual({ achieved: 7, notAchieved: 5 });
  });

  test("the unmet list has 〔目標〕〔実績〕 and the remedy", () => {
    const u = report.summary.unmet.find((x) => x.code === "6-1-2")!;
    expect(u.situation).toBe(
      "日常生活に関する様々な相談や要望について、区役所が適切に対応していると感じる区民の割合 〔目標〕75% 〔実績〕73.1%"
    );
    expect(u.remedy).toBe(
      "サービスの受け手である相談者等の視点に立ち、窓口サービスの改善に向けた取組を進めながら、より適切かつ丁寧な対応に努める。"
    );
    expect(report.summary.unmet.map((x) => x.code)).toEqual([
      "1-3-3",
      "6-1-2",
      "6-2-1",
      "6-3-1",
      "6-4-3",
    ]);
  });
});

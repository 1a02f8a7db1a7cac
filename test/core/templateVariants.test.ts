/**
 * The sample's facts (港区 H28, the seed's strings) in the later templates of DOMAIN.md's "Template variants seen in
 * real ward documents": one layout per group of variants, and one workbook combining them. The sample records the
 * seed's codes, so every layout is right except 1-3-1 (recorded ① with 協力企業 8社 against 10社: a warning).
 * On each: every initiative read, its expected code right, the tally, the findings that must be there, and no error.
 */
import type { SheetGrid } from "../../src/core/grid";
import { defaultProfile as P } from "../../src/core/profile";
import { checkWorkbook, toJsonReport, type JsonReport } from "../../src/core/report";
import { loadBook } from "../../src/xlsx/files";
import { SAMPLE } from "../helpers/seed";
import * as L from "../helpers/laterTemplate";
import { insertColumns } from "../helpers/variants";

/** The seed's year-end codes: what the rules must give for each initiative. */
const TRUTH: Record<string, string> = {
  "1-1-1": "①", "1-1-2": "①", "1-2-1": "①", "1-2-2": "①", "1-3-1": "②", "1-3-3": "②",
  "6-1-1": "①", "6-1-2": "②", "6-2-1": "③", "6-3-1": "②", "6-4-2": "①", "6-4-3": "③",
};

let sample: SheetGrid[];
let sampleReport: JsonReport;
beforeAll(async () => {
  sample = (await loadBook(SAMPLE)).grids;
  sampleReport = report(sample);
});

function report(grids: SheetGrid[]): JsonReport {
  return toJsonReport(checkWorkbook(grids, P), P, "ja", "variant.xlsx");
}

/** The workbook with its four evaluation sheets rewritten and the two summary sheets as they are. */
function workbook(o1: (g: SheetGrid) => SheetGrid, i1: (g: SheetGrid) => SheetGrid, o6 = o1, i6 = i1): SheetGrid[] {
  const [s1, s2, s3, s4, ...summaries] = sample;
  return [o1(s1), i1(s2), o6(s3), i6(s4), ...summaries];
}

const same = (g: SheetGrid) => g;
const compose =
  (...fs: ((g: SheetGrid) => SheetGrid)[]) =>
  (g: SheetGrid) =>
    fs.reduce((acc, f) => f(acc), g);

/** Expected code right: the seed's code, or, where no 撤退基準 column exists, the targets' code with ③ left open. */
function expectedCodesRight(r: JsonReport, thresholdless: string[] = []): number {
  return r.initiatives.filter((i) => {
    const truth = TRUTH[i.code];
    if (i.expected.achievement === truth) return true;
    return thresholdless.includes(i.sheet) && truth === "③" && i.expected.withdrawalUndecidable;
  }).length;
}

/**
 * The checks every layout must pass: the sample's initiatives, tally and warning, and no error anywhere. On a sheet
 * without 前年度, an indicator that missed its target cannot be told A or B, and must say so (never guess).
 */
function expectSampleFacts(r: JsonReport, thresholdless: string[] = [], previousless: string[] = []): void {
  expect(r.initiatives.map((i) => i.code).sort()).toEqual(Object.keys(TRUTH).sort());
  expect(expectedCodesRight(r, thresholdless)).toBe(12);
  expect(r.initiatives.map((i) => i.title)).toEqual(sampleReport.initiatives.map((i) => i.title));
  expect(r.summary.byIssue.map((b) => [b.issueNo, b.achieved, b.notAchieved])).toEqual([
    [1, 5, 1],
    [6, 2, 4],
  ]);
  expect(r.summary.total).toEqual({ achieved: 7, notAchieved: 5 });
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  const warnings = r.findings.filter((f) => f.severity === "warning");
  expect(warnings.map((f) => [f.sheet, f.rule, f.message.slice(0, 30)])).toEqual([
    ["1 具体的取組", "achievement-rule", "【1-3-1】 記録は ① ですが、規則では ② です: 業"],
  ]);
  expect(r.outcomes).toHaveLength(36);
  for (const o of r.outcomes) {
    const undecided = previousless.includes(o.sheet) && o.expected === null && o.reason.includes("前年度: 列がありません");
    if (!undecided) expect([o.sheet, o.row, o.expected]).toEqual([o.sheet, o.row, o.recorded]);
  }
  expect(r.strategies.filter((s) => s.expectedProgress !== null)).toHaveLength(13);
  for (const s of r.strategies) expect([s.sheet, s.row, s.expectedProgress]).toEqual([s.sheet, s.row, s.recordedProgress]);
}

const fieldOf = (r: JsonReport, sheet: string, field: string) =>
  r.sheets.find((s) => s.name === sheet)!.fields.find((f) => f.field === field);

describe("template variants of DOMAIN.md, each group alone", () => {
  test("the sample itself: unchanged report", () => {
    expectSampleFacts(sampleReport);
    expect(sampleReport.findings.map((f) => [f.severity, f.sheet, f.cell, f.rule])).toEqual([
      ["info", "1 めざす成果及び戦略", "N16", "strategy-progress"],
      ["warning", "1 具体的取組", "G9", "achievement-rule"],
      ["info", "6 具体的取組", "G6", "achievement-rule"],
    ]);
  });

  test("1. later header wordings: 撤退・再構築基準, 目標の達成状況 and アウトカム指数 (a typo), Kangxi lookalikes, line breaks", () => {
    const r = report(workbook(L.laterHeadersOutcome, L.laterHeadersInitiative));
    expectSampleFacts(r);
    expect(fieldOf(r, "1 具体的取組", "threshold")).toMatchObject({ column: "D", header: "計画 / 撤退・再構築 基準", match: "exact" });
    expect(fieldOf(r, "1 具体的取組", "achievement")).toMatchObject({ column: "G", match: "exact" });
    expect(fieldOf(r, "1 具体的取組", "target")).toMatchObject({ column: "C", header: "計画 / 業績\u2F6C標" });
    expect(fieldOf(r, "6 めざす成果及び戦略", "individualStatus")).toMatchObject({ column: "L" });
    expect(fieldOf(r, "6 めざす成果及び戦略", "indicatorActual")).toMatchObject({ column: "J" });
    // Same verdicts as the sample: 6-2-1 and 6-4-3 are ③ because their 撤退・再構築基準 was read.
    expect(r.initiatives.filter((i) => i.expected.achievement === "③").map((i) => i.code)).toEqual(["6-2-1", "6-4-3"]);
  });

  test("2. a 中間振り返り group whose forecasts differ from every year-end status is never read", () => {
    const r = report(workbook(L.midYearDecoysOutcome, L.midYearDecoysInitiative));
    expectSampleFacts(r);
    const init = r.sheets.find((s) => s.name === "1 具体的取組")!;
    expect(init.ignored.map((i) => [i.column, i.header])).toEqual([
      ["F", "中間振り返り / 取組の進捗状況"],
      ["G", "中間振り返り / 業績目標の達成見込み"],
    ]);
    expect(fieldOf(r, "1 具体的取組", "achievement")).toMatchObject({ column: "I" });
    expect(fieldOf(r, "1 具体的取組", "actual")).toMatchObject({ column: "H" });
    const outcome = r.sheets.find((s) => s.name === "1 めざす成果及び戦略")!;
    expect(outcome.ignored.map((i) => i.column)).toEqual(["I", "J"]);
    expect(fieldOf(r, "1 めざす成果及び戦略", "progress")).toMatchObject({ column: "P" });
  });

  test("2b. 前年度 columns (the previous year's status and actual) are never taken for this year's", () => {
    const previousYear = (g: SheetGrid, before: string, header: string, value: (r: number) => string) => {
      const at = g.cells[3].indexOf(before);
      const out = insertColumns(g, at, 1);
      out.cells[3][at] = header;
      for (let r = 4; r < out.cells.length; r++) out.cells[r][at] = value(r);
      return out;
    };
    const initiative = (g: SheetGrid) =>
      previousYear(
        previousYear(g, "業績目標の達成状況", "前年度の\n業績目標の達成状況", (r) => (r % 2 ? "③" : "②(ii)")),
        "取組実績",
        "前年度実績",
        () => "参加者数：1人"
      );
    const r = report(workbook(same, initiative));
    expectSampleFacts(r);
    expect(fieldOf(r, "1 具体的取組", "achievement")).toMatchObject({ column: "I" });
    expect(fieldOf(r, "1 具体的取組", "actual")).toMatchObject({ column: "G" });
  });

  test("3. codes 【具体的取組1-1-1】 with a budget line, strategies 【戦略1-1】 and a bracket holding code and title", () => {
    const r = report(workbook(L.laterCodesOutcome, L.laterCodesInitiative));
    expectSampleFacts(r);
    for (const i of r.initiatives) expect(i.title).not.toMatch(/予算/);
    expect(r.strategies.filter((s) => s.code !== null)).toHaveLength(14);
    // The name without the code it started with: 【戦略1-3 地域資源が活用されやすい仕組みづくり → 地域資源が…
    expect(r.strategies.map((s) => s.name.startsWith("【"))).not.toContain(true);
    expect(r.strategies.find((s) => s.row === 16)?.name).toBe("地域資源が活用されやすい仕組みづくり");
  });

  test("4. strategy blocks filled down on every row (sheet 1) or written on their first row only (sheet 6)", () => {
    const r = report(workbook(L.strategyFilledDown, same, L.strategyFirstRowOnly, same));
    expectSampleFacts(r);
    // One block per strategy, as in the merged sample: its 全体, a/b and ア/イ are checked once.
    expect(r.strategies.map((s) => [s.sheet, s.code])).toEqual(sampleReport.strategies.map((s) => [s.sheet, s.code]));
  });

  test("5. no 撤退基準 column: ③ cannot be judged, said once at the sheet, never 'recorded ③ but the rule gives ②'", () => {
    const r = report(workbook(same, same, (g) => L.withoutColumn(g, "前年度"), (g) => L.withoutColumn(g, "撤退基準")));
    expectSampleFacts(r, ["6 具体的取組"], ["6 めざす成果及び戦略"]);
    expect(r.outcomes.filter((o) => o.expected === null).map((o) => o.sheet)).toEqual(new Array(8).fill("6 めざす成果及び戦略"));
    const info = r.findings.filter((f) => f.severity === "info" && f.cell === "A3");
    expect(info.map((f) => [f.sheet, f.rule])).toEqual([
      ["6 めざす成果及び戦略", "indicator-status"],
      ["6 具体的取組", "achievement-rule"],
    ]);
    expect(info[1].message).toContain("撤退・再構築基準");
    expect(info[1].message).toContain("③（撤退基準未達成）に当たるかは判定できません");
    for (const code of ["6-2-1", "6-4-3"]) {
      const row = r.findings.find((f) => f.message.startsWith(`【${code}】`))!;
      expect([row.severity, row.message]).toEqual(["info", expect.stringContaining("撤退基準の列がないため確かめられません")]);
    }
    const six = r.sheets.find((s) => s.name === "6 具体的取組")!;
    expect(six.notFound.map((n) => n.field)).toEqual(["code", "threshold"]);
  });

  test("5b. no 課題 and 改善策 columns: said once at the sheet, never an empty cell on every ② and ③ row", () => {
    const r = report(workbook(same, same, same, (g) => L.withoutColumn(L.withoutColumn(g, "課題"), "改善策")));
    expectSampleFacts(r);
    expect(r.findings.filter((f) => f.rule === "unmet-remedy").map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ["info", "6 具体的取組", "A3"],
      ["info", "6 具体的取組", "A3"],
    ]);
  });

  test("6. R5 style: each indicator's A/B at the end of its value text, with no 個別 column", () => {
    const r = report(workbook(L.inlineStatusOutcome, same));
    expectSampleFacts(r);
    expect(fieldOf(r, "1 めざす成果及び戦略", "individualStatus")).toMatchObject({ column: "J", match: "inline" });
    // The value is read without its status: 55.9% stays 55.9%.
    expect(r.outcomes.map((o) => o.value)).toEqual(sampleReport.outcomes.map((o) => o.value));
  });
});

describe("all the variants in one workbook", () => {
  const later = (o: boolean) =>
    o
      ? compose(L.laterCodesOutcome, L.midYearDecoysOutcome, L.laterHeadersOutcome)
      : compose(L.laterCodesInitiative, L.midYearDecoysInitiative, L.laterHeadersInitiative);

  test("later headers with lookalikes, decoys, 【具体的取組…】 codes with budgets, filled-down strategies, a sheet without 撤退基準", () => {
    const r = report(
      workbook(
        compose(L.strategyFilledDown, later(true)),
        later(false),
        compose(L.strategyFirstRowOnly, L.inlineStatusOutcome, later(true)),
        compose((g) => L.withoutColumn(g, "撤退基準"), later(false))
      )
    );
    expectSampleFacts(r, ["6 具体的取組"]);
    expect(r.findings.filter((f) => f.severity === "info" && f.cell === "A3").map((f) => [f.sheet, f.rule])).toEqual([
      ["6 具体的取組", "achievement-rule"],
    ]);
    for (const name of ["1 具体的取組", "6 具体的取組"])
      expect(r.sheets.find((s) => s.name === name)!.ignored).toHaveLength(2);
  });
});

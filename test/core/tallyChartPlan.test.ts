import { readMeta } from "../../src/core/meta";
import { buildClearPlan, buildWritePlan, restrictPlan, TALLY_CHART_NAME } from "../../src/core/plan";
import { defaultProfile as P } from "../../src/core/profile";
import { checkWorkbook } from "../../src/core/report";
import { META_SHEET } from "../../src/core/recognize";
import type { SheetGrid } from "../../src/core/grid";
import { loadBook } from "../../src/xlsx/files";
import { SAMPLE } from "../helpers/seed";

function metaGrid(record: unknown): SheetGrid {
  return { name: META_SHEET, cells: [[JSON.stringify(record)]], merges: [] };
}

describe("_hyoka's chart list", () => {
  test("a record written before Hyoka drew charts reads back with none, and its other lists intact", () => {
    const old = { version: 1, written: [{ sheet: "集計", range: "A3:D5" }], created: ["x"], validated: [] };
    expect(readMeta([metaGrid(old)])).toEqual({ ...old, charts: [] });
  });

  test("a damaged chart entry is dropped, a whole one kept", () => {
    const chart = {
      sheet: "集計",
      name: TALLY_CHART_NAME,
      title: "t",
      categories: "A3:A4",
      series: [{ name: "達成", values: "C3:C4" }],
      from: "F2",
      to: "M16",
    };
    const meta = readMeta([metaGrid({ version: 1, charts: [chart, { ...chart, from: "=F2" }, { sheet: 1 }] })]);
    expect(meta.charts).toEqual([chart]);
  });
});

describe("the plan's tally chart", () => {
  test("refers to the tally's own cells, caches the counts the tally shows, and is recorded without the cache", async () => {
    const book = await loadBook(SAMPLE);
    const result = checkWorkbook(book.grids, P);
    const plan = buildWritePlan(result, P, "ja");
    expect(plan.charts).toHaveLength(1);
    const [chart] = plan.charts;
    const tally = plan.summaries.find((s) => s.sheet === chart.sheet)!;
    const rows = tally.blocks[0].values;
    expect(chart.cache.categories).toEqual(result.summary.byIssue.map((t) => `経営課題${t.issueNo}`));
    expect(chart.cache.values).toEqual([
      result.summary.byIssue.map((t) => t.achieved),
      result.summary.byIssue.map((t) => t.notAchieved),
    ]);
    // The cached counts are the values written where the series point.
    expect(rows.slice(0, 2).map((r) => [r[0], r[2], r[3]])).toEqual(
      chart.cache.categories.map((c, i) => [c, chart.cache.values[0][i], chart.cache.values[1][i]])
    );
    const { cache: _cache, ...spec } = chart;
    expect(plan.meta!.charts).toEqual([spec]);
  });

  test("色分け keeps the chart record as it was; 集計表 replaces it; clear removes it", async () => {
    const book = await loadBook(SAMPLE);
    const plan = buildWritePlan(checkWorkbook(book.grids, P), P, "ja");
    const marks = restrictPlan(plan, { marks: true, summaries: false });
    expect(marks.charts).toEqual([]);
    expect(marks.meta!.charts).toEqual(plan.previous.charts);
    const summaries = restrictPlan(plan, { marks: false, summaries: true });
    expect(summaries.charts).toEqual(plan.charts);
    expect(buildClearPlan(book.grids)).toMatchObject({ charts: [], meta: null });
  });

  test("beside the block from its header row, right of anything a person keeps in those rows", async () => {
    const book = await loadBook(SAMPLE);
    const plain = buildWritePlan(checkWorkbook(book.grids, P), P, "ja").charts[0];
    expect([plain.from, plain.to]).toEqual(["F2", "M16"]);
    // A person's remark in H2, the header row the chart starts on (anything below the header would make Hyoka
    // create a sheet of its own instead): the chart starts one column after it.
    const grids = book.grids.map((g) => {
      if (g.name !== plain.sheet) return g;
      const cells = g.cells.map((r) => [...r]);
      cells[1] = Array.from({ length: 8 }, (_, i) => (i === 7 ? "前年度は別表" : cells[1][i] ?? ""));
      return { ...g, cells };
    });
    const moved = buildWritePlan(checkWorkbook(grids, P), P, "ja").charts[0];
    expect(moved.sheet).toBe(plain.sheet);
    expect([moved.from, moved.to]).toEqual(["J2", "Q16"]);
  });

  test("a tally with no 経営課題 gets no chart", async () => {
    const book = await loadBook(SAMPLE);
    const grids = book.grids.map((g) => (g.name.includes("具体的取組") ? { ...g, cells: g.cells.slice(0, 4) } : g));
    const result = checkWorkbook(grids, P);
    expect(result.summary.byIssue).toEqual([]);
    expect(buildWritePlan(result, P, "ja").charts).toEqual([]);
  });
});

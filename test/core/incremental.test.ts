import fc from "fast-check";
import ExcelJS from "exceljs";
import { readGrids } from "../helpers/excelJsGrids";
import { defaultProfile } from "../../src/core/profile";
import { checkWorkbook, toJsonReport, type JsonReport } from "../../src/core/report";
import {
  recheckedReport,
  recheckRows,
  startLiveCheck,
  type LiveCheck,
  type RowsEdit,
} from "../../src/core/incremental";
import type { SheetGrid } from "../../src/core/grid";
import { SAMPLE } from "../helpers/seed";
import { cloneGrid } from "../helpers/variants";
import * as L from "../helpers/laterTemplate";

/**
 * The incremental re-check against the whole check: after any edit of any cells, the report it gives equals the
 * report of judging the edited workbook from scratch (every initiative, indicator, strategy, finding and tally).
 */
let sample: SheetGrid[];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  sample = readGrids(wb);
});

const INITIATIVES = "1 具体的取組";
const SIX = "6 具体的取組";
const OUTCOMES = "1 めざす成果及び戦略";

/** What staff type: codes, quantities of the seed, thresholds, empty cells, formula errors, and any text. */
const typed = fc.oneof(
  fc.constantFrom(
    "①(i)",
    "①(ii)",
    "②(i)",
    "② (ii)",
    "③",
    "①",
    "④",
    "",
    "○",
    "〇",
    "×",
    "A",
    "B",
    "a",
    "b",
    "ア",
    "イ",
    "5件",
    "５件",
    "延べ74団体・人",
    "反映させた件数：５件",
    "10件以上",
    "5件以下であれば事業を再構築する",
    "40％未満であれば再構築する",
    "51.1％",
    "27.7%",
    "区民の数：200人",
    "区民の数：2,700人",
    "#N/A",
    "適切に対応できなかった場合は",
    "課題があります",
    "【1-3-9】新しい取組",
    "経営課題２：安全",
    "60％以上"
  ),
  fc.string({ maxLength: 12 })
);

function sheetOf(grids: SheetGrid[], name: string): SheetGrid {
  return grids.find((g) => g.name === name)!;
}

interface CellEdit {
  sheet: string;
  top: number;
  col: number;
  text: string;
}

/** An edit of one cell of an evaluation sheet: mostly the columns staff fill in, sometimes anywhere (headers, codes). */
function editArb(grids: SheetGrid[]): fc.Arbitrary<CellEdit> {
  const sheets = [INITIATIVES, SIX, OUTCOMES].map((n) => sheetOf(grids, n));
  return fc
    .record({
      sheet: fc.integer({ min: 0, max: sheets.length - 1 }),
      row: fc.nat(),
      col: fc.nat(),
      text: typed,
      // Mostly the data columns staff fill in; sometimes anywhere.
      anywhere: fc.boolean(),
    })
    .map(({ sheet, row, col, text, anywhere }) => {
      const g = sheets[sheet];
      const top = anywhere ? row % g.cells.length : 4 + (row % (g.cells.length - 4));
      const width = g.cells[0].length;
      const c = anywhere ? col % width : 2 + (col % (width - 2));
      return { sheet: g.name, top, col: c, text };
    });
}

function applyCell(live: LiveCheck, edit: CellEdit): RowsEdit {
  const g = sheetOf(live.workbook, edit.sheet);
  const row = [...g.cells[edit.top]];
  row[edit.col] = edit.text;
  return { sheet: edit.sheet, top: edit.top, rows: [row] };
}

function fullReport(workbook: SheetGrid[]): JsonReport {
  const copy = workbook.map((g) => cloneGrid(g));
  return toJsonReport(checkWorkbook(copy, defaultProfile), defaultProfile, "ja");
}

/**
 * Any sequence of cell edits of `workbook`, re-checked one by one, gives after each edit the report of judging the
 * edited workbook from scratch. Returns how often each path (rows, full) was taken.
 */
function editsEndAsWholeCheck(workbook: SheetGrid[], numRuns: number): Map<string, number> {
  const paths = new Map<string, number>();
  fc.assert(
    fc.property(fc.array(editArb(workbook), { minLength: 1, maxLength: 6 }), (edits) => {
      let live = startLiveCheck(
        workbook.map((g) => cloneGrid(g)),
        defaultProfile
      );
      let report = toJsonReport(live.result, defaultProfile, "ja");
      for (const e of edits) {
        const recheck = recheckRows(live, [applyCell(live, e)]);
        paths.set(recheck.how, (paths.get(recheck.how) ?? 0) + 1);
        report = recheckedReport(report, recheck, "ja");
        live = recheck.live;
        expect(report).toEqual(fullReport(live.workbook));
      }
    }),
    { numRuns }
  );
  return paths;
}

describe("re-checking edited rows gives the whole check's report", () => {
  test("a ③ typed where the threshold is hit: the finding moves, the tally and strategy a/b follow", () => {
    const grids = sample.map((g) => cloneGrid(g));
    const live = startLiveCheck(grids, defaultProfile);
    const report = toJsonReport(live.result, defaultProfile, "ja");
    // 6-2-1 is recorded ③ and its threshold is hit; write ①(i) there instead.
    const six = sheetOf(grids, SIX);
    const r = six.cells.findIndex((row) => row.some((c) => c.includes("6-2-1")));
    const col = six.cells[r].findIndex((c) => c.trim() === "③");
    expect(col).toBeGreaterThan(0);
    const row = [...six.cells[r]];
    row[col] = "①(i)";
    const recheck = recheckRows(live, [{ sheet: SIX, top: r, rows: [row] }]);
    expect(recheck.how).toBe("rows");
    const after = recheckedReport(report, recheck, "ja");
    expect(after).toEqual(fullReport(grids));
    const cell = `${String.fromCharCode(65 + col)}${r + 1}`;
    expect(after.findings.find((f) => f.sheet === SIX && f.cell === cell)?.message).toMatch(
      /記録は ① ですが、規則では ③/
    );
    expect(after.summary.total.achieved).toBe(report.summary.total.achieved + 1);
  });

  test("an edit of a header or a code is judged as a whole, and still agrees", () => {
    const grids = sample.map((g) => cloneGrid(g));
    const live = startLiveCheck(grids, defaultProfile);
    const g = sheetOf(grids, INITIATIVES);
    const r = g.cells.findIndex((row) => row.some((c) => c.includes("1-3-1")));
    const row = g.cells[r].map((c) => c.replace("1-3-1", "1-3-7"));
    const recheck = recheckRows(live, [{ sheet: INITIATIVES, top: r, rows: [row] }]);
    expect(recheck.how).toBe("full");
    expect(toJsonReport(recheck.live.result, defaultProfile, "ja")).toEqual(fullReport(grids));
  });

  test("property: any sequence of cell edits, re-checked one by one, ends where the whole check does", () => {
    const paths = editsEndAsWholeCheck(sample, 150);
    // Both paths were taken: rows re-judged alone, and edits of structure judged as a whole.
    expect(paths.get("rows")).toBeGreaterThan(100);
    expect(paths.get("full")).toBeGreaterThan(5);
  });

  test("property: the same on the later templates (decoys, 【具体的取組…】 codes, filled-down and first-row strategies, R5 inline status, no 撤退基準)", () => {
    const compose =
      (...fs: ((g: SheetGrid) => SheetGrid)[]) =>
      (g: SheetGrid) =>
        fs.reduce((acc, f) => f(acc), g);
    const laterO = compose(L.laterCodesOutcome, L.midYearDecoysOutcome, L.laterHeadersOutcome);
    const laterI = compose(L.laterCodesInitiative, L.midYearDecoysInitiative, L.laterHeadersInitiative);
    const [o1, i1, o6, i6, ...summaries] = sample;
    const later = [
      compose(L.strategyFilledDown, laterO)(o1),
      laterI(i1),
      compose(L.strategyFirstRowOnly, L.inlineStatusOutcome, laterO)(o6),
      compose((g) => L.withoutColumn(g, "撤退基準"), laterI)(i6),
      ...summaries,
    ];
    const paths = editsEndAsWholeCheck(later, 100);
    expect(paths.get("rows")).toBeGreaterThan(50);
  });
});

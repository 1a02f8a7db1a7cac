import ExcelJS from "exceljs";
import { runAction } from "../../src/excel/session";
import { defaultProfile } from "../../src/core/profile";
import { TALLY_CHART_NAME } from "../../src/core/plan";
import { readMeta } from "../../src/core/meta";
import { META_SHEET } from "../../src/core/recognize";
import { MockExcelHost } from "../host/mockExcel";
import { bookFromJson, bookState, cloneBook, type BookJson, type MockChart } from "../host/mockBook";
import { bookJsonFromWorkbook } from "../host/fromXlsx";
import { SAMPLE } from "../helpers/seed";

const TALLY = "業績目標の達成状況";
const UNMET = "目標未達成の取組み";
let sampleJson: BookJson;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  sampleJson = bookJsonFromWorkbook(wb);
});

/** A person's own chart on the tally sheet, as Excel keeps it. */
const PERSONS_CHART: MockChart = {
  id: 7,
  name: "グラフ 1",
  type: "ColumnClustered",
  title: "前年度との比較",
  source: "C3:D5",
  seriesBy: "Columns",
  seriesNames: ["今年度", "前年度"],
  seriesColors: ["", ""],
  categories: "",
  reversed: false,
  valueAxisAt: "Automatic",
  from: "A20",
  to: "E35",
};

function host(withPersonsChart = false): MockExcelHost {
  const book = bookFromJson(sampleJson);
  if (withPersonsChart) book.sheets.find((s) => s.name === TALLY)!.charts.push({ ...PERSONS_CHART });
  return new MockExcelHost(book);
}

function act(h: MockExcelHost, action: Parameters<typeof runAction>[0]) {
  return runAction(action, {
    profile: defaultProfile,
    lang: "ja",
    run: h.run.bind(h) as Parameters<typeof runAction>[1]["run"],
    notes: true,
  });
}

function hyokaCharts(h: MockExcelHost): (MockChart & { sheet: string })[] {
  return h.book.sheets.flatMap((s) =>
    s.charts.filter((c) => c.name === TALLY_CHART_NAME).map((c) => ({ ...c, sheet: s.name }))
  );
}

function metaOf(h: MockExcelHost) {
  const meta = h.sheet(META_SHEET);
  return readMeta(meta ? [{ name: META_SHEET, cells: [[String(meta.values[0][0])]], merges: [] }] : []);
}

describe("集計表 draws the tally as a native stacked bar chart (Office adapter)", () => {
  test("one chart beside the tally block, its series the 達成 and 未達成 cells, its categories the 経営課題 labels", async () => {
    const h = host();
    const result = await act(h, "summary");
    expect(result.outcome).toMatchObject({ applied: true, added: { charts: 1 } });
    const [chart] = hyokaCharts(h);
    const tally = h.sheet(TALLY)!.values;
    // The sample's template is filled from row 3: 経営課題1 and 経営課題6 (the issues its strategies name), then 計.
    expect(tally[2][0]).toBe("経営課題1");
    expect(tally[3][0]).toBe("経営課題6");
    expect(tally[4][0]).toBe("計"); // the total is no category of the chart
    expect(chart).toMatchObject({
      sheet: TALLY,
      type: "BarStacked",
      source: "C3:D4",
      seriesBy: "Columns",
      seriesNames: ["達成", "未達成"],
      seriesColors: [defaultProfile.summary.chartColors.achieved, defaultProfile.summary.chartColors.notAchieved],
      categories: "A3:A4",
      reversed: true,
      valueAxisAt: "Maximum",
      title: "経営課題別の業績目標の達成状況",
    });
    // Beside the block, from its header row: right of the four tally columns (and of anything else in those rows).
    expect(chart.from).toMatch(/^[F-Z]2$/);
    expect(metaOf(h).charts).toEqual([
      expect.objectContaining({ sheet: TALLY, name: TALLY_CHART_NAME, categories: "A3:A4" }),
    ]);
  });

  test("the counts stay four syncs with the chart: its lookup rides on the look sync, its drawing on the write", async () => {
    const h = host();
    expect((await act(h, "summary")).syncs).toBe(4);
    h.resetCounters();
    expect((await act(h, "summary")).syncs).toBe(4);
    expect(h.syncs).toBe(4);
    h.resetCounters();
    expect((await act(h, "clear")).syncs).toBe(4);
  });

  test("a re-run replaces Hyoka's chart (twice equals once) and leaves a person's chart on the sheet alone", async () => {
    const h = host(true);
    await act(h, "summary");
    const once = bookState(cloneBook(h.book));
    const again = await act(h, "summary");
    expect(again.outcome).toMatchObject({ applied: true, removed: { charts: 1 }, added: { charts: 1 } });
    expect(bookState(h.book)).toEqual(once);
    expect(hyokaCharts(h)).toHaveLength(1);
    expect(h.sheet(TALLY)!.charts.find((c) => c.id === PERSONS_CHART.id)).toEqual(PERSONS_CHART);
  });

  test("クリア removes Hyoka's chart and nothing of a person's: the book is as before the first 集計表", async () => {
    const h = host(true);
    const before = bookState(cloneBook(h.book));
    await act(h, "summary");
    await act(h, "color");
    const cleared = await act(h, "clear");
    expect(cleared.outcome).toMatchObject({ applied: true, removed: { charts: 1 } });
    expect(hyokaCharts(h)).toHaveLength(0);
    expect(bookState(h.book)).toEqual(before);
  });

  test("色分け alone keeps the chart and its record", async () => {
    const h = host();
    await act(h, "summary");
    await act(h, "color");
    expect(hyokaCharts(h)).toHaveLength(1);
    expect(metaOf(h).charts).toHaveLength(1);
  });

  test("a chart a person deleted by hand is simply drawn again, and clear after that finds nothing to remove", async () => {
    const h = host();
    await act(h, "summary");
    const sheet = h.sheet(TALLY)!;
    sheet.charts = sheet.charts.filter((c) => c.name !== TALLY_CHART_NAME);
    const again = await act(h, "summary");
    expect(again.outcome).toMatchObject({ applied: true, removed: { charts: 0 }, added: { charts: 1 } });
    sheet.charts = [];
    const cleared = await act(h, "clear");
    expect(cleared.outcome).toMatchObject({ applied: true, removed: { charts: 0 } });
  });

  test("on a sheet Hyoka creates (no template), the chart is on that sheet and goes with it", async () => {
    const json: BookJson = { sheets: sampleJson.sheets.filter((s) => s.name !== TALLY && s.name !== UNMET) };
    const h = new MockExcelHost(bookFromJson(json));
    const before = bookState(cloneBook(h.book));
    await act(h, "summary");
    const [chart] = hyokaCharts(h);
    expect(chart.sheet).toBe(defaultProfile.summary.tallySheetName);
    expect(chart).toMatchObject({ categories: "A3:A4", source: "C3:D4", from: "F2" });
    await act(h, "summary");
    expect(hyokaCharts(h)).toHaveLength(1);
    await act(h, "clear");
    expect(bookState(h.book)).toEqual(before);
  });

  test("a write that fails part way puts Hyoka's previous chart back and leaves no new one", async () => {
    const h = host(true);
    await act(h, "summary");
    const before = bookState(cloneBook(h.book));
    h.resetCounters();
    // Read (2), look (3), write (4): the unmet sheet is protected just before the write, after the old chart went.
    h.beforeSync = (n) => {
      if (n === 4) h.sheet(UNMET)!.protected = true;
    };
    const result = await act(h, "summary");
    expect(result.outcome).toMatchObject({ applied: false, reason: "failed", restored: true });
    expect(bookState(h.book)).toEqual(before);
    expect(hyokaCharts(h)).toHaveLength(1);
  });

  test("a protected tally sheet is refused before anything is written, the chart included", async () => {
    const h = host();
    await act(h, "summary");
    const before = bookState(cloneBook(h.book));
    h.sheet(TALLY)!.protected = true;
    const result = await act(h, "summary");
    expect(result.outcome).toMatchObject({ applied: false, reason: "protected", protectedSheets: [TALLY] });
    expect(bookState(h.book)).toEqual(before);
  });
});

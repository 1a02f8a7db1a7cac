/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import * as React from "react";
import ExcelJS from "exceljs";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { TallyChart } from "../../src/taskpane/components/TallyChart";
import { StatusCounts } from "../../src/taskpane/components/StatusCounts";
import { defaultProfile as P } from "../../src/core/profile";
import { checkWorkbook, toJsonReport, type JsonReport, type Lang } from "../../src/core/report";
import { readGrids } from "../helpers/excelJsGrids";
import { SAMPLE } from "../helpers/seed";

let grids: ReturnType<typeof readGrids>;

beforeAll(async () => {
  // jsdom has no setImmediate, which the streaming reader's unzip needs: ExcelJS reads the sample here.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  grids = readGrids(wb);
});

function report(lang: Lang): JsonReport {
  return toJsonReport(checkWorkbook(grids, P), P, lang, "sample.xlsx");
}

function ui(node: React.ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

describe("the pane's tally chart", () => {
  test("an image named by its title whose description reads every 経営課題's counts", () => {
    const r = report("ja");
    expect(r.summary.byIssue.map((i) => [i.issueNo, i.achieved, i.notAchieved])).toEqual([
      [1, 5, 1],
      [6, 2, 4],
    ]);
    ui(<TallyChart report={r} lang="ja" />);
    // getByRole matches the accessible name computed from aria-labelledby (title, then description).
    const chart = screen.getByRole("img", {
      name: "業績目標の達成状況 (グラフ) 経営課題1: 達成 5、未達成 1。経営課題6: 達成 2、未達成 4",
    });
    expect(chart.tagName.toLowerCase()).toBe("svg");
  });

  test("one stacked bar per 経営課題: segment lengths in proportion to the counts, in the profile's colours", () => {
    const r = report("en");
    const { container } = ui(<TallyChart report={r} lang="en" colors={{ achieved: "#111111", notAchieved: "#222222" }} />);
    expect(
      screen.getAllByRole("img", {
        name: "Achievement tally (chart) Issue 1: 5 met, 1 not met; Issue 6: 2 met, 4 not met",
      })
    ).toHaveLength(1);
    const bars = Array.from(container.querySelectorAll("g > g > rect"));
    // Issue 1: 5 then 1; Issue 6: 2 then 4 (the legend's swatches are not in a bar group).
    const widths = bars.map((b) => [b.getAttribute("fill"), Number(b.getAttribute("width"))]);
    expect(widths.map(([fill]) => fill)).toEqual(["#111111", "#222222", "#111111", "#222222"]);
    const unit = (widths[0][1] as number) / 5;
    expect(widths.map(([, w]) => Math.round((w as number) / unit))).toEqual([5, 1, 2, 4]);
    // The longest bar (6) fits the drawing's width with room for its total.
    const viewWidth = Number(screen.getByRole("img").getAttribute("viewBox")!.split(" ")[2]);
    expect(80 + 6 * unit + 28).toBeLessThanOrEqual(viewWidth);
    expect(screen.getByRole("img").getAttribute("width")).toBe("100%");
  });

  test("a tally with no 経営課題 draws nothing", () => {
    const r = report("ja");
    const empty = { ...r, summary: { ...r.summary, byIssue: [] } };
    const { container } = ui(<TallyChart report={empty} lang="ja" />);
    expect(container.querySelector("svg")).toBeNull();
  });

  test("is shown with the tally table after 検証", () => {
    ui(<StatusCounts report={report("ja")} lang="ja" />);
    const table = screen.getByRole("table", { name: "業績目標の達成状況" });
    expect(within(table).getAllByRole("rowheader", { name: "経営課題6" })).toHaveLength(1);
    expect(screen.getAllByRole("img", { name: /経営課題6: 達成 2、未達成 4/ })).toHaveLength(1);
  });
});

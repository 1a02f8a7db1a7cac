/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { App, type PaneHost } from "../../src/taskpane/App";
import { MockExcelHost } from "../host/mockExcel";
import { bookFromJson, type BookJson } from "../host/mockBook";
import { bookJsonFromWorkbook } from "../host/fromXlsx";
import { SAMPLE } from "../helpers/seed";

/** The inspector and the live switch, on the stand-in raising the events Excel documents (see test/excel/live.test.ts). */
let sampleJson: BookJson;
const INITIATIVES = "1 具体的取組";
const SIX = "6 具体的取組";

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  sampleJson = bookJsonFromWorkbook(wb);
});

function pane(excel: MockExcelHost, visible = true) {
  const host: PaneHost = {
    run: excel.run.bind(excel) as PaneHost["run"],
    runIn: excel.run.bind(excel) as never,
    notes: true,
    triggerSource: true,
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <App lang="ja" host={host} visible={visible} liveDelayMs={20} />
    </FluentProvider>
  );
}

async function checked() {
  const excel = new MockExcelHost(bookFromJson(sampleJson));
  const user = userEvent.setup();
  const view = render(pane(excel));
  await user.click(screen.getByRole("button", { name: "検証" }));
  await screen.findByRole("region", { name: "選択中の行" }, SLOW);
  await waitFor(() => expect(excel.handlers).toHaveLength(2), SLOW);
  return { excel, user, view };
}

/** Under a full test run the stand-in's events and the debounced re-check can take a few seconds. */
const SLOW = { timeout: 10_000 };

function findingsHeading(): string {
  return screen.getByRole("heading", { name: /^指摘 \(\d+\)$/ }).textContent!;
}

describe("the pane follows the selection and re-checks edits", () => {
  test("selecting a cell of 1-3-1 shows each target with its actual, met or not, recorded against the rule, and its finding", async () => {
    const { excel } = await checked();
    expect(screen.getByText(/評価シートの行を選ぶと/)).toBeTruthy();
    act(() => excel.select(INITIATIVES, "C9"));
    const inspector = await screen.findByTestId("row-inspector", {}, SLOW);
    expect(within(inspector).getByRole("heading", { name: /【1-3-1】/ })).toBeTruthy();
    const checks = within(inspector).getByRole("list", { name: "業績目標・撤退基準と実績" });
    const lines = within(checks)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(lines.some((l) => /業績目標 10社.*実績 8社: 未達成/.test(l!))).toBe(true);
    expect(inspector.textContent).toMatch(/記録 ①\(i\) \/ 規則 ② — 不一致/);
    const findings = within(inspector).getByRole("list", { name: "この行の指摘" });
    expect(findings.textContent).toMatch(/G9.*8社/);
  });

  test("a selection outside any initiative, indicator or strategy row says so", async () => {
    const { excel } = await checked();
    act(() => excel.select(INITIATIVES, "A1"));
    expect(
      await screen.findByText(/具体的取組・アウトカム指標・戦略の行ではありません/, {}, SLOW)
    ).toBeTruthy();
  });

  test("an edit in the stand-in changes the finding list and the counts; the inspector follows", async () => {
    const { excel } = await checked();
    const before = findingsHeading();
    act(() => excel.select(SIX, "G8"));
    await screen.findByTestId("row-inspector", {}, SLOW);
    act(() => excel.type(SIX, "G8", [["③"]]));
    await waitFor(() => expect(findingsHeading()).not.toBe(before), SLOW);
    const warnings = screen.getAllByRole("region", { name: /エラー|注意/ });
    expect(warnings.map((w) => w.textContent).join()).toMatch(/G8.*記録は ③ ですが、規則では ②/);
    expect(screen.getByRole("table", { name: "記入された評価" }).textContent).toContain(
      "① 7 ・ ② 2 ・ ③ 3"
    );
    expect(screen.getByTestId("row-inspector").textContent).toMatch(/記録 ③ \/ 規則 ② — 不一致/);
  });

  test("the switch turns the re-check off; on again, the workbook is validated again", async () => {
    const { excel, user } = await checked();
    const before = findingsHeading();
    await user.click(screen.getByRole("switch", { name: "入力に合わせて再検証" }));
    expect(screen.getByText(/入力しても検証し直しません/)).toBeTruthy();
    act(() => excel.type(SIX, "G8", [["③"]]));
    await new Promise((r) => setTimeout(r, 100));
    expect(findingsHeading()).toBe(before);
    await user.click(screen.getByRole("switch", { name: "入力に合わせて再検証" }));
    await waitFor(() => expect(findingsHeading()).not.toBe(before), SLOW);
  });

  test("closing the pane removes the handlers; opening it adds them again; unmounting removes them", async () => {
    const { excel, view } = await checked();
    view.rerender(pane(excel, false));
    await waitFor(() => expect(excel.handlers).toEqual([]), SLOW);
    view.rerender(pane(excel, true));
    await waitFor(() => expect(excel.handlers).toHaveLength(2), SLOW);
    view.unmount();
    await waitFor(() => expect(excel.handlers).toEqual([]), SLOW);
  });
});

/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WithdrawalView } from "../../src/taskpane/components/WithdrawalView";
import { withdrawalRows } from "../../src/taskpane/withdrawalRows";
import { defaultProfile } from "../../src/core/profile";
import { checkWorkbook, toJsonReport, type Lang } from "../../src/core/report";
import { grid } from "../helpers/grid";
import { initiativeSheet } from "../helpers/sheets";
import { MockExcelHost } from "../host/mockExcel";
import type { BookJson } from "../host/mockBook";
import { renderPane, sampleBookJson } from "../helpers/paneOnSample";

// Role queries over the whole pane are slow in jsdom on a busy machine.
jest.setTimeout(90_000);

let sampleJson: BookJson;

beforeAll(async () => {
  sampleJson = await sampleBookJson();
});

function setup(lang: Lang = "ja", change?: (h: MockExcelHost) => void) {
  return renderPane(sampleJson, lang, change);
}

/** Writes a recorded 業績目標の達成状況 into an initiative's row of the stand-in's sheet, found by its code. */
function record(excel: MockExcelHost, sheet: string, code: string, value: string): void {
  const values = excel.sheet(sheet)!.values;
  const headerRow = values.findIndex((r) => r.some((v) => String(v).includes("業績目標の達成状況")));
  const col = values[headerRow].findIndex((v) => String(v).includes("業績目標の達成状況"));
  const row = values.findIndex((r) => String(r[1] ?? "").includes(`【${code}】`));
  expect([headerRow, col, row].every((i) => i >= 0)).toBe(true);
  values[row][col] = value;
}

async function openView(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "検証" }));
  await user.click(await screen.findByRole("button", { name: /撤退基準の一覧を表示/ }));
  return screen.getByRole("list", { name: "撤退基準の判定" });
}

describe("the withdrawal view (撤退基準)", () => {
  test("lists every initiative of the sample with its criterion as read, the actual, the verdict and the record", async () => {
    const { user } = setup();
    const list = await openView(user);
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(12);
    const first = rows.find((r) => r.textContent!.includes("【6-2-1】"))!;
    expect(first.textContent).toContain("撤退基準 5件以下 → 実績 5件");
    expect(within(first).getByText("該当")).toBeTruthy();
    expect(first.textContent).toContain("記録 ③");
    expect(first.textContent).toContain("6 具体的取組!D7");
    // 判定不可 says why: 6-1-2's criterion is qualitative.
    const qualitative = rows.find((r) => r.textContent!.includes("【6-1-2】"))!;
    expect(within(qualitative).getByText("判定不可")).toBeTruthy();
    expect(qualitative.textContent).toContain("実績 なし");
    expect(qualitative.textContent).toContain("数値で書かれていないため規則では判定できません");
    const notHit = rows.find((r) => r.textContent!.includes("【6-3-1】"))!;
    expect(within(notHit).getByText("非該当")).toBeTruthy();
    expect(notHit.textContent).toContain("撤退基準 40%以下 → 実績 51.1%");
    // The sample's records agree with every decided verdict.
    expect(screen.getByRole("button", { name: "不一致 0" })).toBeTruthy();
  });

  test("filters to 該当 and 判定不可; a row selects its 撤退基準 cell", async () => {
    const { user, excel } = setup();
    const list = await openView(user);
    await user.click(screen.getByRole("button", { name: "該当 2" }));
    expect(screen.getByRole("button", { name: "該当 2" }).getAttribute("aria-pressed")).toBe("true");
    expect(within(list).getAllByRole("listitem").map((r) => /【([\d-]+)】/.exec(r.textContent!)![1])).toEqual(["6-2-1", "6-4-3"]);
    await user.click(within(list).getByRole("button", { name: /【6-4-3】/ }));
    expect(excel.selection).toEqual({ sheet: "6 具体的取組", address: "D10" });
    await user.click(screen.getByRole("button", { name: "判定不可 1" }));
    expect(within(list).getAllByRole("listitem").map((r) => /【([\d-]+)】/.exec(r.textContent!)![1])).toEqual(["6-1-2"]);
    await user.click(screen.getByRole("button", { name: "不一致 0" }));
    expect(screen.getByText("該当する取組はありません。")).toBeTruthy();
  });

  test("disagreements come first: ③ recorded where the criterion is not hit, and a hit recorded ②", async () => {
    const { user } = setup("ja", (h) => {
      record(h, "6 具体的取組", "6-3-1", "③");
      record(h, "6 具体的取組", "6-4-3", "②(i)");
    });
    const list = await openView(user);
    const codes = within(list).getAllByRole("listitem").map((r) => /【([\d-]+)】/.exec(r.textContent!)![1]);
    expect(codes.slice(0, 2)).toEqual(["6-3-1", "6-4-3"]);
    expect(codes).toHaveLength(12);
    await user.click(screen.getByRole("button", { name: "不一致 2" }));
    const rows = within(list).getAllByRole("listitem");
    expect(rows.map((r) => r.textContent!.includes("記録と不一致"))).toEqual([true, true]);
    expect(rows[0].textContent).toContain("記録 ③");
    expect(within(rows[0]).getByText("非該当")).toBeTruthy();
    expect(rows[1].textContent).toContain("記録 ②");
    expect(within(rows[1]).getByText("該当")).toBeTruthy();
  });

  test("keyboard: open, filter and select with Tab, Space and Enter", async () => {
    const { user, excel } = setup();
    await user.click(screen.getByRole("button", { name: "検証" }));
    const open = await screen.findByRole("button", { name: /撤退基準の一覧を表示/ });
    open.focus();
    await user.keyboard("{Enter}");
    expect(open.getAttribute("aria-expanded")).toBe("true");
    await user.tab(); // すべて
    await user.tab(); // 該当
    expect(document.activeElement?.textContent).toBe("該当 2");
    await user.keyboard(" ");
    await user.tab(); // 判定不可
    await user.tab(); // 不一致
    await user.tab(); // the first row
    expect(document.activeElement?.textContent).toContain("【6-2-1】");
    await user.keyboard("{Enter}");
    expect(excel.selection).toEqual({ sheet: "6 具体的取組", address: "D7" });
  });

  test("in English when Office's display language is not Japanese", async () => {
    const { user } = setup("en");
    await user.click(screen.getByRole("button", { name: "Validate" }));
    await user.click(await screen.findByRole("button", { name: /Show the withdrawal criteria/ }));
    await user.click(screen.getByRole("button", { name: "Hit 2" }));
    const list = screen.getByRole("list", { name: "Withdrawal verdicts" });
    expect(within(list).getAllByRole("listitem")[0].textContent).toContain("Criterion 5件以下 → Actual 5件");
    expect(within(list).getAllByText("Hit")).toHaveLength(2);
  });
});

describe("a sheet without a 撤退基準 column", () => {
  test("its rows cannot be judged, say why and select nothing", async () => {
    const full = initiativeSheet("具体的取組", [
      { code: "1-1-1", target: "10件", threshold: "5件以下であれば再構築する", actual: "3件", achievement: "③", effectiveness: "×" },
    ]);
    // The same sheet with the 撤退基準 column (D) taken out.
    const cut = grid("具体的取組", full.cells.map((r) => r.filter((_, c) => c !== 3)), []);
    const report = toJsonReport(checkWorkbook([cut], defaultProfile), defaultProfile, "ja");
    expect(withdrawalRows(report).map((r) => [r.code, r.verdict, r.cell, r.disagrees])).toEqual([["1-1-1", "undecidable", null, false]]);
    const onSelect = jest.fn();
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <WithdrawalView report={report} lang="ja" onSelect={onSelect} />
      </FluentProvider>
    );
    await user.click(screen.getByRole("button", { name: /撤退基準の一覧を表示 \(1\)/ }));
    const row = within(screen.getByRole("list")).getByRole("listitem");
    expect(within(row).queryByRole("button")).toBeNull();
    expect(row.textContent).toContain("撤退基準の列がありません");
    expect(row.textContent).toContain("この表には撤退基準の列がないため判定できません");
  });
});

/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, type PaneHost } from "../../src/taskpane/App";
import { MockExcelHost } from "../host/mockExcel";
import type { BookJson } from "../host/mockBook";
import { renderPane, sampleBookJson } from "../helpers/paneOnSample";
import type { Lang } from "../../src/core/report";

let sampleJson: BookJson;

beforeAll(async () => {
  sampleJson = await sampleBookJson();
});

function setup(lang: Lang = "ja", change?: (h: MockExcelHost) => void) {
  return renderPane(sampleJson, lang, change);
}

describe("task pane", () => {
  test("検証 lists the findings by severity and sheet, the counts and the tally", async () => {
    const { user, excel } = setup();
    await user.click(screen.getByRole("button", { name: "検証" }));
    const findings = await screen.findByRole("region", { name: "注意" });
    expect(within(findings).getByText("1 具体的取組")).toBeTruthy();
    expect(within(findings).getByRole("button", { name: /G9.*8社/ })).toBeTruthy();
    const tally = screen.getByRole("table", { name: "業績目標の達成状況" });
    const rows = within(tally).getAllByRole("row").map((r) => r.textContent);
    expect(rows).toEqual(expect.arrayContaining(["経営課題151", "経営課題624", "計75"]));
    expect(screen.getByRole("table", { name: "記入された評価" }).textContent).toContain("① 7 ・ ② 3 ・ ③ 2");
    expect(screen.getAllByText("1 めざす成果及び戦略")).toHaveLength(2); // under its findings and in the sheet list
    expect(excel.book.sheets.some((s) => s.name === "_hyoka")).toBe(false); // 検証 writes nothing
  });

  test("clicking a finding selects its cell in Excel", async () => {
    const { user, excel } = setup();
    await user.click(screen.getByRole("button", { name: "検証" }));
    await user.click(await screen.findByRole("button", { name: /G9/ }));
    expect(excel.selection).toEqual({ sheet: "1 具体的取組", address: "G9" });
  });

  test("clicking a finding on a hidden sheet leaves it hidden and says why nothing was selected", async () => {
    const { user, excel } = setup("ja", (h) => (h.sheet("1 具体的取組")!.visibility = "Hidden"));
    await user.click(screen.getByRole("button", { name: "検証" }));
    await user.click(await screen.findByRole("button", { name: /G9/ }));
    expect(await screen.findByText(/非表示のシートにあるため選択しませんでした/)).toBeTruthy();
    expect(excel.selection).toBeNull();
    expect(excel.sheet("1 具体的取組")!.visibility).toBe("Hidden");
  });

  test("色分け reports what it added; on a protected sheet it says nothing was written", async () => {
    const { user, excel } = setup();
    await user.click(screen.getByRole("button", { name: "色分け" }));
    expect(await screen.findByText("色分けしました")).toBeTruthy();
    // 2 initiative sheets × 2 status columns + 2 outcome sheets × 4; a note on each cell with a finding.
    expect(screen.getByText(/ドロップダウン 12 範囲、メモ 3 件/)).toBeTruthy();
    expect(excel.sheet("1 具体的取組")!.notes.size).toBe(1);
    expect(excel.sheet("6 具体的取組")!.notes.size).toBe(1);

    const locked = setup("ja", (h) => (h.sheet("1 具体的取組")!.protected = true));
    await locked.user.click(screen.getAllByRole("button", { name: "色分け" })[1]);
    expect(await screen.findByText(/保護されているシート: 1 具体的取組/)).toBeTruthy();
    expect(locked.excel.sheet("1 具体的取組")!.rules).toHaveLength(0);
  });

  test("the buttons are reachable with the keyboard and work with Enter", async () => {
    const { user } = setup();
    await user.tab();
    expect(document.activeElement?.textContent).toBe("検証");
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("region", { name: "注意" })).toBeTruthy();
  });

  test("a workbook with no evaluation sheet says so and which headers were looked for", async () => {
    const { user } = setup("ja", (h) => {
      h.book.sheets = [{ ...h.book.sheets[4], name: "メモ", values: [["予定"], ["会議"]] }];
    });
    await user.click(screen.getByRole("button", { name: "検証" }));
    expect(await screen.findByText("評価シートが見つかりません")).toBeTruthy();
    expect(screen.getAllByText(/業績目標/).length).toBeGreaterThan(0);
  });

  test("in English when Office's display language is not Japanese", async () => {
    const { user } = setup("en");
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByRole("region", { name: "Warnings" })).toBeTruthy();
    expect(screen.getByRole("table", { name: "Achievement tally" })).toBeTruthy();
  });

  test("outside Excel the buttons are disabled and the pane says where to open it", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App lang="ja" host={null} />
      </FluentProvider>
    );
    expect(screen.getByText(/Excel の外で開かれています/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "検証" }) as HTMLButtonElement).disabled).toBe(true);
  });

  test("a failure in Excel becomes a message, not a stack trace", async () => {
    const host: PaneHost = {
      run: async () => {
        throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
      },
      notes: true,
    };
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App lang="ja" host={host} />
      </FluentProvider>
    );
    await user.click(screen.getByRole("button", { name: "検証" }));
    expect(await screen.findByText(/セルを編集中/)).toBeTruthy();
  });
});

/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SheetList } from "../../src/taskpane/components/SheetList";
import { defaultProfile as P } from "../../src/core/profile";
import { checkWorkbook, toJsonReport, type Lang } from "../../src/core/report";
import ExcelJS from "exceljs";
import { readGrids } from "../helpers/excelJsGrids";
import { SAMPLE } from "../helpers/seed";
import * as L from "../helpers/laterTemplate";

/** The sample's 1 具体的取組 in the later template: 撤退・再構築基準 and a 中間振り返り group before the year-end columns. */
async function laterReport(lang: Lang) {
  // jsdom has no setImmediate, which the streaming reader's unzip needs: ExcelJS reads the sample here.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const [, initiative] = readGrids(wb);
  const later = L.laterHeadersInitiative(L.midYearDecoysInitiative(initiative));
  return toJsonReport(checkWorkbook([later], P), P, lang, "later.xlsx");
}

describe("the sheet list says which column each field was read from, and which were set aside", () => {
  test("ja: the mid-year columns set aside, the columns read on request", async () => {
    const report = await laterReport("ja");
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetList report={report} lang="ja" />
      </FluentProvider>
    );
    expect(screen.getByText("使わない列 F「中間振り返り / 取組の進捗状況」: 「中間振り返り」の列は年度末の評価ではないため使いません")).toBeTruthy();
    expect(screen.getByText("使わない列 G「中間振り返り / 業績目標の達成見込み」: 「中間振り返り」の列は年度末の評価ではないため使いません")).toBeTruthy();
    expect(screen.getByText("見つからない列: 番号")).toBeTruthy();
    await userEvent.setup().click(screen.getByText("列の対応 (10)"));
    expect(screen.getByText("撤退基準 = D")).toBeTruthy();
    expect(screen.getByText("取組実績 = H")).toBeTruthy();
    expect(screen.getByText("業績目標の達成状況 = I")).toBeTruthy();
  });

  test("en: the same, in English", async () => {
    const report = await laterReport("en");
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetList report={report} lang="en" />
      </FluentProvider>
    );
    expect(screen.getAllByText(/^Set aside [FG]「中間振り返り/)).toHaveLength(2);
    expect(screen.getByText("Columns read (10)")).toBeTruthy();
  });
});

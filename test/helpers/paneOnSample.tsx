import * as React from "react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { App, type PaneHost } from "../../src/taskpane/App";
import type { Lang } from "../../src/core/report";
import { MockExcelHost } from "../host/mockExcel";
import { bookFromJson, type BookJson } from "../host/mockBook";
import { bookJsonFromWorkbook } from "../host/fromXlsx";
import { SAMPLE } from "./seed";

/** The sample as the Excel stand-in's book (read with ExcelJS: jsdom has no setImmediate for the streaming reader). */
export async function sampleBookJson(): Promise<BookJson> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return bookJsonFromWorkbook(wb);
}

/** The task pane rendered over a stand-in holding `book`, changed first by `change` if given. */
export function renderPane(book: BookJson, lang: Lang = "ja", change?: (h: MockExcelHost) => void) {
  const excel = new MockExcelHost(bookFromJson(book));
  change?.(excel);
  const host: PaneHost = { run: excel.run.bind(excel) as PaneHost["run"], notes: true };
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} host={host} />
    </FluentProvider>
  );
  return { excel, user };
}

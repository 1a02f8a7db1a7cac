/**
 * The Excel host stand-in for the browser test: served in place of office.js, it defines the `Office` and `Excel`
 * globals over a MockExcelHost holding the book the test put in `window.__HYOKA_BOOK__`.
 */
import { MockExcelHost } from "./mockExcel";
import { bookFromJson, type BookJson } from "./mockBook";

declare global {
  interface Window {
    __HYOKA_BOOK__: BookJson;
    __HYOKA_LANGUAGE__?: string;
    __hyokaHost: MockExcelHost;
  }
}

const host = new MockExcelHost(bookFromJson(window.__HYOKA_BOOK__), {
  displayLanguage: window.__HYOKA_LANGUAGE__ ?? "ja-JP",
});
window.__hyokaHost = host;
const globals = window as unknown as Record<string, unknown>;
globals.Office = host.officeGlobal();
globals.Excel = host.excelGlobal();
globals.CustomFunctions = host.customFunctionsGlobal();

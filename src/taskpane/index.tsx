import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, type PaneHost } from "./App";
import { supportsComments, supportsMinimum, supportsNotes } from "../excel/requirements";
import type { Lang } from "../core/report";
import { officeLanguage as displayLanguage } from "../functions/language";

function render(lang: Lang, host: PaneHost | null, supported: boolean): void {
  const root = document.getElementById("root");
  if (!root) return;
  document.documentElement.lang = lang;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} host={host} supported={supported} />
    </FluentProvider>
  );
}

if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel && typeof Excel !== "undefined";
    const host: PaneHost | null = inExcel
      ? {
          run: (options, batch) => Excel.run(options, batch),
          notes: supportsNotes(),
          comments: supportsComments(),
          unlimitedPayload: info.platform !== Office.PlatformType.OfficeOnline,
        }
      : null;
    render(displayLanguage(), host, !inExcel || supportsMinimum());
  });
} else {
  render(displayLanguage(), null, true);
}

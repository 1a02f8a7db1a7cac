import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, type PaneHost } from "./App";
import {
  supportsComments,
  supportsMinimum,
  supportsNotes,
  supportsTriggerSource,
} from "../excel/requirements";
import type { Lang } from "../core/report";
import { officeLanguage as displayLanguage } from "../functions/language";

let root: ReturnType<typeof createRoot> | null = null;

function render(lang: Lang, host: PaneHost | null, supported: boolean, visible = true): void {
  const element = document.getElementById("root");
  if (!element) return;
  document.documentElement.lang = lang;
  root ??= createRoot(element);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} host={host} supported={supported} visible={visible} />
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
          runIn: (context, batch) => Excel.run(context, batch),
          triggerSource: supportsTriggerSource(),
        }
      : null;
    const supported = !inExcel || supportsMinimum();
    render(displayLanguage(), host, supported);
    // The page lives on in the shared runtime when the pane closes: the pane's event handlers go with it.
    void Office.addin?.onVisibilityModeChanged?.((args) =>
      render(displayLanguage(), host, supported, args.visibilityMode !== "Hidden")
    );
  });
} else {
  render(displayLanguage(), null, true);
}

import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

function render(lang: "ja" | "en", host: string | null): void {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} host={host} />
    </FluentProvider>,
  );
}

/** Japanese unless Office's display language is something else. */
function displayLanguage(): "ja" | "en" {
  const tag = typeof Office !== "undefined" ? Office.context?.displayLanguage : navigator.language;
  return !tag || tag.toLowerCase().startsWith("ja") ? "ja" : "en";
}

if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady((info) => render(displayLanguage(), info.host ? String(info.host) : null));
} else {
  render(displayLanguage(), null);
}

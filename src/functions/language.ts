import type { Lang } from "../core/report";

/** Japanese for a Japanese display language (`ja`, `ja-JP`), English for any other; Japanese when none is known. */
export function languageOf(tag: string | null | undefined): Lang {
  return !tag || tag.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** Office's display language, read when asked: the custom functions answer in it, as the pane does. */
export function officeLanguage(): Lang {
  if (typeof Office !== "undefined") return languageOf(Office.context?.displayLanguage);
  return languageOf(typeof navigator !== "undefined" ? navigator.language : undefined);
}

import type { Lang } from "../core/report";

const STRINGS = {
  title: { ja: "Hyoka 自己評価チェック", en: "Hyoka self-evaluation check" },
  intro: {
    ja: "区政運営方針の自己評価シートを、業績目標・撤退基準・実績から検証します。",
    en: "Checks the operating-policy self-evaluation sheets against their targets, thresholds and actuals.",
  },
  check: { ja: "検証", en: "Validate" },
  color: { ja: "色分け", en: "Color" },
  summary: { ja: "集計表", en: "Summary" },
  clear: { ja: "クリア", en: "Clear" },
  checkHint: {
    ja: "シートを読み、指摘と集計を表示します（ブックは変えません）",
    en: "Reads the sheets and lists findings and tallies (changes nothing)",
  },
  colorHint: {
    ja: "状態の列を色分けし、選択肢のドロップダウンと指摘のメモを付けます",
    en: "Colors the status columns, adds dropdowns of valid codes and notes on findings",
  },
  summaryHint: {
    ja: "業績目標の達成状況と目標未達成の取組みを書き込みます",
    en: "Fills the achievement tally and the list of unmet initiatives",
  },
  clearHint: {
    ja: "Hyoka が加えた色・ドロップダウン・メモ・集計を取り除きます",
    en: "Removes the colors, dropdowns, notes and summaries Hyoka added",
  },
  working: {
    check: { ja: "検証しています…", en: "Validating…" },
    color: { ja: "色分けしています…", en: "Coloring…" },
    summary: { ja: "集計表を書き込んでいます…", en: "Filling the summary…" },
    clear: { ja: "取り除いています…", en: "Removing…" },
  },
  outsideExcel: {
    ja: "Excel の外で開かれています。Excel のリボン「ホーム」→「Hyoka を開く」から使ってください。",
    en: "Opened outside Excel. Open it from Excel: Home → Open Hyoka.",
  },
  oldExcel: {
    ja: "この Excel は古いため使えません（ExcelApi 1.13 以上が必要です）。",
    en: "This version of Excel is too old (ExcelApi 1.13 or later is needed).",
  },
  notEvaluation: { ja: "評価シートが見つかりません", en: "No evaluation sheet found" },
  sheets: { ja: "シート", en: "Sheets" },
  counts: { ja: "記入された評価", en: "Recorded statuses" },
  tally: { ja: "業績目標の達成状況", en: "Achievement tally" },
  achieved: { ja: "達成", en: "Met" },
  notAchieved: { ja: "未達成", en: "Not met" },
  total: { ja: "計", en: "Total" },
  findings: { ja: "指摘", en: "Findings" },
  noFindings: { ja: "指摘はありません。", en: "No findings." },
  empty: { ja: "空欄", en: "empty" },
  initiatives: { ja: "具体的取組", en: "Initiatives" },
  indicators: { ja: "アウトカム指標", en: "Outcome indicators" },
  strategies: { ja: "戦略の進捗", en: "Strategy progress" },
  severity: {
    error: { ja: "エラー", en: "Errors" },
    warning: { ja: "注意", en: "Warnings" },
    info: { ja: "情報", en: "Info" },
  },
  selectHint: { ja: "押すとそのセルを選択します", en: "Press to select the cell" },
  done: {
    color: { ja: "色分けしました", en: "Colored" },
    summary: { ja: "集計表を書き込みました", en: "Summary filled" },
    clear: { ja: "Hyoka が加えたものを取り除きました", en: "Removed what Hyoka added" },
  },
  protectedTitle: { ja: "書き込みませんでした", en: "Nothing was written" },
  errorTitle: { ja: "実行できませんでした", en: "Could not finish" },
  hiddenTitle: { ja: "非表示のシートです", en: "The sheet is hidden" },
} as const;

type Leaf = { ja: string; en: string };

/** The string for a key in the pane's language. */
export function t(key: keyof typeof STRINGS, lang: Lang): string {
  return (STRINGS[key] as Leaf)[lang];
}

/** Why a finding's cell was not selected: its sheet is hidden, and Hyoka does not unhide a person's sheets. */
export function hiddenSheet(sheet: string, cell: string, lang: Lang): string {
  return lang === "ja"
    ? `${sheet}!${cell} は非表示のシートにあるため選択しませんでした。シートを再表示してから、もう一度押してください。`
    : `${sheet}!${cell} is on a hidden sheet, so it was not selected. Unhide the sheet, then press again.`;
}

export function tWorking(action: keyof typeof STRINGS.working, lang: Lang): string {
  return STRINGS.working[action][lang];
}

export function tDone(action: keyof typeof STRINGS.done, lang: Lang): string {
  return STRINGS.done[action][lang];
}

export function tSeverity(severity: keyof typeof STRINGS.severity, lang: Lang): string {
  return STRINGS.severity[severity][lang];
}

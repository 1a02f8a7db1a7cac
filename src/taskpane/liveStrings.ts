import type { Lang } from "../core/report";
import type { InspectedCheck } from "../core/inspect";

const STRINGS = {
  inspector: { ja: "選択中の行", en: "Selected row" },
  selectHint: {
    ja: "評価シートの行を選ぶと、その行の判定をここに表示します。",
    en: "Select a row of an evaluation sheet to see its judgement here.",
  },
  checkFirst: {
    ja: "「検証」を押すと、選んだ行の判定を表示します。",
    en: "Press Validate to see the judgement of the row you select.",
  },
  notARow: {
    ja: "この場所は具体的取組・アウトカム指標・戦略の行ではありません。",
    en: "This is not an initiative, indicator or strategy row.",
  },
  checks: { ja: "業績目標・撤退基準と実績", en: "Targets, thresholds and actuals" },
  target: { ja: "業績目標", en: "Target" },
  threshold: { ja: "撤退基準", en: "Threshold" },
  actual: { ja: "実績", en: "Actual" },
  none: { ja: "なし", en: "none" },
  noChecks: { ja: "業績目標・撤退基準が空欄です。", en: "No target or threshold is written." },
  recorded: { ja: "記録", en: "Recorded" },
  expected: { ja: "規則", en: "Rule" },
  cannotJudge: { ja: "判定不可", en: "cannot judge" },
  empty: { ja: "空欄", en: "empty" },
  agrees: { ja: "一致", en: "agrees" },
  disagrees: { ja: "不一致", en: "disagrees" },
  findings: { ja: "この行の指摘", en: "Findings on this row" },
  noFindings: { ja: "この行に指摘はありません。", en: "No findings on this row." },
  value: { ja: "実績値", en: "Value" },
  goal: { ja: "目標", en: "Target" },
  previous: { ja: "前年度", en: "Previous year" },
  liveSwitch: { ja: "入力に合わせて再検証", en: "Re-check as I type" },
  liveOn: {
    ja: "シートへの入力（共同編集者の入力も）を数秒以内に検証し直します。",
    en: "Edits on the sheets (coauthors' too) are re-checked within seconds.",
  },
  liveOff: {
    ja: "入力しても検証し直しません。オンに戻すと検証をやり直します。",
    en: "Edits are not re-checked. Turning it back on validates again.",
  },
  notesFailed: {
    ja: "メモを更新できませんでした（その場所に人のメモかコメントがあります）。「色分け」を押すとやり直します。",
    en: "The notes could not be updated (a person's note or comment is there). Press Color to redo them.",
  },
  liveTitle: { ja: "再検証しました", en: "Re-checked" },
} as const;

export function tl(key: keyof typeof STRINGS, lang: Lang): string {
  return STRINGS[key][lang];
}

const OUTCOME: Record<InspectedCheck["outcome"], { ja: string; en: string }> = {
  met: { ja: "達成", en: "met" },
  notMet: { ja: "未達成", en: "not met" },
  hit: { ja: "該当", en: "hit" },
  notHit: { ja: "非該当", en: "not hit" },
  undecidable: { ja: "判定不可", en: "cannot judge" },
};

export function tOutcome(outcome: InspectedCheck["outcome"], lang: Lang): string {
  return OUTCOME[outcome][lang];
}

/** What re-checking edits found, for the pane's message. */
export function recheckSummary(rows: number, findings: number, lang: Lang): string {
  return lang === "ja"
    ? `編集された行を検証し直しました（判定し直した行 ${rows}、指摘 ${findings} 件）。`
    : `Edited rows re-checked (${rows} rows judged again, ${findings} findings).`;
}

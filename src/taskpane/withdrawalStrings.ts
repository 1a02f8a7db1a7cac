import type { Lang } from "../core/report";
import type { WithdrawalFilter, WithdrawalRow } from "./withdrawalRows";

const STRINGS = {
  title: { ja: "撤退基準", en: "Withdrawal criteria" },
  open: { ja: "撤退基準の一覧を表示", en: "Show the withdrawal criteria" },
  close: { ja: "一覧を閉じる", en: "Hide the list" },
  filters: { ja: "絞り込み", en: "Filter" },
  list: { ja: "撤退基準の判定", en: "Withdrawal verdicts" },
  threshold: { ja: "撤退基準", en: "Criterion" },
  actual: { ja: "実績", en: "Actual" },
  none: { ja: "なし", en: "none" },
  notRead: { ja: "数値なし", en: "no number" },
  recorded: { ja: "記録", en: "Recorded" },
  empty: { ja: "空欄", en: "empty" },
  noColumn: { ja: "撤退基準の列がありません", en: "No 撤退基準 column" },
  nothing: { ja: "該当する取組はありません。", en: "No initiative matches." },
  selectHint: {
    ja: "押すと撤退基準のセルを選択します",
    en: "Press to select the criterion's cell",
  },
  disagrees: { ja: "記録と不一致", en: "disagrees with the record" },
} as const;

const FILTER = {
  all: { ja: "すべて", en: "All" },
  hit: { ja: "該当", en: "Hit" },
  undecidable: { ja: "判定不可", en: "Cannot judge" },
  disagrees: { ja: "不一致", en: "Disagreements" },
} as const;

const VERDICT = {
  hit: { ja: "該当", en: "Hit" },
  notHit: { ja: "非該当", en: "Not hit" },
  undecidable: { ja: "判定不可", en: "Cannot judge" },
} as const;

export function tw(key: keyof typeof STRINGS, lang: Lang): string {
  return STRINGS[key][lang];
}

export function tFilter(filter: WithdrawalFilter, lang: Lang): string {
  return FILTER[filter][lang];
}

export function tVerdict(verdict: WithdrawalRow["verdict"], lang: Lang): string {
  return VERDICT[verdict][lang];
}

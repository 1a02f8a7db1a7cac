/**
 * The profile's field names, the default profile and the rule switches, without the profile's validator: checking
 * a workbook with the default profile never loads zod (a tenth of a second at start). profile.ts re-exports all of it.
 */
import type { FieldSpec, Profile } from "./profile";

export const OUTCOME_FIELDS = [
  "issue",
  "outcome",
  "strategyName",
  "indicator",
  "targetValue",
  "desiredState",
  "outcomeList",
  "strategyText",
  "strategyEffectiveness",
  "indicatorActual",
  "previous",
  "individualStatus",
  "overallStatus",
  "progress",
  "problems",
  "remedy",
] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

export const INITIATIVE_FIELDS = [
  "strategy",
  "code",
  "initiative",
  "target",
  "threshold",
  "pastResults",
  "actual",
  "achievement",
  "effectiveness",
  "problems",
  "remedy",
] as const;
export type InitiativeField = (typeof INITIATIVE_FIELDS)[number];

export const TALLY_FIELDS = ["issue", "achieved", "notAchieved"] as const;
export type TallyField = (typeof TALLY_FIELDS)[number];
export const UNMET_FIELDS = ["initiative", "situation", "remedy"] as const;
export type UnmetField = (typeof UNMET_FIELDS)[number];

export type SheetRole = "outcome" | "initiative" | "tallySummary" | "unmetSummary";
export const SHEET_ROLES: SheetRole[] = ["tallySummary", "unmetSummary", "outcome", "initiative"];

const f = (aliases: string[], exclude: string[] = []): FieldSpec => ({ aliases, exclude });

export const defaultProfile: Profile = {
  name: "default (港区 平成28年度 layout)",
  headerScanRows: 30,
  maxHeaderRows: 3,
  ignoredHeaders: ["中間振り返り", "中間ふりかえり", "振り返り", "見込み", "見込"],
  inlineStatus: [{ field: "individualStatus", in: "indicatorActual", separators: [":", "："] }],
  roles: {
    outcome: {
      fields: {
        issue: f(["経営課題"]),
        outcome: f(["めざす成果"]),
        strategyName: f(["戦略名"]),
        indicator: f(["成果指標"]),
        targetValue: f(["目標値"]),
        desiredState: f(["めざす状態"]),
        outcomeList: f(["アウトカム", "アウトカム指標"], ["実績", "達成", "有効"]),
        strategyText: f(["戦略", "戦略の内容"], ["名", "進捗", "有効", "対する"]),
        strategyEffectiveness: f(["戦略のアウトカムに対する有効性", "有効性"]),
        indicatorActual: f(["アウトカム指標の実績", "指標の実績", "実績"], ["前年度", "達成"]),
        previous: f(["前年度", "前年度実績", "前年度の実績"]),
        individualStatus: f(
          [
            "個別",
            "アウトカムの達成状況(個別)",
            "アウトカム指標の達成状況",
            "アウトカムの達成状況",
            "アウトカム指標の達成状況(定量評価)",
          ],
          ["前年度", "全体"]
        ),
        overallStatus: f(["全体", "アウトカムの達成状況(全体)"], ["前年度"]),
        progress: f(["戦略の進捗状況", "進捗状況"], ["前年度"]),
        problems: f(["課題"], ["経営課題"]),
        remedy: f(["今後の対応方向・改善策", "今後の対応方向", "改善策"]),
      },
      required: ["indicatorActual", "individualStatus"],
    },
    initiative: {
      fields: {
        strategy: f(["戦略", "戦略名"], ["対する", "有効", "進捗"]),
        code: f(["番号", "No.", "No", "取組番号"]),
        initiative: f(["具体的取組", "取組内容", "具体的な取組"]),
        target: f(["業績目標"], ["達成"]),
        threshold: f([
          "撤退基準",
          "撤退・再構築基準",
          "撤退・再構築の基準",
          "撤退の基準",
          "再構築基準",
          "再構築の基準",
        ]),
        pastResults: f(["前年度までの実績", "前年度実績"]),
        actual: f(["取組実績", "実績"], ["前年度"]),
        achievement: f(["業績目標の達成状況", "目標の達成状況", "達成状況"], ["前年度"]),
        effectiveness: f(["戦略に対する取組の有効性", "取組の有効性", "有効性"]),
        problems: f(["課題"], ["経営課題"]),
        remedy: f(["改善策", "対応・改善策"]),
      },
      required: ["initiative", "target", "achievement"],
    },
    tallySummary: {
      fields: {
        issue: f(["経営課題"]),
        achieved: f(["達成"], ["未"]),
        notAchieved: f(["未達成"]),
      },
      required: ["issue", "achieved", "notAchieved"],
    },
    unmetSummary: {
      fields: {
        initiative: f(["具体的取組"]),
        situation: f(["目標未達成の状況"]),
        remedy: f(["対応・改善策など", "対応・改善策", "改善策"]),
      },
      required: ["initiative", "situation"],
    },
  },
  codes: {
    achievement: { "①": ["①", "➀"], "②": ["②", "➁"], "③": ["③", "➂"] },
    implementation: { i: ["i", "ⅰ", "Ⅰ", "ｉ"], ii: ["ii", "ⅱ", "Ⅱ", "ｉｉ"] },
    effectiveness: { "○": ["○", "〇", "◯", "○"], "×": ["×", "✕", "✖", "╳", "Ｘ", "X", "x"] },
    indicatorStatus: { A: ["A", "Ａ"], B: ["B", "Ｂ"] },
    progress: { a: ["a", "ａ"], b: ["b", "ｂ"] },
    strategyEffectiveness: { ア: ["ア", "ｱ"], イ: ["イ", "ｲ"] },
    relisted: ["再掲"],
    initiativePrefixes: ["具体的取組", "具体的な取組", "取組"],
    strategyPrefixes: ["戦略", "めざす成果"],
    titleNotes: ["予算額", "予算"],
  },
  units: [
    "%",
    "団体・人",
    "企業・団体",
    "団体",
    "企業",
    "人",
    "名",
    "件",
    "回",
    "社",
    "点",
    "地域",
    "小学校区",
    "校区",
    "校",
    "か所",
    "箇所",
    "ヶ所",
    "カ所",
    "世帯",
    "部",
    "冊",
    "種類",
    "事業",
    "講座",
    "店舗",
    "品",
    "組",
    "チーム",
    "時間",
    "万円",
    "千円",
    "円",
  ],
  unitSynonyms: [
    ["人", "名"],
    ["か所", "箇所", "ヶ所", "カ所"],
  ],
  nonePhrases: [
    "がなければ",
    "が無ければ",
    "がない場合",
    "が無い場合",
    "がいなければ",
    "が0であれば",
  ],
  colors: {
    "①": { fill: "#C6EFCE", font: "#006100" },
    "②": { fill: "#FFEB9C", font: "#9C5700" },
    "③": { fill: "#FFC7CE", font: "#9C0006" },
    A: { fill: "#C6EFCE", font: "#006100" },
    B: { fill: "#FFC7CE", font: "#9C0006" },
    a: { fill: "#C6EFCE", font: "#006100" },
    b: { fill: "#FFC7CE", font: "#9C0006" },
    "○": { fill: "#C6EFCE", font: "#006100" },
    "×": { fill: "#FFC7CE", font: "#9C0006" },
    ア: { fill: "#C6EFCE", font: "#006100" },
    イ: { fill: "#FFEB9C", font: "#9C5700" },
  },
  matching: { minLabelSimilarity: 0.3, minMargin: 0.1 },
  rules: {},
  summary: {
    tallySheetName: "業績目標の達成状況",
    unmetSheetName: "目標未達成の取組み",
    issueLabel: "経営課題",
    totalLabel: "計",
    targetMark: "〔目標〕",
    actualMark: "〔実績〕",
    chartColors: { achieved: "#2F6EBA", notAchieved: "#B85C00" },
  },
};

export class ProfileError extends Error {
  constructor(
    message: string,
    readonly issues: string[]
  ) {
    super(message);
    this.name = "ProfileError";
  }
}

/** The severity a rule reports with, after the profile's switches. */
export function ruleSeverity(
  profile: Profile,
  ruleId: string,
  fallback: "error" | "warning" | "info"
): "error" | "warning" | "info" {
  return profile.rules[ruleId]?.severity ?? fallback;
}

export function ruleEnabled(profile: Profile, ruleId: string): boolean {
  return profile.rules[ruleId]?.enabled ?? true;
}

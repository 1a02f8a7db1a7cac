import { z } from "zod";

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

const fieldSpec = z.object({
  /** Header texts that name this field, compared after width folding and removing spaces and line breaks. */
  aliases: z.array(z.string().min(1)).min(1),
  /** A header containing one of these is never this field (課題 is not 経営課題). */
  exclude: z.array(z.string().min(1)).default([]),
});
export type FieldSpec = z.infer<typeof fieldSpec>;

function fieldTable<const K extends readonly string[]>(keys: K) {
  const shape = Object.fromEntries(keys.map((k) => [k, fieldSpec])) as {
    [P in K[number]]: typeof fieldSpec;
  };
  return z.object(shape).strict();
}

const roleSpec = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.object({
    fields: fieldTable(keys),
    /** Fields that must all be found for a sheet to have this role. */
    required: z.array(z.enum(keys)).min(1),
  });


const spellings = z.array(z.string().min(1)).min(1);

/** A status written at the end of another cell's text (R5 style: `…10,488世帯):A`), for a sheet without that column. */
const inlineStatus = z.object({
  /** The field whose column may be missing. */
  field: z.string().min(1),
  /** The column whose text ends with the status. */
  in: z.string().min(1),
  /** What may stand between the text and the code (a colon in either width). */
  separators: spellings,
});
const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "a color like #C6EFCE");
const style = z.object({ fill: hexColor, font: hexColor });
const severity = z.enum(["error", "warning", "info"]);

export const profileSchema = z
  .object({
    name: z.string().min(1),
    headerScanRows: z.number().int().min(1).max(200),
    maxHeaderRows: z.number().int().min(1).max(5),
    /**
     * Header words of columns that are never a field, whatever else their header says: the mid-year review
     * (中間振り返り) group and its forecasts (達成見込み) repeat the year-end headers with other values.
     */
    ignoredHeaders: z.array(z.string().min(1)),
    /** Statuses that later templates write inline instead of in a column of their own. */
    inlineStatus: z.array(inlineStatus),
    roles: z.object({
      outcome: roleSpec(OUTCOME_FIELDS),
      initiative: roleSpec(INITIATIVE_FIELDS),
      tallySummary: roleSpec(TALLY_FIELDS),
      unmetSummary: roleSpec(UNMET_FIELDS),
    }),
    codes: z.object({
      achievement: z.object({ "①": spellings, "②": spellings, "③": spellings }),
      implementation: z.object({ i: spellings, ii: spellings }),
      effectiveness: z.object({ "○": spellings, "×": spellings }),
      indicatorStatus: z.object({ A: spellings, B: spellings }),
      progress: z.object({ a: spellings, b: spellings }),
      strategyEffectiveness: z.object({ ア: spellings, イ: spellings }),
      relisted: spellings,
      /** Words that may stand inside the bracket before a code: 【具体的取組1-1-1】, 【戦略1-1】. */
      initiativePrefixes: z.array(z.string().min(1)),
      strategyPrefixes: z.array(z.string().min(1)),
      /** A bracketed note after a title that is not part of it: ［予算額 263千円］. */
      titleNotes: z.array(z.string().min(1)),
    }),
    /** Counting words that may follow a number, longest first is not required: matching sorts them. */
    units: z.array(z.string().min(1)).min(1),
    /** Units that mean the same thing (人 and 名). */
    unitSynonyms: z.array(z.array(z.string().min(1)).min(2)),
    /** Phrases of a withdrawal criterion meaning "if there are none" (= 0). */
    nonePhrases: spellings,
    colors: z.object({
      "①": style,
      "②": style,
      "③": style,
      A: style,
      B: style,
      a: style,
      b: style,
      "○": style,
      "×": style,
      ア: style,
      イ: style,
    }),
    matching: z.object({
      /** Below this label similarity (0–1) a target and an actual are not paired when several actuals share the unit. */
      minLabelSimilarity: z.number().min(0).max(1),
      /** The best actual must be this much more similar than the next one with a different value. */
      minMargin: z.number().min(0).max(1),
    }),
    rules: z.record(
      z.string(),
      z.object({ enabled: z.boolean().default(true), severity: severity.optional() })
    ),
    summary: z.object({
      tallySheetName: z.string().min(1).max(31),
      unmetSheetName: z.string().min(1).max(31),
      issueLabel: z.string().min(1),
      totalLabel: z.string().min(1),
      targetMark: z.string().min(1),
      actualMark: z.string().min(1),
      /** The tally chart's bars (Excel's, the file's and the task pane's): 達成, 未達成. */
      chartColors: z.object({ achieved: hexColor, notAchieved: hexColor }),
    }),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type StatusColorKey = keyof Profile["colors"];

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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and values replace. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

/**
 * A user's profile is what differs from the default: it is merged over the default, then validated.
 * Errors name the path inside the profile, e.g. `roles.initiative.fields.target.aliases`.
 */
export function parseProfile(input: unknown, source = "profile"): Profile {
  if (!isPlainObject(input)) {
    throw new ProfileError(
      `${source}: a JSON object is expected / JSON オブジェクトではありません`,
      []
    );
  }
  const merged = deepMerge(defaultProfile, input);
  const result = profileSchema.safeParse(merged);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join(".") : "(root)";
    return `${path}: ${issue.message}`;
  });
  throw new ProfileError(
    `${source} is not a valid profile / プロファイルが正しくありません:\n  ${issues.join("\n  ")}`,
    issues
  );
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

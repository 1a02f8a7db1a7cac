import type { z } from "zod";
import { a1, columnLetter, type SheetGrid } from "./grid";
import type { FieldSpec, Profile } from "./profile";
import { recognizeWorkbook, type MatchKind, type SheetLayout } from "./recognize";
import {
  readEvaluation,
  type Evaluation,
  type Initiative,
  type OutcomeRow,
  type StrategyBlock,
} from "./evaluation";
import {
  judgeAchievement,
  judgeIndicator,
  judgeProgress,
  type AchievementJudgement,
  type IndicatorJudgement,
  type ProgressJudgement,
} from "./judge";
import { RULES } from "./rules/registry";
import { neededColumnFindings } from "./rules/neededColumns";
import type { Finding, Judgements } from "./rules/finding";
import { buildSummary, type Summary } from "./summary";
import { ruleEnabled } from "./defaultProfile";
import { isNotEvaluated } from "./rules/notEvaluated";
import { readMeta, withoutHyokaWrites, type HyokaMeta } from "./meta";
import { sortByKey } from "./sortByKey";
import { withdrawalOf } from "./withdrawal";
import type { reportSchema } from "./reportSchema";

export type Lang = "ja" | "en";

export interface CheckResult {
  /** The sheets as judged: the workbook without Hyoka's earlier writes, aligned with evaluation.sheets. */
  grids: SheetGrid[];
  /** What earlier runs of Hyoka wrote, from `_hyoka`. */
  previous: HyokaMeta;
  evaluation: Evaluation;
  judgements: Judgements;
  findings: Finding[];
  summary: Summary;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The whole judgement: grids in, evaluation, judgements, findings and summary out. Pure. */
export function checkWorkbook(workbook: SheetGrid[], profile: Profile): CheckResult {
  const previous = readMeta(workbook);
  const grids = withoutHyokaWrites(workbook);
  const layouts = recognizeWorkbook(grids, profile);
  const evaluation = readEvaluation(grids, layouts, profile);
  const judgements: Judgements = {
    achievement: new Map(),
    indicator: new Map(),
    progress: new Map(),
  };
  for (const init of evaluation.initiatives)
    judgements.achievement.set(init, judgeAchievement(init, profile));
  for (const row of evaluation.outcomes) {
    judgements.indicator.set(row, judgeIndicator(row, evaluation.strategies[row.block], profile));
  }
  for (const block of evaluation.strategies)
    judgements.progress.set(block, judgeBlockProgress(block, evaluation));
  const ctx = { evaluation, judgements, profile };
  const rules = RULES.filter((r) => ruleEnabled(profile, r.id));
  const findings = sortFindings(
    [...neededColumnFindings(rules, evaluation, profile), ...rules.flatMap((r) => r.check(ctx))],
    grids
  );
  const summary = buildSummary(evaluation, judgements.achievement, profile);
  return { grids, previous, evaluation, judgements, findings, summary };
}

/** Rule 4 for one strategy block, or why it is not judged this year. */
export function judgeBlockProgress(
  block: StrategyBlock,
  evaluation: Evaluation
): ProgressJudgement {
  return isNotEvaluated(block, evaluation)
    ? {
        expected: null,
        initiatives: [],
        reason: {
          ja: "今年度の評価対象外（目標値 ―、自己評価が空欄）",
          en: "not evaluated this year (no target, empty self-evaluation)",
        },
      }
    : judgeProgress(block.code, evaluation);
}

/** Where a finding stands in the report: its sheet's place in the workbook, its severity, its cell. */
export function findingOrder(
  f: Finding,
  sheetOrder: Map<string, number>
): [number, number, number] {
  return [sheetOrder.get(f.sheet) ?? -1, SEVERITY_ORDER[f.severity], cellOrder(f.cell)];
}

/** Findings by sheet, then severity, then cell. */
function sortFindings(findings: Finding[], grids: SheetGrid[]): Finding[] {
  const sheetOrder = new Map(grids.map((g, i) => [g.name, i]));
  return sortByKey(
    findings,
    (f) => findingOrder(f, sheetOrder),
    (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
  );
}

function cellOrder(cell: string | null): number {
  if (!cell) return -1;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20000 + col;
}

/** The JSON report of `hyoka check --json`, as its schema (reportSchema.ts) describes it. */
export type JsonReport = z.infer<typeof reportSchema>;

export const HYOKA_VERSION = "0.1.0";

const MATCH_WHY: Record<
  MatchKind,
  { ja: (alias: string) => string; en: (alias: string) => string }
> = {
  exact: { ja: (a) => `見出しが「${a}」`, en: (a) => `the header is ${a}` },
  partial: {
    ja: (a) => `見出しに「${a}」を含む（一部一致）`,
    en: (a) => `the header holds ${a} (partial match)`,
  },
  similar: {
    ja: (a) => `見出しが「${a}」と1文字違い（誤字とみなしました）`,
    en: (a) => `the header is one character off ${a} (taken as a typo)`,
  },
  inline: {
    ja: () => "列がなく、この列の文末の「:A」などを読みました（R5様式）",
    en: () => "no column of its own: read from the end of this column's text (:A, R5 style)",
  },
};

/** The report's account of a sheet's columns: what was taken from where and why, what was not found, what was set aside. */
function sheetFields(layout: SheetLayout, profile: Profile, lang: Lang) {
  const role = layout.role;
  const specs = role === "other" ? {} : (profile.roles[role].fields as Record<string, FieldSpec>);
  return {
    fields: Object.entries(layout.fields)
      .sort(([, a], [, b]) => a.col - b.col)
      .map(([field, m]) => ({
        field,
        name: specs[field]?.aliases[0] ?? field,
        column: columnLetter(m.col),
        header: m.header,
        match: m.how,
        why: MATCH_WHY[m.how][lang](m.alias),
      })),
    notFound: layout.notFound.map((field) => ({
      field,
      required: layout.missing.includes(field),
      lookedFor: specs[field]?.aliases ?? [],
    })),
    ignored: layout.ignored.map((i) => ({
      column: columnLetter(i.col),
      header: i.header,
      why:
        lang === "ja"
          ? `「${i.word}」の列は年度末の評価ではないため使いません`
          : `a ${i.word} column is not the year-end evaluation, so it is never read`,
    })),
  };
}

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== "") ?? ""
  );
}

/**
 * What the printed summary shows of the report: everything but each row's judgement. The command line prints it
 * without writing the reasons of every initiative, outcome and strategy, which only the JSON report gives.
 */
export interface ReportOverview extends Pick<
  JsonReport,
  "tool" | "version" | "file" | "profile" | "sheets" | "findings" | "summary"
> {
  initiatives: Pick<ReportInitiative, "recorded">[];
  outcomes: Pick<JsonReport["outcomes"][number], "recorded">[];
  strategies: Pick<JsonReport["strategies"][number], "recordedProgress">[];
}

/** The report's overview; toJsonReport gives the same values and more. */
export function toReportOverview(
  result: CheckResult,
  profile: Profile,
  lang: Lang,
  file?: string
): ReportOverview {
  const { evaluation, findings, summary } = result;
  return {
    ...reportHead(result, profile, lang, file),
    initiatives: evaluation.initiatives.map((init) => ({ recorded: recordedCodes(init) })),
    outcomes: evaluation.outcomes.map((row) => ({ recorded: recordedIndicatorStatus(row) })),
    strategies: evaluation.strategies.map((b) => ({ recordedProgress: recordedProgress(b) })),
    findings: findings.map((f) => findingEntry(f, lang)),
    summary: summaryEntry(summary),
  };
}

/** The report's first fields, down to its sheets. */
function reportHead(result: CheckResult, profile: Profile, lang: Lang, file?: string) {
  return {
    tool: "hyoka" as const,
    version: HYOKA_VERSION,
    ...(file ? { file } : {}),
    profile: profile.name,
    sheets: result.evaluation.sheets.map((l) => ({
      name: l.sheet,
      role: l.role,
      headerRow: l.headerBottom >= 0 ? l.headerBottom + 1 : null,
      headerRows:
        l.headerTop >= 0
          ? Array.from({ length: l.headerBottom - l.headerTop + 1 }, (_, i) => l.headerTop + i + 1)
          : [],
      columns: Object.fromEntries(Object.entries(l.columns).map(([f, c]) => [f, columnLetter(c)])),
      missing: l.missing,
      reason: l.reason[lang],
      ...sheetFields(l, profile, lang),
    })),
  };
}

/** The result as the JSON report, messages in `lang` (both languages are always kept alongside). */
export function toJsonReport(
  result: CheckResult,
  profile: Profile,
  lang: Lang,
  file?: string
): JsonReport {
  const { evaluation, judgements, findings, summary } = result;
  const report: JsonReport = {
    ...reportHead(result, profile, lang, file),
    initiatives: evaluation.initiatives.map((init) =>
      initiativeEntry(init, judgements.achievement.get(init)!, lang)
    ),
    outcomes: evaluation.outcomes.map((row) =>
      outcomeEntry(row, judgements.indicator.get(row)!, lang)
    ),
    strategies: evaluation.strategies.map((b) =>
      strategyEntry(b, judgements.progress.get(b)!, lang)
    ),
    findings: findings.map((f) => findingEntry(f, lang)),
    summary: summaryEntry(summary),
  };
  return report;
}

type ReportInitiative = JsonReport["initiatives"][number];

/** The codes an initiative's row records, null where a cell is empty or invalid. */
function recordedCodes(init: Initiative): ReportInitiative["recorded"] {
  const a = init.achievement.kind === "valid" ? init.achievement.code : null;
  return {
    achievement: a?.achievement ?? null,
    implementation: a?.implementation ?? null,
    effectiveness: init.effectiveness.kind === "valid" ? init.effectiveness.code : null,
  };
}

function recordedIndicatorStatus(row: OutcomeRow): JsonReport["outcomes"][number]["recorded"] {
  return row.recorded.kind === "valid" ? row.recorded.code : null;
}

function recordedProgress(b: StrategyBlock): JsonReport["strategies"][number]["recordedProgress"] {
  return b.progress.kind === "valid" ? b.progress.code : null;
}

/** One initiative as the report gives it. */
export function initiativeEntry(
  init: Initiative,
  j: AchievementJudgement,
  lang: Lang
): ReportInitiative {
  const w = withdrawalOf(j);
  const ref = init.threshold.ref;
  return {
    code: init.code,
    title: init.title,
    sheet: init.sheet,
    row: init.row + 1,
    strategyCode: init.strategyCode,
    issueNo: init.issueNo,
    relisted: init.relisted,
    recorded: recordedCodes(init),
    expected: {
      achievement: j.expected,
      reason: j.reason[lang],
      withdrawalUndecidable: j.withdrawalUndecidable,
    },
    withdrawal: {
      verdict: w.verdict,
      reason: ref
        ? w.explain(lang)
        : lang === "ja"
          ? "この表には撤退基準の列がないため判定できません"
          : "this sheet has no 撤退基準 (withdrawal criterion) column, so nothing can be judged",
      cell: ref ? a1(ref.row, ref.col) : null,
      thresholds: w.checks.map((c) => ({
        source: c.criterion.source,
        read: c.criterion.quantity?.text ?? null,
        actual: c.actual?.quantity.text ?? null,
        outcome: c.outcome === "hit" || c.outcome === "notHit" ? c.outcome : "undecidable",
      })),
    },
  };
}

/** One indicator row as the report gives it. */
export function outcomeEntry(
  row: OutcomeRow,
  j: IndicatorJudgement,
  lang: Lang
): JsonReport["outcomes"][number] {
  return {
    sheet: row.sheet,
    row: row.row + 1,
    strategyCode: row.strategyCode,
    indicator: firstLine(row.indicatorActual.text),
    value: j.value?.value ?? null,
    unit: j.value?.unit ?? null,
    previous: j.previous?.value ?? null,
    target: j.target
      ? {
          value: j.target.value,
          unit: j.target.unit,
          comparator: j.target.comparator,
          text: j.target.text,
        }
      : null,
    recorded: recordedIndicatorStatus(row),
    expected: j.expected,
    reason: j.reason[lang],
  };
}

/** One strategy block as the report gives it. */
export function strategyEntry(
  b: StrategyBlock,
  j: ProgressJudgement,
  lang: Lang
): JsonReport["strategies"][number] {
  return {
    code: b.code,
    name: b.name,
    sheet: b.sheet,
    row: b.row + 1,
    recordedProgress: recordedProgress(b),
    expectedProgress: j.expected,
    recordedOverall: b.overall.kind === "valid" ? b.overall.code : null,
    recordedEffectiveness: b.effectiveness.kind === "valid" ? b.effectiveness.code : null,
    reason: j.reason[lang],
  };
}

export function findingEntry(f: Finding, lang: Lang): JsonReport["findings"][number] {
  return {
    severity: f.severity,
    rule: f.rule,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message[lang],
    messageJa: f.message.ja,
    messageEn: f.message.en,
  };
}

export function summaryEntry(summary: Summary): JsonReport["summary"] {
  return {
    byIssue: summary.byIssue,
    total: summary.total,
    byStrategy: summary.byStrategy,
    unmet: summary.unmet,
    uncounted: summary.uncounted,
  };
}

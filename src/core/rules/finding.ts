import { a1 } from "../grid";
import type { CellRef, Evaluation, Initiative, OutcomeRow, StrategyBlock } from "../evaluation";
import type {
  AchievementJudgement,
  Bilingual,
  IndicatorJudgement,
  ProgressJudgement,
} from "../judge";
import type { Profile } from "../profile";
import { ruleSeverity } from "../defaultProfile";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  severity: Severity;
  rule: string;
  sheet: string;
  /** A1 address of the cell, or null for a workbook-wide finding. */
  cell: string | null;
  message: Bilingual;
}

export interface Judgements {
  achievement: Map<Initiative, AchievementJudgement>;
  indicator: Map<OutcomeRow, IndicatorJudgement>;
  progress: Map<StrategyBlock, ProgressJudgement>;
}

/** Some rows only, each set in the evaluation's order: the incremental re-check asks about the rows an edit touched. */
export interface RuleScope {
  initiatives: ReadonlySet<Initiative>;
  outcomes: ReadonlySet<OutcomeRow>;
  strategies: ReadonlySet<StrategyBlock>;
}

export interface RuleContext {
  evaluation: Evaluation;
  judgements: Judgements;
  profile: Profile;
  /** Only these rows (rules with `perRow`); every row when absent. */
  only?: RuleScope;
}

/** The initiatives a rule looks at: all of them, or the scope's. */
export function initiativesOf(ctx: RuleContext): Initiative[] {
  const only = ctx.only;
  return only ? [...only.initiatives] : ctx.evaluation.initiatives;
}

export function outcomesOf(ctx: RuleContext): OutcomeRow[] {
  const only = ctx.only;
  return only ? [...only.outcomes] : ctx.evaluation.outcomes;
}

export function strategiesOf(ctx: RuleContext): StrategyBlock[] {
  const only = ctx.only;
  return only ? [...only.strategies] : ctx.evaluation.strategies;
}

/** A column a rule reads, and what the rule cannot decide on a sheet that lacks it. */
export interface NeededColumn {
  role: "initiative" | "outcome";
  field: string;
  cannotDecide: Bilingual;
}

export interface Rule {
  id: string;
  /** What the rule checks, for the README and the task pane. */
  title: Bilingual;
  /**
   * The columns it reads beyond its sheet's required ones. Where one is absent the rule does not decide from it
   * (never as if the column were empty) and one info finding at the sheet says so, with the headers looked for.
   */
  needs?: NeededColumn[];
  /**
   * Each finding comes from one row (an initiative, an indicator row or a strategy block) and that row's judgement
   * alone, and the rule honours `ctx.only`. The other rules speak of a sheet's structure (codes, headers, group
   * rows), which an edit of values does not change.
   */
  perRow?: boolean;
  check(ctx: RuleContext): Finding[];
}

export function makeFinding(
  profile: Profile,
  rule: string,
  severity: Severity,
  ref: CellRef | null,
  message: Bilingual,
  sheet = ref?.sheet ?? ""
): Finding {
  return {
    severity: ruleSeverity(profile, rule, severity),
    rule,
    sheet,
    cell: ref ? a1(ref.row, ref.col) : null,
    message,
  };
}

/** The cell to point at: the field's own cell, or the row's first cell when the sheet lacks that column. */
export function refOr(ref: CellRef | null, sheet: string, row: number): CellRef {
  return ref ?? { sheet, row, col: 0 };
}

/** 【1-3-1】 as people write it, for messages. */
export function codeLabel(code: string): string {
  return `【${code}】`;
}

import type { Profile } from "./profile";
import { strategyOfCode, type Achievement, type IndicatorStatus, type Progress } from "./codes";
import { parseTargets, parseThresholds, refersToTarget, type Criterion } from "./criteria";
import { matchActualByKey } from "./match";
import { keySimilarity, labelKey } from "./labels";
import { oncePerObject } from "./memo";
import {
  compare,
  parseLabeledQuantities,
  parseQuantities,
  parseQuantity,
  unitsCompatible,
  type LabeledQuantity,
  type Quantity,
} from "./quantity";
import type { Evaluation, Initiative, OutcomeRow, StrategyBlock, TextCell } from "./evaluation";

export interface Bilingual {
  ja: string;
  en: string;
}

/** Text in both languages, each written only when read. */
class Explanation implements Bilingual {
  constructor(private readonly source: { explain(lang: keyof Bilingual): string }) {}

  get ja(): string {
    return this.source.explain("ja");
  }

  get en(): string {
    return this.source.explain("en");
  }
}

/** Why a criterion could not be judged; the explanation is written from it when asked for. */
type Undecided =
  | { kind: "noComparator" | "qualitative" | "noActual" }
  | { kind: "ambiguous"; candidates: LabeledQuantity[] };

/**
 * One target or threshold against its actual. `why` is written only when read: the report shows one language and
 * the findings a few checks, while every initiative of a city's workbook is checked.
 */
export class CriterionCheck {
  constructor(
    readonly criterion: Criterion,
    readonly actual: LabeledQuantity | null,
    /** met/notMet for a target, hit/notHit for a threshold, undecidable when no rule can tell. */
    readonly outcome: "met" | "notMet" | "hit" | "notHit" | "undecidable",
    private readonly undecided: Undecided | null = null
  ) {}

  get why(): Bilingual {
    return new Explanation(this);
  }

  explain(lang: keyof Bilingual): string {
    const { criterion, actual, outcome, undecided } = this;
    const name = CRITERION_NAME[criterion.kind][lang];
    const unit = criterion.quantity?.unit || (lang === "ja" ? "なし" : "none");
    const ja = lang === "ja";
    switch (undecided?.kind) {
      case "noComparator":
        return ja
          ? `${name}「${criterion.source}」に以上・以下などの比較の語がなく判定できません`
          : `the ${name} "${criterion.source}" has no comparator (以上/以下/未満/超), so it cannot be judged`;
      case "qualitative":
        return ja
          ? `${name}「${criterion.source}」は数値で書かれていないため規則では判定できません`
          : `the ${name} "${criterion.source}" is not numeric and cannot be judged by rule`;
      case "noActual":
        return ja
          ? `${name}「${criterion.source}」に対応する実績（単位「${unit}」）が取組実績に見つかりません`
          : `no actual for the ${name} "${criterion.source}" (unit "${unit}") in 取組実績`;
      case "ambiguous": {
        const candidates = undecided.candidates.map((c) => c.quantity.text).join(ja ? "、" : ", ");
        return ja
          ? `${name}「${criterion.source}」に対応する実績を一つに決められません（候補: ${candidates}）`
          : `the actual for the ${name} "${criterion.source}" is ambiguous (candidates: ${candidates})`;
      }
    }
    const verdict = VERDICT[outcome as keyof typeof VERDICT][lang];
    const q = criterion.quantity!;
    return ja
      ? `${name} ${q.text}（${criterion.label}）に対し実績 ${actual!.quantity.text}: ${verdict}`
      : `${name} ${q.text} (${criterion.label}) vs actual ${actual!.quantity.text}: ${verdict}`;
  }
}

/** Rule 1's answer for one initiative; its `reason` is written from the checks when read. */
export class AchievementJudgement {
  constructor(
    readonly expected: Achievement | null,
    /** The targets' checks, then the thresholds'. */
    readonly checks: CriterionCheck[],
    /** Some withdrawal criterion could not be checked, so ③ can neither be confirmed nor excluded by rule. */
    readonly withdrawalUndecidable: boolean,
    /** The sheet has no 撤退基準 column: ③ cannot be judged at all (never as if no threshold were set). */
    readonly noThresholdColumn = false
  ) {}

  get reason(): Bilingual {
    return new Explanation(this);
  }

  explain(lang: keyof Bilingual): string {
    const text = this.explainChecks(lang);
    if (!this.noThresholdColumn || this.expected === null) return text;
    return lang === "ja"
      ? `${text}（撤退基準の列がないため③かどうかは判定していません）`
      : `${text} (no withdrawal criterion column: whether ③ applies was not judged)`;
  }

  private explainChecks(lang: keyof Bilingual): string {
    const ja = lang === "ja";
    const join = (keep: (c: CriterionCheck) => boolean) =>
      this.checks
        .filter(keep)
        .map((c) => c.explain(lang))
        .join(ja ? "／" : "; ");
    const isTarget = (c: CriterionCheck) => c.criterion.kind === "target";
    switch (this.expected) {
      case "③":
        return join((c) => c.outcome === "hit");
      case "②":
        return join((c) => c.outcome === "notMet");
      case "①":
        return ja
          ? `すべての業績目標を達成: ${join(isTarget)}`
          : `every target met: ${join(isTarget)}`;
      case null:
        if (!this.checks.some(isTarget))
          return ja
            ? "業績目標が空欄のため判定できません"
            : "the target (業績目標) is empty, so nothing can be judged";
        return join((c) => isTarget(c) && c.outcome === "undecidable");
    }
  }
}

const CRITERION_NAME: Record<Criterion["kind"], Bilingual> = {
  target: { ja: "業績目標", en: "target" },
  threshold: { ja: "撤退基準", en: "withdrawal criterion" },
};

const VERDICT: Record<"met" | "notMet" | "hit" | "notHit", Bilingual> = {
  met: { ja: "達成", en: "met" },
  notMet: { ja: "未達成", en: "not met" },
  hit: { ja: "該当（撤退基準に達した）", en: "hit" },
  notHit: { ja: "非該当", en: "not hit" },
};

function checkCriterion(
  criterion: Criterion,
  actuals: LabeledQuantity[],
  actualKeys: string[],
  targets: Criterion[],
  profile: Profile
): CriterionCheck {
  if (!criterion.quantity || criterion.undecidable) {
    const kind = criterion.undecidable === "noComparator" ? "noComparator" : "qualitative";
    return new CriterionCheck(criterion, null, "undecidable", { kind });
  }
  let label = criterion.label;
  if (criterion.kind === "threshold" && refersToTarget(label)) {
    const sameUnit = targets.find(
      (t) => t.quantity && unitsCompatible(t.quantity.unit, criterion.quantity!.unit, profile)
    );
    if (sameUnit) label = sameUnit.label;
  }
  const match = matchActualByKey(labelKey(label), criterion.quantity, actuals, actualKeys, profile);
  if (!match.ok) {
    const undecided: Undecided =
      match.reason === "noActual"
        ? { kind: "noActual" }
        : { kind: "ambiguous", candidates: match.candidates };
    return new CriterionCheck(criterion, null, "undecidable", undecided);
  }
  const q = criterion.quantity;
  const ok = compare(match.actual.quantity.value, q.comparator ?? ">=", q.value);
  const outcome = criterion.kind === "target" ? (ok ? "met" : "notMet") : ok ? "hit" : "notHit";
  return new CriterionCheck(criterion, match.actual, outcome);
}

/**
 * Rule 1: ① when every numeric target is met, else ②; ③ when any withdrawal threshold is hit.
 * A target or threshold that cannot be paired with an actual, or is qualitative, makes the rule say so instead of guessing.
 */
export function judgeAchievement(
  init: Pick<Initiative, "target" | "threshold" | "actual">,
  profile: Profile,
  /** Texts from a sheet, by default: a threshold cell without a reference is a sheet without 撤退基準. */
  thresholdColumn = init.threshold.ref !== null
): AchievementJudgement {
  const targets = parseTargets(init.target.text, profile);
  const noThresholdColumn = !thresholdColumn;
  const thresholds = parseThresholds(init.threshold.text, profile);
  const actuals = parseLabeledQuantities(init.actual.text, profile, "actual");
  const actualKeys = actuals.map((a) => labelKey(a.label));
  // Targets first, then thresholds: only a target can be notMet and only a threshold hit.
  const checks = [...targets, ...thresholds].map((c) =>
    checkCriterion(c, actuals, actualKeys, targets, profile)
  );
  const undecided = (kind: Criterion["kind"]) =>
    checks.some((c) => c.outcome === "undecidable" && c.criterion.kind === kind);
  const hit = checks.some((c) => c.outcome === "hit");
  const missed = checks.some((c) => c.outcome === "notMet");
  const expected: Achievement | null = hit
    ? "③"
    : missed
      ? "②"
      : targets.length === 0 || undecided("target")
        ? null
        : "①";
  return new AchievementJudgement(
    expected,
    checks,
    noThresholdColumn || undecided("threshold"),
    noThresholdColumn
  );
}

/** Rule 3's answer for one outcome row; its `reason` is written when read. */
export class IndicatorJudgement {
  constructor(
    readonly value: Quantity | null,
    readonly previous: Quantity | null,
    readonly target: (Quantity & { label: string }) | null,
    readonly met: boolean | null,
    readonly improved: boolean | null,
    readonly expected: IndicatorStatus | null,
    /** The sheet has a 前年度 column (without one, "not improved" cannot be told). */
    readonly previousColumn = true
  ) {}

  get reason(): Bilingual {
    return new Explanation(this);
  }

  explain(lang: keyof Bilingual): string {
    const { value, previous, target, met, improved } = this;
    if (lang === "ja") {
      if (!value) return "アウトカム指標の実績に数値が読み取れません";
      return [
        `実績 ${value.text}`,
        target ? `目標 ${target.text}: ${met ? "達成" : "未達成"}` : "目標: 見つかりません",
        previous
          ? `前年度 ${previous.text}: ${improved ? "改善" : improved === false ? "改善なし" : "単位が異なる"}`
          : this.previousColumn
            ? "前年度: 読み取れません"
            : "前年度: 列がありません",
      ].join("、");
    }
    if (!value) return "no number can be read in the indicator's actual";
    return [
      `value ${value.text}`,
      target ? `target ${target.text}: ${met ? "met" : "not met"}` : "target: not found",
      previous
        ? `previous year ${previous.text}: ${improved ? "improved" : improved === false ? "not improved" : "different unit"}`
        : this.previousColumn
          ? "previous year: unreadable"
          : "previous year: no such column",
    ].join(", ");
  }
}

/** A block's listed outcome targets and the label keys of those and of its indicator, shared by its rows. */
interface BlockLabels {
  targets: LabeledQuantity[];
  targetKeys: string[];
  indicatorKey: string;
}

/**
 * Per profile, a block's listed targets, made once for all its indicator rows. Keyed by the cells, not the block:
 * a re-check after an edit gives the block new cells, and so new labels.
 */
const targetsByProfile = oncePerObject((profile: Profile) =>
  oncePerObject((outcomeList: TextCell) => {
    const targets = parseLabeledQuantities(outcomeList.text, profile, "target");
    return { targets, targetKeys: targets.map((t) => labelKey(t.label)) };
  })
);

const indicatorKeyOf = oncePerObject((indicator: TextCell) => ({ key: labelKey(indicator.text) }));

function labelsOf(block: StrategyBlock, profile: Profile): BlockLabels {
  return {
    ...targetsByProfile(profile)(block.outcomeList),
    indicatorKey: indicatorKeyOf(block.indicator).key,
  };
}

function findIndicatorTarget(
  label: string,
  value: Quantity,
  block: StrategyBlock | undefined,
  profile: Profile
): (Quantity & { label: string }) | null {
  if (!block) return null;
  const { targets, targetKeys, indicatorKey } = labelsOf(block, profile);
  const key = labelKey(label);
  const listed: { t: LabeledQuantity; s: number }[] = [];
  targets.forEach((t, i) => {
    if (unitsCompatible(t.quantity.unit, value.unit, profile))
      listed.push({ t, s: keySimilarity(key, targetKeys[i]) });
  });
  listed.sort((a, b) => b.s - a.s);
  const best = listed[0];
  const second = listed.find((x) => x.t.quantity.value !== best?.t.quantity.value);
  if (best && best.s >= 0.5 && (!second || best.s - second.s >= profile.matching.minMargin)) {
    return {
      ...best.t.quantity,
      comparator: best.t.quantity.comparator ?? ">=",
      label: best.t.label,
    };
  }
  if (keySimilarity(key, indicatorKey) >= 0.5) {
    const q = parseQuantities(block.targetValue.text, profile).find((x) =>
      unitsCompatible(x.unit, value.unit, profile)
    );
    if (q) return { ...q, comparator: q.comparator ?? ">=", label: block.indicator.text };
  }
  return null;
}

/** Rule 3: A when the value meets the indicator's target or improved on 前年度, else B. */
export function judgeIndicator(
  row: OutcomeRow,
  block: StrategyBlock | undefined,
  profile: Profile
): IndicatorJudgement {
  const previous = parseQuantity(row.previous.text, profile);
  // Labeled, the actual's quantities are the same list parseQuantities gives, in the same order.
  const labeled = parseLabeledQuantities(row.indicatorActual.text, profile, "actual");
  const quantities = labeled.map((l) => l.quantity);
  const value =
    (previous && quantities.find((q) => unitsCompatible(q.unit, previous.unit, profile))) ??
    quantities[0] ??
    null;
  const previousColumn = row.previous.ref !== null;
  if (!value)
    return new IndicatorJudgement(null, previous, null, null, null, null, previousColumn);
  // The indicator's own label: its text before the value.
  const label = labeled[0]?.label ?? row.indicatorActual.text;
  const target = findIndicatorTarget(label, value, block, profile);
  const met = target ? compare(value.value, target.comparator ?? ">=", target.value) : null;
  const lowerIsBetter = target?.comparator === "<=" || target?.comparator === "<";
  const improved =
    previous && unitsCompatible(previous.unit, value.unit, profile)
      ? lowerIsBetter
        ? value.value < previous.value
        : value.value > previous.value
      : null;
  const expected: IndicatorStatus | null =
    met === true || improved === true ? "A" : met === false && improved === false ? "B" : null;
  return new IndicatorJudgement(value, previous, target, met, improved, expected, previousColumn);
}

export interface ProgressJudgement {
  expected: Progress | null;
  initiatives: Initiative[];
  reason: Bilingual;
}

/** Initiatives by strategy code (the code they are listed under, and their own code's prefix), built once. */
const membersByStrategy = oncePerObject((evaluation: Evaluation) => {
  const index = new Map<string, Initiative[]>();
  for (const i of evaluation.initiatives) {
    for (const key of new Set([i.strategyCode, strategyOfCode(i.code)])) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  }
  return index;
});

function strategyMembers(evaluation: Evaluation, code: string): Initiative[] {
  return membersByStrategy(evaluation).get(code) ?? [];
}

/** Rule 4: a when every initiative of the strategy is recorded ①, else b. */
export function judgeProgress(code: string | null, evaluation: Evaluation): ProgressJudgement {
  if (!code) {
    return {
      expected: null,
      initiatives: [],
      reason: {
        ja: "戦略の番号（【1-1】など）がありません",
        en: "the strategy has no code such as 【1-1】",
      },
    };
  }
  const members = strategyMembers(evaluation, code);
  if (members.length === 0) {
    return {
      expected: null,
      initiatives: [],
      reason: {
        ja: `戦略 ${code} の具体的取組が見つかりません`,
        en: `no initiative of strategy ${code} was found`,
      },
    };
  }
  const recorded = members.map((m) =>
    m.achievement.kind === "valid" ? m.achievement.code.achievement : null
  );
  const notFirst = members.filter((_, i) => recorded[i] === "②" || recorded[i] === "③");
  if (notFirst.length > 0) {
    return {
      expected: "b",
      initiatives: members,
      reason: {
        ja: `①でない取組があります: ${notFirst.map((m) => m.code).join("、")}`,
        en: `not every initiative is ①: ${notFirst.map((m) => m.code).join(", ")}`,
      },
    };
  }
  const unreadable = members.filter((_, i) => recorded[i] === null);
  if (unreadable.length > 0) {
    return {
      expected: null,
      initiatives: members,
      reason: {
        ja: `達成状況が未記入または無効な取組があります: ${unreadable.map((m) => m.code).join("、")}`,
        en: `some initiatives have no valid achievement code: ${unreadable.map((m) => m.code).join(", ")}`,
      },
    };
  }
  return {
    expected: "a",
    initiatives: members,
    reason: {
      ja: `すべての取組が①: ${members.map((m) => m.code).join("、")}`,
      en: `every initiative is ①: ${members.map((m) => m.code).join(", ")}`,
    },
  };
}

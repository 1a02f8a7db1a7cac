import type { Profile } from "./profile";
import { strategyOfCode, type Achievement, type IndicatorStatus, type Progress } from "./codes";
import { parseTargets, parseThresholds, refersToTarget, type Criterion } from "./criteria";
import { matchActual } from "./match";
import { labelSimilarity } from "./labels";
import {
  compare,
  parseLabeledQuantities,
  parseQuantities,
  parseQuantity,
  unitsCompatible,
  type LabeledQuantity,
  type Quantity,
} from "./quantity";
import type { Evaluation, Initiative, OutcomeRow, StrategyBlock } from "./evaluation";

export interface Bilingual {
  ja: string;
  en: string;
}

export interface CriterionCheck {
  criterion: Criterion;
  actual: LabeledQuantity | null;
  /** met/notMet for a target, hit/notHit for a threshold, undecidable when no rule can tell. */
  outcome: "met" | "notMet" | "hit" | "notHit" | "undecidable";
  why: Bilingual;
}

export interface AchievementJudgement {
  expected: Achievement | null;
  checks: CriterionCheck[];
  /** Some withdrawal criterion could not be checked, so ③ can neither be confirmed nor excluded by rule. */
  withdrawalUndecidable: boolean;
  reason: Bilingual;
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
  targets: Criterion[],
  profile: Profile
): CriterionCheck {
  const isTarget = criterion.kind === "target";
  const name = CRITERION_NAME[criterion.kind];
  if (!criterion.quantity || criterion.undecidable) {
    const why =
      criterion.undecidable === "noComparator"
        ? {
            ja: `${name.ja}「${criterion.source}」に以上・以下などの比較の語がなく判定できません`,
            en: `the ${name.en} "${criterion.source}" has no comparator (以上/以下/未満/超), so it cannot be judged`,
          }
        : {
            ja: `${name.ja}「${criterion.source}」は数値で書かれていないため規則では判定できません`,
            en: `the ${name.en} "${criterion.source}" is not numeric and cannot be judged by rule`,
          };
    return { criterion, actual: null, outcome: "undecidable", why };
  }
  let label = criterion.label;
  if (!isTarget && refersToTarget(label)) {
    const sameUnit = targets.find(
      (t) => t.quantity && unitsCompatible(t.quantity.unit, criterion.quantity!.unit, profile)
    );
    if (sameUnit) label = sameUnit.label;
  }
  const match = matchActual(label, criterion.quantity, actuals, profile);
  if (!match.ok) {
    const why =
      match.reason === "noActual"
        ? {
            ja: `${name.ja}「${criterion.source}」に対応する実績（単位「${criterion.quantity.unit || "なし"}」）が取組実績に見つかりません`,
            en: `no actual for the ${name.en} "${criterion.source}" (unit "${criterion.quantity.unit || "none"}") in 取組実績`,
          }
        : {
            ja: `${name.ja}「${criterion.source}」に対応する実績を一つに決められません（候補: ${match.candidates.map((c) => c.quantity.text).join("、")}）`,
            en: `the actual for the ${name.en} "${criterion.source}" is ambiguous (candidates: ${match.candidates.map((c) => c.quantity.text).join(", ")})`,
          };
    return { criterion, actual: null, outcome: "undecidable", why };
  }
  const q = criterion.quantity;
  const ok = compare(match.actual.quantity.value, q.comparator ?? ">=", q.value);
  const outcome = isTarget ? (ok ? "met" : "notMet") : ok ? "hit" : "notHit";
  const a = match.actual.quantity;
  return {
    criterion,
    actual: match.actual,
    outcome,
    why: {
      ja: `${name.ja} ${q.text}（${criterion.label}）に対し実績 ${a.text}: ${VERDICT[outcome].ja}`,
      en: `${name.en} ${q.text} (${criterion.label}) vs actual ${a.text}: ${VERDICT[outcome].en}`,
    },
  };
}

/**
 * Rule 1: ① when every numeric target is met, else ②; ③ when any withdrawal threshold is hit.
 * A target or threshold that cannot be paired with an actual, or is qualitative, makes the rule say so instead of guessing.
 */
export function judgeAchievement(init: Initiative, profile: Profile): AchievementJudgement {
  const targets = parseTargets(init.target.text, profile);
  const thresholds = parseThresholds(init.threshold.text, profile);
  const actuals = parseLabeledQuantities(init.actual.text, profile, "actual");
  const targetChecks = targets.map((t) => checkCriterion(t, actuals, targets, profile));
  const thresholdChecks = thresholds.map((t) => checkCriterion(t, actuals, targets, profile));
  const checks = [...targetChecks, ...thresholdChecks];
  const withdrawalUndecidable = thresholdChecks.some((c) => c.outcome === "undecidable");
  const hit = thresholdChecks.filter((c) => c.outcome === "hit");
  const missed = targetChecks.filter((c) => c.outcome === "notMet");
  const unknown = targetChecks.filter((c) => c.outcome === "undecidable");
  const join = (cs: CriterionCheck[], lang: "ja" | "en") =>
    cs.map((c) => c.why[lang]).join(lang === "ja" ? "／" : "; ");

  if (hit.length > 0) {
    return {
      expected: "③",
      checks,
      withdrawalUndecidable,
      reason: { ja: join(hit, "ja"), en: join(hit, "en") },
    };
  }
  if (missed.length > 0) {
    return {
      expected: "②",
      checks,
      withdrawalUndecidable,
      reason: { ja: join(missed, "ja"), en: join(missed, "en") },
    };
  }
  if (targetChecks.length === 0) {
    return {
      expected: null,
      checks,
      withdrawalUndecidable,
      reason: {
        ja: "業績目標が空欄のため判定できません",
        en: "the target (業績目標) is empty, so nothing can be judged",
      },
    };
  }
  if (unknown.length > 0) {
    return {
      expected: null,
      checks,
      withdrawalUndecidable,
      reason: { ja: join(unknown, "ja"), en: join(unknown, "en") },
    };
  }
  return {
    expected: "①",
    checks,
    withdrawalUndecidable,
    reason: {
      ja: `すべての業績目標を達成: ${join(targetChecks, "ja")}`,
      en: `every target met: ${join(targetChecks, "en")}`,
    },
  };
}

export interface IndicatorJudgement {
  value: Quantity | null;
  previous: Quantity | null;
  target: (Quantity & { label: string }) | null;
  met: boolean | null;
  improved: boolean | null;
  expected: IndicatorStatus | null;
  reason: Bilingual;
}

const targetsByBlock = new WeakMap<StrategyBlock, LabeledQuantity[]>();

/** A block's listed outcome targets, parsed once for all its indicator rows. */
function blockTargets(block: StrategyBlock, profile: Profile): LabeledQuantity[] {
  let targets = targetsByBlock.get(block);
  if (!targets) {
    targets = parseLabeledQuantities(block.outcomeList.text, profile, "target");
    targetsByBlock.set(block, targets);
  }
  return targets;
}

function findIndicatorTarget(
  label: string,
  value: Quantity,
  block: StrategyBlock | undefined,
  profile: Profile
): (Quantity & { label: string }) | null {
  if (!block) return null;
  const listed = blockTargets(block, profile)
    .filter((t) => unitsCompatible(t.quantity.unit, value.unit, profile))
    .map((t) => ({ t, s: labelSimilarity(label, t.label) }))
    .sort((a, b) => b.s - a.s);
  const best = listed[0];
  const second = listed.find((x) => x.t.quantity.value !== best?.t.quantity.value);
  if (best && best.s >= 0.5 && (!second || best.s - second.s >= profile.matching.minMargin)) {
    return {
      ...best.t.quantity,
      comparator: best.t.quantity.comparator ?? ">=",
      label: best.t.label,
    };
  }
  if (labelSimilarity(label, block.indicator.text) >= 0.5) {
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
  if (!value) {
    return {
      value: null,
      previous,
      target: null,
      met: null,
      improved: null,
      expected: null,
      reason: {
        ja: "アウトカム指標の実績に数値が読み取れません",
        en: "no number can be read in the indicator's actual",
      },
    };
  }
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
  const parts = {
    ja: [
      `実績 ${value.text}`,
      target ? `目標 ${target.text}: ${met ? "達成" : "未達成"}` : "目標: 見つかりません",
      previous
        ? `前年度 ${previous.text}: ${improved ? "改善" : improved === false ? "改善なし" : "単位が異なる"}`
        : "前年度: 読み取れません",
    ],
    en: [
      `value ${value.text}`,
      target ? `target ${target.text}: ${met ? "met" : "not met"}` : "target: not found",
      previous
        ? `previous year ${previous.text}: ${improved ? "improved" : improved === false ? "not improved" : "different unit"}`
        : "previous year: unreadable",
    ],
  };
  return {
    value,
    previous,
    target,
    met,
    improved,
    expected,
    reason: { ja: parts.ja.join("、"), en: parts.en.join(", ") },
  };
}

export interface ProgressJudgement {
  expected: Progress | null;
  initiatives: Initiative[];
  reason: Bilingual;
}

const membersIndex = new WeakMap<Evaluation, Map<string, Evaluation["initiatives"]>>();

/** Initiatives by strategy code (the code they are listed under, and their own code's prefix), built once. */
function strategyMembers(evaluation: Evaluation, code: string): Evaluation["initiatives"] {
  let index = membersIndex.get(evaluation);
  if (!index) {
    index = new Map();
    for (const i of evaluation.initiatives) {
      for (const key of new Set([i.strategyCode, strategyOfCode(i.code)])) {
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
      }
    }
    membersIndex.set(evaluation, index);
  }
  return index.get(code) ?? [];
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

import type { Profile } from "./profile";
import { unitsCompatible, type LabeledQuantity, type Quantity } from "./quantity";
import { keySimilarity, labelKey } from "./labels";

export type MatchMethod = "label" | "onlyCandidate" | "sameValue";

export type ActualMatch =
  | { ok: true; actual: LabeledQuantity; similarity: number; method: MatchMethod }
  | { ok: false; reason: "noActual" | "ambiguous"; candidates: LabeledQuantity[] };

/** Each candidate's similarity from the first pass, for the second; reused across calls, never shared between them. */
let similarities = new Float64Array(16);

/**
 * Pairs a target or threshold with the actual that reports on it: among the actuals of a compatible unit,
 * the one whose label is clearly the most similar. Two candidates too close to call is "ambiguous", never a guess.
 */
export function matchActual(
  label: string,
  quantity: Quantity,
  actuals: LabeledQuantity[],
  profile: Profile
): ActualMatch {
  return matchActualByKey(
    labelKey(label),
    quantity,
    actuals,
    actuals.map((a) => labelKey(a.label)),
    profile
  );
}

/**
 * matchActual with the label keys already made: the criterion's, and the actuals' (`actualKeys[i]` is the key of
 * `actuals[i]`). One initiative's actuals are compared with each of its criteria, so their keys are made once.
 */
export function matchActualByKey(
  key: string,
  quantity: Quantity,
  actuals: LabeledQuantity[],
  actualKeys: string[],
  profile: Profile
): ActualMatch {
  // One pass for the best (first among equals, as a stable sort by similarity would put it), one for its rival:
  // the most similar candidate with another value. This runs for every criterion, so nothing is allocated here
  // unless the answer needs it.
  let best: LabeledQuantity | null = null;
  let bestSimilarity = -1;
  let count = 0;
  if (similarities.length < actuals.length) similarities = new Float64Array(actuals.length * 2);
  for (let i = 0; i < actuals.length; i++) {
    const actual = actuals[i];
    // -1 marks an actual of another unit.
    similarities[i] = -1;
    if (!unitsCompatible(quantity.unit, actual.quantity.unit, profile)) continue;
    count++;
    const similarity = keySimilarity(key, actualKeys[i]);
    similarities[i] = similarity;
    if (similarity > bestSimilarity) {
      best = actual;
      bestSimilarity = similarity;
    }
  }
  if (!best) return { ok: false, reason: "noActual", candidates: [] };
  if (count === 1)
    return { ok: true, actual: best, similarity: bestSimilarity, method: "onlyCandidate" };
  let rivalSimilarity = -1;
  for (let i = 0; i < actuals.length; i++) {
    if (similarities[i] < 0 || actuals[i].quantity.value === best.quantity.value) continue;
    rivalSimilarity = Math.max(rivalSimilarity, similarities[i]);
  }
  if (rivalSimilarity < 0)
    return { ok: true, actual: best, similarity: bestSimilarity, method: "sameValue" };
  const { minLabelSimilarity, minMargin } = profile.matching;
  if (bestSimilarity >= minLabelSimilarity && bestSimilarity - rivalSimilarity >= minMargin) {
    return { ok: true, actual: best, similarity: bestSimilarity, method: "label" };
  }
  const candidates = actuals.filter((a) =>
    unitsCompatible(quantity.unit, a.quantity.unit, profile)
  );
  return { ok: false, reason: "ambiguous", candidates };
}

/** matchActual as first written: score every candidate, sort, read the best and its rival off the sorted list. */
import type { Profile } from "../../../src/core/profile";
import { unitsCompatible, type LabeledQuantity, type Quantity } from "../../../src/core/quantity";
import { labelSimilarity } from "../../../src/core/labels";
import type { ActualMatch } from "../../../src/core/match";

export function matchActual(
  label: string,
  quantity: Quantity,
  actuals: LabeledQuantity[],
  profile: Profile
): ActualMatch {
  const candidates = actuals.filter((a) =>
    unitsCompatible(quantity.unit, a.quantity.unit, profile)
  );
  if (candidates.length === 0) return { ok: false, reason: "noActual", candidates: [] };
  const scored = candidates
    .map((actual) => ({ actual, similarity: labelSimilarity(label, actual.label) }))
    .sort((x, y) => y.similarity - x.similarity);
  const best = scored[0];
  if (scored.length === 1) return { ok: true, ...best, method: "onlyCandidate" };
  const rival = scored.find((s) => s.actual.quantity.value !== best.actual.quantity.value);
  if (!rival) return { ok: true, ...best, method: "sameValue" };
  const { minLabelSimilarity, minMargin } = profile.matching;
  if (best.similarity >= minLabelSimilarity && best.similarity - rival.similarity >= minMargin) {
    return { ok: true, ...best, method: "label" };
  }
  return { ok: false, reason: "ambiguous", candidates };
}

import type { Profile } from "./profile";
import { foldWidth, isBlankLike, trimAll } from "./normalize";
import { oncePerObject } from "./memo";
import { cleanLabel, parseLabeledLines, unitsLongestFirst, type Quantity } from "./quantity";

export type CriterionKind = "target" | "threshold";

export interface Criterion {
  kind: CriterionKind;
  label: string;
  /** null: qualitative, so no rule can decide it. */
  quantity: Quantity | null;
  /** The line(s) of the cell it was read from. */
  source: string;
  /** Why the criterion cannot be judged, when it cannot. */
  undecidable?: "qualitative" | "noComparator";
}

const CONDITION = /(?:場合|ければ|あれば|れば|とき|時は)/;

function unitAtEnd(label: string, profile: Profile): string {
  return unitsLongestFirst(profile).find((u) => label.endsWith(u)) ?? "*";
}

const nonePhrases = oncePerObject((profile: Profile) => profile.nonePhrases.map(foldWidth));

/** 業績目標: every quantity is a target; without a comparator it means "at least". */
export function parseTargets(text: string, profile: Profile): Criterion[] {
  if (isBlankLike(text)) return [];
  const { items, lines: textLines } = parseLabeledLines(text, profile, "target");
  if (items.length === 0) {
    return [
      {
        kind: "target",
        label: cleanLabel(text),
        quantity: null,
        source: trimAll(text),
        undecidable: "qualitative",
      },
    ];
  }
  return items.map((item) => ({
    kind: "target",
    label: item.label,
    quantity: { ...item.quantity, comparator: item.quantity.comparator ?? ">=" },
    source: trimAll(textLines[item.line] ?? ""),
  }));
}

/**
 * 撤退基準: each condition under which the initiative is withdrawn. `…がなければ` is a count of 0;
 * a condition without a number (`適切に対応できなかった場合は`) is qualitative.
 */
export function parseThresholds(text: string, profile: Profile): Criterion[] {
  if (isBlankLike(text)) return [];
  const out: Criterion[] = [];
  const { items: quantities, lines: textLines } = parseLabeledLines(text, profile, "target");
  const linesWithQuantity = new Set(quantities.map((q) => q.line));
  for (const item of quantities) {
    out.push({
      kind: "threshold",
      label: item.label,
      quantity: item.quantity,
      source: trimAll(textLines[item.line] ?? ""),
      ...(item.quantity.comparator ? {} : { undecidable: "noComparator" as const }),
    });
  }
  textLines.forEach((line, i) => {
    if (linesWithQuantity.has(i) || isBlankLike(line)) return;
    const none = nonePhrases(profile).find((p) => line.includes(p));
    if (none) {
      const before = line.slice(0, line.indexOf(none));
      const label = cleanLabel(before.slice(before.lastIndexOf("。") + 1));
      out.push({
        kind: "threshold",
        label,
        quantity: {
          value: 0,
          unit: unitAtEnd(label, profile),
          comparator: "<=",
          approximate: false,
          all: false,
          text: "0",
        },
        source: trimAll(line),
      });
    } else if (CONDITION.test(line)) {
      out.push({
        kind: "threshold",
        label: cleanLabel(line),
        quantity: null,
        source: trimAll(line),
        undecidable: "qualitative",
      });
    }
  });
  if (out.length === 0) {
    out.push({
      kind: "threshold",
      label: cleanLabel(text),
      quantity: null,
      source: trimAll(text),
      undecidable: "qualitative",
    });
  }
  return out;
}

/** A threshold written as `左記…` speaks of the target's indicator: its label is the target's. */
export function refersToTarget(label: string): boolean {
  return /^(?:左記|上記|前記|同)/.test(label);
}

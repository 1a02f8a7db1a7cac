import { isBlankLike } from "../normalize";
import type { Evaluation, StrategyBlock } from "../evaluation";
import { oncePerObject } from "../memo";

/**
 * A strategy left out of this year's evaluation: no target (目標値 ―) and nothing filled in its self-evaluation,
 * like 【1-3】 ㋐ 地域資源が活用されやすい仕組みづくり in the seed, whose target was reached the year before.
 */
export function isNotEvaluated(block: StrategyBlock, evaluation: Evaluation): boolean {
  return (
    isBlankLike(block.targetValue.text) &&
    [block.progressCell, block.overallCell, block.effectivenessCell].every((c) =>
      isBlankLike(c.text)
    ) &&
    !blocksWithIndicators(evaluation).has(block)
  );
}

/** The blocks that have indicator rows, found once per evaluation (asked for every block of a city's workbook). */
const blocksWithIndicators = oncePerObject(
  (evaluation: Evaluation) =>
    new Set(evaluation.outcomes.map((o) => evaluation.strategies[o.block]))
);

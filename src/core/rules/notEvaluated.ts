import { isBlankLike } from "../normalize";
import type { Evaluation, StrategyBlock } from "../evaluation";

/**
 * A strategy left out of this year's evaluation: no target (目標値 ―) and nothing filled in its self-evaluation,
 * like 【1-3】 ㋐ 地域資源が活用されやすい仕組みづくり in the seed, whose target was reached the year before.
 */
export function isNotEvaluated(block: StrategyBlock, evaluation: Evaluation): boolean {
  const blockIndex = evaluation.strategies.indexOf(block);
  const hasIndicators = evaluation.outcomes.some((o) => o.block === blockIndex);
  return (
    !hasIndicators &&
    isBlankLike(block.targetValue.text) &&
    [block.progressCell, block.overallCell, block.effectivenessCell].every((c) =>
      isBlankLike(c.text)
    )
  );
}

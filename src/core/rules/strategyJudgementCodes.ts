import type { CodeReading } from "../codes";
import type { TextCell } from "../evaluation";
import {
  makeFinding,
  refOr,
  strategiesOf,
  type Rule,
  type Finding,
  type RuleContext,
} from "./finding";
import { isNotEvaluated } from "./notEvaluated";

/** Rule 5: 全体 A/B and ア/イ are the writer's judgement; only check that they are filled with a valid code. */
export const strategyJudgementCodesRule: Rule = {
  id: "strategy-judgement-codes",
  title: {
    ja: "アウトカム全体 A/B と戦略の有効性 ア/イ の記入",
    en: "overall A/B and strategy effectiveness ア/イ are filled and valid",
  },
  needs: [
    {
      role: "outcome",
      field: "overallStatus",
      cannotDecide: {
        ja: "アウトカムの達成状況（全体）A/B の記入は確かめられません",
        en: "the overall A/B (全体) cannot be checked",
      },
    },
    {
      role: "outcome",
      field: "strategyEffectiveness",
      cannotDecide: {
        ja: "戦略の有効性 ア/イ の記入は確かめられません",
        en: "the strategy effectiveness ア/イ cannot be checked",
      },
    },
  ],
  perRow: true,
  check(ctx: RuleContext) {
    const { evaluation, profile } = ctx;
    const out: Finding[] = [];
    for (const block of strategiesOf(ctx)) {
      if (isNotEvaluated(block, evaluation)) continue;
      const name = block.code ? `【${block.code}】${block.name}` : block.name;
      const check = (
        reading: CodeReading<string>,
        cell: TextCell,
        what: { ja: string; en: string },
        codes: string
      ) => {
        if (!cell.ref) return;
        const at = refOr(cell.ref, block.sheet, block.row);
        if (reading.kind === "blank") {
          out.push(
            makeFinding(profile, this.id, "error", at, {
              ja: `${name}: ${what.ja}が未記入です（${codes}）`,
              en: `${name}: ${what.en} is empty (${codes})`,
            })
          );
        } else if (reading.kind === "invalid") {
          out.push(
            makeFinding(profile, this.id, "error", at, {
              ja: `${name}: ${what.ja}「${reading.text}」は使えない記号です（${codes}）`,
              en: `${name}: ${what.en} "${reading.text}" is not a valid code (${codes})`,
            })
          );
        }
      };
      check(
        block.overall,
        block.overallCell,
        { ja: "アウトカムの達成状況（全体）", en: "overall outcome status (全体)" },
        "A/B"
      );
      check(
        block.effectiveness,
        block.effectivenessCell,
        { ja: "戦略のアウトカムに対する有効性", en: "strategy effectiveness" },
        "ア/イ"
      );
    }
    return out;
  },
};

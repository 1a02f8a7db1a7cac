import type { AchievementJudgement, Bilingual, CriterionCheck } from "./judge";

/** Whether the withdrawal criterion (撤退基準) is met by the actual: rule 1's ③ part, read from its judgement. */
export type WithdrawalVerdict = "hit" | "notHit" | "undecidable";

export const WITHDRAWAL_WORD: Record<WithdrawalVerdict, Bilingual> = {
  hit: { ja: "該当", en: "hit" },
  notHit: { ja: "非該当", en: "not hit" },
  undecidable: { ja: "判定不可", en: "cannot judge" },
};

export interface Withdrawal {
  verdict: WithdrawalVerdict;
  /** The 撤退基準's checks, in the cell's order. */
  checks: CriterionCheck[];
  /** Why, in the words of the checks. */
  explain(lang: keyof Bilingual): string;
}

/**
 * The withdrawal verdict of a judgement: 該当 when any threshold is hit (that is what makes the judgement ③);
 * else 判定不可 when one cannot be checked or there is none; else 非該当.
 */
export function withdrawalOf(judgement: AchievementJudgement): Withdrawal {
  const checks = judgement.checks.filter((c) => c.criterion.kind === "threshold");
  const hit = checks.filter((c) => c.outcome === "hit");
  const undecided = checks.filter((c) => c.outcome === "undecidable");
  const verdict: WithdrawalVerdict =
    hit.length > 0 ? "hit" : checks.length === 0 || undecided.length > 0 ? "undecidable" : "notHit";
  const shown = verdict === "hit" ? hit : verdict === "undecidable" ? undecided : checks;
  return {
    verdict,
    checks,
    explain(lang) {
      if (judgement.noThresholdColumn)
        return lang === "ja"
          ? "このシートには撤退基準の列がないため判定できません"
          : "this sheet has no withdrawal criterion (撤退基準) column, so nothing can be judged";
      if (checks.length === 0)
        return lang === "ja"
          ? "撤退基準が空欄のため判定できません"
          : "the withdrawal criterion (撤退基準) is empty, so nothing can be judged";
      return shown.map((c) => c.explain(lang)).join(lang === "ja" ? "／" : "; ");
    },
  };
}

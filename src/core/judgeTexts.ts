import type { Achievement } from "./codes";
import { judgeAchievement, type AchievementJudgement, type Bilingual } from "./judge";
import type { Profile } from "./profile";
import { WITHDRAWAL_WORD, withdrawalOf, type Withdrawal } from "./withdrawal";

/** The three texts of an initiative that rule 1 reads: 業績目標, 撤退基準 and 取組実績. */
export interface CriteriaTexts {
  target: string;
  threshold: string;
  actual: string;
}

export interface TextsJudgement {
  judgement: AchievementJudgement;
  withdrawal: Withdrawal;
  /**
   * ①/②/③ when the rules decide it, null when they cannot: also when the targets give ① or ② but a withdrawal
   * criterion cannot be checked, as ③ can then be neither confirmed nor excluded.
   */
  achievement: Achievement | null;
}

/** Rule 1 on three texts, as written in the cells of one initiative row. Pure. */
export function judgeTexts(texts: CriteriaTexts, profile: Profile): TextsJudgement {
  const cell = (text: string) => ({ text, ref: null });
  // The three texts stand in no sheet: an empty threshold is an empty criterion, not a missing column.
  const judgement = judgeAchievement(
    { target: cell(texts.target), threshold: cell(texts.threshold), actual: cell(texts.actual) },
    profile,
    true
  );
  const withdrawal = withdrawalOf(judgement);
  const achievement =
    judgement.expected === "③" || !judgement.withdrawalUndecidable ? judgement.expected : null;
  return { judgement, withdrawal, achievement };
}

const UNDECIDED: Bilingual = { ja: "判定不可", en: "cannot judge" };

/**
 * The whole judgement in one line: every target and threshold with the actual it was paired with (the words of the
 * report's reasons), then the results.
 */
export function explainTexts(
  { judgement, withdrawal, achievement }: TextsJudgement,
  lang: keyof Bilingual
): string {
  const ja = lang === "ja";
  const parts = judgement.checks.map((c) => c.explain(lang));
  if (!judgement.checks.some((c) => c.criterion.kind === "target"))
    parts.unshift(judgement.explain(lang));
  if (withdrawal.checks.length === 0) parts.push(withdrawal.explain(lang));
  const code = achievement ?? UNDECIDED[lang];
  const fromTargets =
    achievement === null && judgement.expected !== null
      ? ja
        ? `（業績目標からは ${judgement.expected}、③ に当たるかは判定不可）`
        : ` (the targets give ${judgement.expected}; whether ③ applies cannot be judged)`
      : "";
  const result = ja
    ? `→ 達成状況 ${code}${fromTargets}、撤退基準 ${WITHDRAWAL_WORD[withdrawal.verdict].ja}`
    : `→ achievement ${code}${fromTargets}, withdrawal criterion ${WITHDRAWAL_WORD[withdrawal.verdict].en}`;
  return `${parts.join(ja ? "／" : "; ")} ${result}`;
}

/**
 * Hyoka's custom functions (namespace HYOKA). They run in the task pane's page (a shared runtime) and only read
 * their arguments: nothing here writes to the workbook. custom-functions-metadata-plugin reads the JSDoc below to
 * make functions.json and appends the CustomFunctions.associate calls to this file at build time.
 */
import { defaultProfile } from "../core/profile";
import { explainTexts, judgeTexts, type CriteriaTexts } from "../core/judgeTexts";
import { WITHDRAWAL_WORD } from "../core/withdrawal";
import { officeLanguage } from "./language";

/** Excel's registry of custom functions; the associate calls the build appends to this file use it. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
declare const CustomFunctions: {
  associate(id: string, implementation: (...args: never[]) => unknown): void;
};

const UNDECIDED = { ja: "判定不可", en: "cannot judge" } as const;

/** A cell's value as text: an empty cell comes as null or "", a number as a number. */
function textOf(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

function judge(texts: CriteriaTexts) {
  return judgeTexts(texts, defaultProfile);
}

/**
 * Whether the withdrawal criterion (撤退基準) is hit by the actual: 該当 (hit), 非該当 (not hit) or 判定不可 (cannot judge).
 * @customfunction WITHDRAWAL
 * @param threshold The withdrawal criterion (撤退基準), e.g. "5件以下であれば事業を再構築する".
 * @param actual The actual result (取組実績), e.g. "5件".
 * @returns The verdict, in Office's display language.
 */
export function withdrawal(threshold: any, actual: any): string {
  const { withdrawal: w } = judge({
    target: "",
    threshold: textOf(threshold),
    actual: textOf(actual),
  });
  return WITHDRAWAL_WORD[w.verdict][officeLanguage()];
}

/**
 * The achievement code rule 1 gives: ① every target met, ② a target missed, ③ the withdrawal criterion hit, or 判定不可.
 * @customfunction ACHIEVEMENT
 * @param target The performance target (業績目標), e.g. "区民の数：200人".
 * @param threshold The withdrawal criterion (撤退基準), e.g. "40%未満であれば".
 * @param actual The actual result (取組実績), e.g. "区民の数：2700人".
 * @returns ①, ②, ③ or 判定不可 (cannot judge).
 */
export function achievement(target: any, threshold: any, actual: any): string {
  const j = judge({ target: textOf(target), threshold: textOf(threshold), actual: textOf(actual) });
  return j.achievement ?? UNDECIDED[officeLanguage()];
}

/**
 * Why, in one line: each target and withdrawal criterion with the actual it was paired with, and the result.
 * @customfunction EXPLAIN
 * @param target The performance target (業績目標).
 * @param threshold The withdrawal criterion (撤退基準).
 * @param actual The actual result (取組実績).
 * @returns The reason, in Office's display language.
 */
export function explain(target: any, threshold: any, actual: any): string {
  const j = judge({ target: textOf(target), threshold: textOf(threshold), actual: textOf(actual) });
  return explainTexts(j, officeLanguage());
}

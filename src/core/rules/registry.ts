import type { Rule } from "./finding";
import { achievementCodeRule } from "./achievementCode";
import { achievementRule } from "./achievementRule";
import { withdrawalEffectivenessRule } from "./withdrawalEffectiveness";
import { unmetRemedyRule } from "./unmetRemedy";
import { indicatorStatusRule } from "./indicatorStatus";
import { strategyProgressRule } from "./strategyProgress";
import { strategyJudgementCodesRule } from "./strategyJudgementCodes";
import { duplicateInitiativeRule, sheetStructureRule, unplacedRowsRule } from "./structure";
import {
  emptyEvaluationSheetRule,
  formulaErrorRule,
  strategyWithoutOutcomeRule,
} from "./inputProblems";

/** Every rule, in the order their findings are listed. Adding a rule: one module and one line here. */
export const RULES: Rule[] = [
  sheetStructureRule,
  emptyEvaluationSheetRule,
  unplacedRowsRule,
  duplicateInitiativeRule,
  strategyWithoutOutcomeRule,
  formulaErrorRule,
  achievementCodeRule,
  achievementRule,
  withdrawalEffectivenessRule,
  unmetRemedyRule,
  indicatorStatusRule,
  strategyProgressRule,
  strategyJudgementCodesRule,
];

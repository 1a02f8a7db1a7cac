import type { TextCell } from "../evaluation";
import { isUsableEvaluationSheet } from "../recognize";
import {
  codeLabel,
  initiativesOf,
  makeFinding,
  outcomesOf,
  refOr,
  strategiesOf,
  type Finding,
  type Rule,
} from "./finding";

/** Excel's error values as a cell shows them: a formula that failed, not a value a person wrote. */
const EXCEL_ERROR =
  /^#(?:N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Cells whose formula failed (#N/A, #DIV/0!, #REF!…): what they should say cannot be read or judged. */
export const formulaErrorRule: Rule = {
  id: "formula-errors",
  title: {
    ja: "数式のエラー値（#N/A・#DIV/0!・#REF! など）",
    en: "formula error values (#N/A, #DIV/0!, #REF!…)",
  },
  perRow: true,
  check(ctx) {
    const { profile } = ctx;
    const cells: TextCell[] = [];
    for (const i of initiativesOf(ctx))
      cells.push(
        i.initiative,
        i.target,
        i.threshold,
        i.actual,
        i.achievementCell,
        i.effectivenessCell,
        i.problems,
        i.remedy
      );
    for (const o of outcomesOf(ctx)) cells.push(o.indicatorActual, o.previous, o.status);
    for (const s of strategiesOf(ctx))
      cells.push(
        s.indicator,
        s.targetValue,
        s.outcomeList,
        s.progressCell,
        s.overallCell,
        s.effectivenessCell,
        s.problems,
        s.remedy
      );
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const cell of cells) {
      // Every error value has a #; most cells are long text without one.
      if (!cell.ref || !cell.text.includes("#")) continue;
      const value = cell.text.trim();
      if (!EXCEL_ERROR.test(value)) continue;
      const key = `${cell.ref.sheet}\u0000${cell.ref.row}\u0000${cell.ref.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(
        makeFinding(profile, this.id, "warning", cell.ref, {
          ja: `数式がエラー（${value}）になっています。参照先を直すまで、このセルは読み取りも判定もできません`,
          en: `the formula here fails (${value}); until its references are fixed this cell cannot be read or judged`,
        })
      );
    }
    return out;
  },
};

/** Evaluation sheets with a header and nothing under it: a template not filled in, or rows lost in a copy. */
export const emptyEvaluationSheetRule: Rule = {
  id: "empty-evaluation-sheet",
  title: { ja: "見出しだけの評価シート", en: "evaluation sheets with a header only" },
  check({ evaluation, profile }) {
    return evaluation.sheets
      .filter(isUsableEvaluationSheet)
      .filter((l) =>
        l.role === "initiative"
          ? !evaluation.initiatives.some((i) => i.sheet === l.sheet) &&
            !evaluation.problems.some((p) => p.ref.sheet === l.sheet)
          : !evaluation.strategies.some((s) => s.sheet === l.sheet)
      )
      .map((l) =>
        makeFinding(
          profile,
          this.id,
          "warning",
          { sheet: l.sheet, row: l.headerBottom + 1, col: 0 },
          {
            ja: `見出し（${l.headerBottom + 1}行目まで）の下に${l.role === "initiative" ? "具体的取組" : "戦略"}の行がありません`,
            en: `there are no ${l.role === "initiative" ? "initiative" : "strategy"} rows under the header (which ends in row ${l.headerBottom + 1})`,
          }
        )
      );
  },
};

/** An initiative whose strategy (1-9 of 【1-9-1】) has no block on any outcome sheet: a wrong code or a lost row. */
export const strategyWithoutOutcomeRule: Rule = {
  id: "strategy-without-outcome",
  title: {
    ja: "めざす成果及び戦略に行のない戦略",
    en: "strategies with no row on an outcome sheet",
  },
  check({ evaluation, profile }) {
    const outcomeSheets = evaluation.sheets.filter(
      (l) => l.role === "outcome" && l.missing.length === 0
    );
    if (outcomeSheets.length === 0) return [];
    const known = new Set(
      evaluation.strategies.map((s) => s.code).filter((c): c is string => c !== null)
    );
    const reported = new Set<string>();
    const out: Finding[] = [];
    for (const init of evaluation.initiatives) {
      if (known.has(init.strategyCode) || reported.has(init.strategyCode)) continue;
      reported.add(init.strategyCode);
      out.push(
        makeFinding(profile, this.id, "warning", refOr(init.initiative.ref, init.sheet, init.row), {
          ja: `${codeLabel(init.code)} の戦略【${init.strategyCode}】が「めざす成果及び戦略」のシートにありません（番号の誤りか、戦略の行の欠落）。戦略の進捗 a/b には数えていません`,
          en: `${codeLabel(init.code)}: its strategy 【${init.strategyCode}】 has no row on an outcome sheet (a wrong code or a missing row); it counts toward no strategy's a/b`,
        })
      );
    }
    return out;
  },
};

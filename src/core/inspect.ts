import type { CheckResult, Lang } from "./report";
import type { Initiative, StrategyBlock } from "./evaluation";
import type { CriterionCheck } from "./judge";
import { withdrawalOf } from "./withdrawal";

/** One target or threshold of the selected row, with the actual it was paired with. */
export interface InspectedCheck {
  kind: "target" | "threshold";
  /** The line of the cell it was read from. */
  source: string;
  /** The quantity read (`10社以上`), or null when none could be. */
  read: string | null;
  actual: string | null;
  outcome: CriterionCheck["outcome"];
  why: string;
}

export interface InspectedFinding {
  severity: "error" | "warning" | "info";
  cell: string | null;
  message: string;
}

/** The judgement of the row the selection is in, as the pane shows it. */
export type RowInspection =
  | {
      kind: "initiative";
      sheet: string;
      /** 1-based rows the initiative spans. */
      rows: [number, number];
      code: string;
      title: string;
      checks: InspectedCheck[];
      /** The 業績目標の達成状況 cell as written. */
      recorded: string;
      expected: "①" | "②" | "③" | null;
      reason: string;
      withdrawal: "hit" | "notHit" | "undecidable";
      findings: InspectedFinding[];
    }
  | {
      kind: "outcome";
      sheet: string;
      rows: [number, number];
      strategyCode: string | null;
      indicator: string;
      value: string | null;
      target: string | null;
      previous: string | null;
      recorded: string;
      expected: "A" | "B" | null;
      reason: string;
      findings: InspectedFinding[];
    }
  | {
      kind: "strategy";
      sheet: string;
      rows: [number, number];
      code: string | null;
      name: string;
      recorded: string;
      expected: "a" | "b" | null;
      reason: string;
      findings: InspectedFinding[];
    };

function rowOfCell(cell: string | null): number {
  const m = cell ? /(\d+)$/.exec(cell) : null;
  return m ? Number(m[1]) : -1;
}

function findingsIn(
  result: CheckResult,
  sheet: string,
  rows: [number, number],
  lang: Lang
): InspectedFinding[] {
  return result.findings
    .filter((f) => {
      if (f.sheet !== sheet) return false;
      const r = rowOfCell(f.cell);
      return r >= rows[0] && r <= rows[1];
    })
    .map((f) => ({ severity: f.severity, cell: f.cell, message: f.message[lang] }));
}

function lastAtOrBefore<T>(items: T[], row: number, at: (item: T) => number): T | undefined {
  let found: T | undefined;
  for (const item of items) {
    if (at(item) > row) break;
    found = item;
  }
  return found;
}

function inspectInitiative(
  result: CheckResult,
  init: Initiative,
  last: number,
  lang: Lang
): RowInspection {
  const j = result.judgements.achievement.get(init)!;
  const rows: [number, number] = [init.row + 1, last + 1];
  return {
    kind: "initiative",
    sheet: init.sheet,
    rows,
    code: init.code,
    title: init.title,
    checks: j.checks.map((c) => ({
      kind: c.criterion.kind,
      source: c.criterion.source,
      read: c.criterion.quantity?.text ?? null,
      actual: c.actual?.quantity.text ?? null,
      outcome: c.outcome,
      why: c.explain(lang),
    })),
    recorded: init.achievementCell.text.trim(),
    expected: j.expected,
    reason: j.reason[lang],
    withdrawal: withdrawalOf(j).verdict,
    findings: findingsIn(result, init.sheet, rows, lang),
  };
}

function inspectStrategy(result: CheckResult, block: StrategyBlock, lang: Lang): RowInspection {
  const j = result.judgements.progress.get(block)!;
  const rows: [number, number] = [block.row + 1, block.lastRow + 1];
  return {
    kind: "strategy",
    sheet: block.sheet,
    rows,
    code: block.code,
    name: block.name,
    recorded: block.progressCell.text.trim(),
    expected: j.expected,
    reason: j.reason[lang],
    findings: findingsIn(result, block.sheet, rows, lang),
  };
}

/**
 * The judgement of the initiative, indicator row or strategy block that holds `row` (0-based) of `sheet`, from the
 * check the pane already has: no read of the workbook. Null outside every such row (a header, another sheet).
 */
export function inspectRow(
  result: CheckResult,
  sheet: string,
  row: number,
  lang: Lang
): RowInspection | null {
  const { evaluation } = result;
  const layout = evaluation.sheets.find((l) => l.sheet === sheet);
  if (!layout || row <= layout.headerBottom) return null;
  if (layout.role === "initiative") {
    const mine = evaluation.initiatives.filter((i) => i.sheet === sheet);
    const init = lastAtOrBefore(mine, row, (i) => i.row);
    if (!init) return null;
    const next = mine[mine.indexOf(init) + 1];
    const grid = result.grids[evaluation.sheets.indexOf(layout)];
    const last = next ? next.row - 1 : Math.max(init.row, grid.cells.length - 1);
    if (row > last) return null;
    return inspectInitiative(result, init, last, lang);
  }
  if (layout.role === "outcome") {
    const outcome = evaluation.outcomes.find((o) => o.sheet === sheet && o.row === row);
    if (outcome) {
      const j = result.judgements.indicator.get(outcome)!;
      const rows: [number, number] = [row + 1, row + 1];
      return {
        kind: "outcome",
        sheet,
        rows,
        strategyCode: outcome.strategyCode,
        indicator: outcome.indicatorActual.text.split(/\r?\n/)[0].trim(),
        value: j.value?.text ?? null,
        target: j.target?.text ?? null,
        previous: j.previous?.text ?? null,
        recorded: outcome.status.text.trim(),
        expected: j.expected,
        reason: j.reason[lang],
        findings: findingsIn(result, sheet, rows, lang),
      };
    }
    const block = evaluation.strategies.find(
      (b) => b.sheet === sheet && b.row <= row && row <= b.lastRow
    );
    return block ? inspectStrategy(result, block, lang) : null;
  }
  return null;
}

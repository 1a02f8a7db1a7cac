import type { SheetGrid } from "./grid";
import type { Profile } from "./profile";
import { ruleEnabled } from "./defaultProfile";
import { readAchievement, readSymbol, strategyOfCode } from "./codes";
import type { SheetLayout } from "./recognize";
import {
  readInitiativeRows,
  readOutcomeRows,
  rowSignature,
  type Evaluation,
  type Initiative,
  type OutcomeRow,
  type StrategyBlock,
  type TextCell,
} from "./evaluation";
import { judgeAchievement, judgeIndicator } from "./judge";
import {
  checkWorkbook,
  findingEntry,
  findingOrder,
  initiativeEntry,
  judgeBlockProgress,
  outcomeEntry,
  strategyEntry,
  summaryEntry,
  toJsonReport,
  type CheckResult,
  type JsonReport,
  type Lang,
} from "./report";
import { RULES } from "./rules/registry";
import type { Finding, RuleScope } from "./rules/finding";
import { updateSummary } from "./summary";
import { oncePerObject } from "./memo";

/**
 * The re-check of a few edited rows without judging the whole workbook again: the edited sheet is read again (its
 * rows, not the others'), and when its structure (codes, strategies, group rows, blocks) is unchanged only the
 * initiatives, indicator rows and strategy blocks whose cells changed are judged again, with the strategies they
 * count toward, and only the rules that speak of one row are asked again about them. Any other edit (a header, a
 * code, a new row, another sheet) is judged as a whole, as 検証 would. Either way the result is the full check's.
 */

/** Rows of a sheet as the adapter read them again: displayed texts from column A, 0-based `top`. */
export interface RowsEdit {
  sheet: string;
  top: number;
  rows: string[][];
}

/** What the pane keeps between edits: the workbook's grids as read, and their judgement. */
export interface LiveCheck {
  /** The grids as read (Hyoka's own sheets included), patched by every edit since. */
  workbook: SheetGrid[];
  result: CheckResult;
  profile: Profile;
}

export interface ChangedRows {
  initiatives: Initiative[];
  outcomes: OutcomeRow[];
  strategies: StrategyBlock[];
}

export type Recheck =
  | { how: "unchanged"; live: LiveCheck }
  | {
      how: "rows";
      live: LiveCheck;
      changed: ChangedRows;
      /** The findings of the re-judged rows before and after the edit (the cells whose notes may change). */
      before: Finding[];
      after: Finding[];
    }
  | { how: "full"; live: LiveCheck; previous: CheckResult };

export function startLiveCheck(workbook: SheetGrid[], profile: Profile): LiveCheck {
  const result = checkWorkbook(workbook, profile);
  // Where each row stands, worked out now rather than at the first edit.
  placesOf(result.evaluation);
  return { workbook, result, profile };
}

/** The edited row as the grid holds it: only a merged area's top-left cell has a value, as the adapters read it. */
function rowAsGrid(grid: SheetGrid, row: number, texts: string[], width: number): string[] {
  const out = Array.from({ length: width }, (_, c) => texts[c] ?? "");
  for (const m of grid.merges)
    if (row >= m.top && row <= m.bottom)
      for (let c = m.left; c <= m.right && c < width; c++)
        if (row !== m.top || c !== m.left) out[c] = "";
  return out;
}

function sameRow(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a) return b.every((t) => t === "");
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if ((a[i] ?? "") !== (b[i] ?? "")) return false;
  return true;
}

function sameCell(a: TextCell, b: TextCell): boolean {
  return (
    a.text === b.text &&
    a.ref?.row === b.ref?.row &&
    a.ref?.col === b.ref?.col &&
    (a.ref === null) === (b.ref === null)
  );
}

const INITIATIVE_CELLS = [
  "target",
  "threshold",
  "actual",
  "problems",
  "remedy",
  "achievementCell",
  "effectivenessCell",
] as const;
const BLOCK_CELLS = [
  "indicator",
  "targetValue",
  "outcomeList",
  "progressCell",
  "overallCell",
  "effectivenessCell",
  "problems",
  "remedy",
] as const;
/** A block's cells that its indicator rows are judged against. */
const BLOCK_TARGET_CELLS = ["indicator", "targetValue", "outcomeList"] as const;
const OUTCOME_CELLS = ["indicatorActual", "previous", "status"] as const;

/**
 * Where each row stands in the evaluation, worked out once per evaluation: a re-check of values keeps the evaluation
 * (its rows are updated in place), and so these places.
 */
const placesOf = oncePerObject((evaluation: Evaluation) => {
  const initiativeAt = new Map(evaluation.initiatives.map((x, i) => [x, i]));
  const outcomeAt = new Map(evaluation.outcomes.map((x, i) => [x, i]));
  const strategyAt = new Map(evaluation.strategies.map((x, i) => [x, i]));
  const initiativesBySheet = new Map<string, Initiative[]>();
  for (const i of evaluation.initiatives) {
    const list = initiativesBySheet.get(i.sheet);
    if (list) list.push(i);
    else initiativesBySheet.set(i.sheet, [i]);
  }
  const rowsByBlock = new Map<number, OutcomeRow[]>();
  for (const o of evaluation.outcomes) {
    const list = rowsByBlock.get(o.block);
    if (list) list.push(o);
    else rowsByBlock.set(o.block, [o]);
  }
  return { initiativeAt, outcomeAt, strategyAt, initiativesBySheet, rowsByBlock };
});

/** The items in the evaluation's order. */
function inOrder<T>(items: Iterable<T>, at: Map<T, number>): T[] {
  return [...items].sort((a, b) => at.get(a)! - at.get(b)!);
}

function layoutOf(evaluation: Evaluation, sheet: string): SheetLayout {
  return evaluation.sheets.find((l) => l.sheet === sheet)!;
}

/** The index of the last item (in ascending `at` order) at or before `row`, or -1. */
function lastAtOrBefore<T>(items: T[], row: number, at: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(items[mid]) <= row) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function findingKey(f: Finding): string {
  return `${f.rule}\u0000${f.sheet}\u0000${f.cell}\u0000${f.severity}\u0000${f.message.ja}`;
}

const RULE_INDEX = new Map(RULES.map((r, i) => [r.id, i]));

/** The findings of the scoped rows, from the rules that speak of one row. */
function rowFindings(live: LiveCheck, only: RuleScope): Finding[] {
  const { evaluation, judgements } = live.result;
  const ctx = { evaluation, judgements, profile: live.profile, only };
  return RULES.filter((r) => r.perRow && ruleEnabled(live.profile, r.id)).flatMap((r) =>
    r.check(ctx)
  );
}

/** The sorted findings without `removed` and with `added`, each where a full check would list it. */
function replaceFindings(
  findings: Finding[],
  removed: Finding[],
  added: Finding[],
  grids: SheetGrid[]
): Finding[] {
  const sheets = new Set(removed.map((f) => f.sheet));
  const toRemove = new Map<string, number>();
  for (const f of removed) toRemove.set(findingKey(f), (toRemove.get(findingKey(f)) ?? 0) + 1);
  const out = findings.filter((f) => {
    if (!sheets.has(f.sheet)) return true;
    const key = findingKey(f);
    const n = toRemove.get(key) ?? 0;
    if (n === 0) return true;
    toRemove.set(key, n - 1);
    return false;
  });
  const sheetOrder = new Map(grids.map((g, i) => [g.name, i]));
  const orderOf = (f: Finding) => [...findingOrder(f, sheetOrder), RULE_INDEX.get(f.rule) ?? -1];
  const before = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
  };
  for (const f of added) {
    const key = orderOf(f);
    // After every finding that does not come after it: the full check's stable sort of rules in their order.
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(key, orderOf(out[mid]))) hi = mid;
      else lo = mid + 1;
    }
    out.splice(lo, 0, f);
  }
  return out;
}

function patchedWorkbook(workbook: SheetGrid[], edits: RowsEdit[]): SheetGrid[] {
  const bySheet = new Map<string, RowsEdit[]>();
  for (const e of edits) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  return workbook.map((g) => {
    const mine = bySheet.get(g.name);
    if (!mine) return g;
    const cells = g.cells.map((r) => [...r]);
    for (const e of mine)
      e.rows.forEach((texts, i) => {
        const r = e.top + i;
        while (cells.length <= r) cells.push([]);
        cells[r] = rowAsGrid(g, r, texts, Math.max(texts.length, cells[r].length));
      });
    return { ...g, cells };
  });
}

function fullRecheck(live: LiveCheck, edits: RowsEdit[]): Recheck {
  const workbook = patchedWorkbook(live.workbook, edits);
  return {
    how: "full",
    live: startLiveCheck(workbook, live.profile),
    previous: live.result,
  };
}

interface SheetPatch {
  grid: SheetGrid;
  /** The same sheet in the judged grids, when it is another object (Hyoka's summary cells blanked there). */
  judged: SheetGrid | null;
  rows: Map<number, string[]>;
}

/**
 * The live check after some rows were edited: re-judges the rows whose cells changed (and the strategies they count
 * toward) when the edit leaves every sheet's structure as it was; otherwise judges the whole workbook again.
 */
export function recheckRows(live: LiveCheck, edits: RowsEdit[]): Recheck {
  const { result, profile } = live;
  const { evaluation } = result;
  const patches = new Map<string, SheetPatch>();
  for (const edit of edits) {
    const grid = live.workbook.find((g) => g.name === edit.sheet);
    if (!grid) return fullRecheck(live, edits);
    const at = evaluation.sheets.findIndex((l) => l.sheet === edit.sheet);
    const layout = evaluation.sheets[at];
    const judged = at >= 0 ? result.grids[at] : null;
    const cols = grid.cells[0]?.length ?? 0;
    for (let i = 0; i < edit.rows.length; i++) {
      const r = edit.top + i;
      const texts = edit.rows[i];
      const old = grid.cells[r];
      if (sameRow(old, r < grid.cells.length ? rowAsGrid(grid, r, texts, texts.length) : texts))
        continue;
      // A sheet Hyoka does not judge (its own, a summary, an unrecognized one): only recognition can say what the
      // edit made of it. A header, a row past the sheet's last, or a cell past its last column: the same.
      const evaluated =
        layout &&
        (layout.role === "initiative" || layout.role === "outcome") &&
        layout.missing.length === 0;
      const wider = texts.slice(cols).some((t) => t !== "");
      if (!evaluated || r <= layout.headerBottom || r >= grid.cells.length || wider)
        return fullRecheck(live, edits);
      const patch = patches.get(edit.sheet) ?? {
        grid,
        judged: judged && judged !== grid ? judged : null,
        rows: new Map(),
      };
      patch.rows.set(r, rowAsGrid(grid, r, texts, cols));
      patches.set(edit.sheet, patch);
    }
  }
  if (patches.size === 0) return { how: "unchanged", live };

  // Each edited row's structure (blank, group row, codes, names) before and after: the same, or judge it all again.
  const signature = (sheet: string, patch: SheetPatch, r: number) =>
    rowSignature(patch.judged ?? patch.grid, layoutOf(evaluation, sheet), profile, r);
  const before = new Map(
    [...patches].map(([sheet, patch]) => [
      sheet,
      [...patch.rows.keys()].map((r) => signature(sheet, patch, r)),
    ])
  );
  for (const patch of patches.values())
    for (const [r, row] of patch.rows) {
      patch.grid.cells[r] = row;
      if (patch.judged) patch.judged.cells[r] = row;
    }
  for (const [sheet, patch] of patches)
    if ([...patch.rows.keys()].some((r, i) => signature(sheet, patch, r) !== before.get(sheet)![i]))
      return fullAfterPatch(live, patches);

  // Values only: the initiatives and blocks the rows belong to, read again from the rows they span.
  const changedInits = new Set<Initiative>();
  const changedBlocks = new Set<StrategyBlock>();
  const changedRows = new Set<OutcomeRow>();
  const updates: (() => void)[] = [];
  for (const [sheet, patch] of patches) {
    const layout = layoutOf(evaluation, sheet);
    const grid = patch.judged ?? patch.grid;
    const fresh = (): Evaluation => ({
      sheets: [layout],
      initiatives: [],
      outcomes: [],
      strategies: [],
      issueNames: {},
      problems: [],
    });
    if (layout.role === "initiative") {
      const mine = placesOf(evaluation).initiativesBySheet.get(sheet) ?? [];
      const owners = new Set<number>();
      for (const r of patch.rows.keys()) {
        const k = lastAtOrBefore(mine, r, (i) => i.row);
        if (k >= 0) owners.add(k);
      }
      for (const k of owners) {
        const target = mine[k];
        const out = fresh();
        readInitiativeRows(grid, layout, profile, out, target.row, mine[k + 1]?.row ?? Infinity, {
          issueNo: target.issueNo,
          columnStrategy: target.strategyCode,
          current: null,
        });
        const next = out.initiatives[0];
        if (!next || next.code !== target.code || next.strategyCode !== target.strategyCode)
          return fullAfterPatch(live, patches);
        next.achievement = readAchievement(profile, next.achievementCell.text);
        next.effectiveness = readSymbol(profile.codes.effectiveness, next.effectivenessCell.text);
        if (INITIATIVE_CELLS.every((c) => sameCell(target[c], next[c]))) continue;
        changedInits.add(target);
        updates.push(() => {
          for (const c of INITIATIVE_CELLS) target[c] = next[c];
          target.achievement = next.achievement;
          target.effectiveness = next.effectiveness;
        });
      }
    } else {
      const base = evaluation.strategies.findIndex((s) => s.sheet === sheet);
      let count = 0;
      while (evaluation.strategies[base + count]?.sheet === sheet) count++;
      const blocks = evaluation.strategies.slice(base, base + count);
      const owners = new Set<number>();
      for (const r of patch.rows.keys()) {
        const k = lastAtOrBefore(blocks, r, (b) => b.row);
        if (k >= 0 && r <= blocks[k].lastRow) owners.add(k);
      }
      for (const k of owners) {
        const target = blocks[k];
        const out = fresh();
        readOutcomeRows(grid, layout, profile, out, target.row, target.lastRow + 1, {
          groupStrategy: target.code ?? undefined,
          groupIssue: target.issueNo ?? undefined,
        });
        const next = out.strategies[0];
        const rows = placesOf(evaluation).rowsByBlock.get(base + k) ?? [];
        if (
          !next ||
          out.strategies.length !== 1 ||
          next.code !== target.code ||
          next.lastRow !== target.lastRow ||
          out.outcomes.length !== rows.length
        )
          return fullAfterPatch(live, patches);
        if (BLOCK_CELLS.some((c) => !sameCell(target[c], next[c]))) {
          changedBlocks.add(target);
          if (BLOCK_TARGET_CELLS.some((c) => !sameCell(target[c], next[c])))
            for (const o of rows) changedRows.add(o);
          updates.push(() => {
            for (const c of BLOCK_CELLS) target[c] = next[c];
            target.progress = next.progress;
            target.overall = next.overall;
            target.effectiveness = next.effectiveness;
          });
        }
        out.outcomes.forEach((nextRow, i) => {
          const row = rows[i];
          if (OUTCOME_CELLS.every((c) => sameCell(row[c], nextRow[c]))) return;
          changedRows.add(row);
          updates.push(() => {
            for (const c of OUTCOME_CELLS) row[c] = nextRow[c];
            row.recorded = nextRow.recorded;
          });
        });
      }
    }
  }

  // The strategies the changed initiatives count toward (rule 4), and the changed blocks themselves.
  const codes = new Set<string>();
  for (const i of changedInits) {
    codes.add(i.strategyCode);
    codes.add(strategyOfCode(i.code));
  }
  const places = placesOf(evaluation);
  const blocks = new Set(changedBlocks);
  for (const s of evaluation.strategies) if (s.code !== null && codes.has(s.code)) blocks.add(s);
  const scope: RuleScope = {
    initiatives: new Set(inOrder(changedInits, places.initiativeAt)),
    outcomes: new Set(inOrder(changedRows, places.outcomeAt)),
    strategies: new Set(inOrder(blocks, places.strategyAt)),
  };
  const findingsBefore = rowFindings(live, scope);
  const recordedBefore = new Map(
    [...scope.initiatives].map((i) => [
      i,
      i.achievement.kind === "valid" ? i.achievement.code.achievement : null,
    ])
  );
  for (const update of updates) update();
  const { judgements } = result;
  for (const i of scope.initiatives) judgements.achievement.set(i, judgeAchievement(i, profile));
  for (const o of scope.outcomes)
    judgements.indicator.set(o, judgeIndicator(o, evaluation.strategies[o.block], profile));
  for (const s of scope.strategies) judgements.progress.set(s, judgeBlockProgress(s, evaluation));
  const findingsAfter = rowFindings(live, scope);
  const next: CheckResult = {
    ...result,
    findings: replaceFindings(result.findings, findingsBefore, findingsAfter, result.grids),
    summary: updateSummary(
      result.summary,
      evaluation,
      judgements.achievement,
      profile,
      recordedBefore
    ),
  };
  return {
    how: "rows",
    live: { ...live, result: next },
    changed: {
      initiatives: [...scope.initiatives],
      outcomes: [...scope.outcomes],
      strategies: [...scope.strategies],
    },
    before: findingsBefore,
    after: findingsAfter,
  };
}

/** The rows are already in the grids: the whole workbook judged again, on grids of its own. */
function fullAfterPatch(live: LiveCheck, patches: Map<string, SheetPatch>): Recheck {
  const workbook = live.workbook.map((g) =>
    patches.has(g.name) ? { ...g, cells: g.cells.map((r) => [...r]) } : g
  );
  return {
    how: "full",
    live: startLiveCheck(workbook, live.profile),
    previous: live.result,
  };
}

/** Each finding's report entry, made once per language: a re-check keeps most findings as they were. */
const entries = {
  ja: oncePerObject((f: Finding) => findingEntry(f, "ja")),
  en: oncePerObject((f: Finding) => findingEntry(f, "en")),
};
const entryOf = (lang: Lang) => entries[lang];

/** The report after a re-check: only the re-judged rows' entries, the findings and the summary are made again. */
export function recheckedReport(report: JsonReport, recheck: Recheck, lang: Lang): JsonReport {
  if (recheck.how === "unchanged") return report;
  const { result, profile } = recheck.live;
  if (recheck.how === "full") return toJsonReport(result, profile, lang, report.file);
  const { evaluation, judgements } = result;
  const places = placesOf(evaluation);
  const initiatives = [...report.initiatives];
  for (const i of recheck.changed.initiatives)
    initiatives[places.initiativeAt.get(i)!] = initiativeEntry(
      i,
      judgements.achievement.get(i)!,
      lang
    );
  const outcomes = [...report.outcomes];
  for (const o of recheck.changed.outcomes)
    outcomes[places.outcomeAt.get(o)!] = outcomeEntry(o, judgements.indicator.get(o)!, lang);
  const strategies = [...report.strategies];
  for (const s of recheck.changed.strategies)
    strategies[places.strategyAt.get(s)!] = strategyEntry(s, judgements.progress.get(s)!, lang);
  return {
    ...report,
    initiatives,
    outcomes,
    strategies,
    findings: result.findings.map((f) => entryOf(lang)(f)),
    summary: summaryEntry(result.summary),
  };
}

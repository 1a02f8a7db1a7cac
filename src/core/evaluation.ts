import { filledGrid, type FilledGrid, type SheetGrid } from "./grid";
import type { Profile } from "./profile";
import type { SheetLayout } from "./recognize";
import {
  findStrategyCode,
  isRelisted,
  issueOfCode,
  strategyOfCode,
  readAchievement,
  readGroupRow,
  readInitiativeCode,
  readSymbol,
  type AchievementCode,
  type CodeReading,
  type Effectiveness,
  type IndicatorStatus,
  type Progress,
  type StrategyEffectiveness,
} from "./codes";
import { foldDashes, foldWidth, isBlankLike, lineEnd, trimAll } from "./normalize";
import { splitInlineStatus } from "./inlineStatus";

/** A cell of the workbook, 0-based. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export interface TextCell {
  text: string;
  /** Where it is; null when the sheet has no such column. */
  ref: CellRef | null;
}

export interface Initiative {
  code: string;
  title: string;
  sheet: string;
  row: number;
  /** Strategy it is listed under (a 再掲 row may stand under another strategy than its code says). */
  strategyCode: string;
  issueNo: number;
  relisted: boolean;
  initiative: TextCell;
  target: TextCell;
  threshold: TextCell;
  actual: TextCell;
  problems: TextCell;
  remedy: TextCell;
  achievementCell: TextCell;
  effectivenessCell: TextCell;
  achievement: CodeReading<AchievementCode>;
  effectiveness: CodeReading<Effectiveness>;
}

export interface OutcomeRow {
  sheet: string;
  row: number;
  strategyCode: string | null;
  /** Index into Evaluation.strategies of the block the row belongs to. */
  block: number;
  indicatorActual: TextCell;
  previous: TextCell;
  status: TextCell;
  /** The status is written at the end of the actual's text (R5 style), not in a column of its own. */
  statusInline: boolean;
  recorded: CodeReading<IndicatorStatus>;
}

/** One strategy block of an outcome sheet (rows sharing the strategy's merged cells). */
export interface StrategyBlock {
  sheet: string;
  row: number;
  lastRow: number;
  code: string | null;
  name: string;
  issueNo: number | null;
  issueName: string;
  indicator: TextCell;
  targetValue: TextCell;
  outcomeList: TextCell;
  progressCell: TextCell;
  overallCell: TextCell;
  effectivenessCell: TextCell;
  problems: TextCell;
  remedy: TextCell;
  progress: CodeReading<Progress>;
  overall: CodeReading<IndicatorStatus>;
  effectiveness: CodeReading<StrategyEffectiveness>;
}

/** Something read that cannot be placed: it becomes a finding, never a silent skip. */
export interface ReadProblem {
  kind: "initiativeWithoutCode" | "strategyWithoutCode";
  ref: CellRef;
  text: string;
}

export interface Evaluation {
  sheets: SheetLayout[];
  initiatives: Initiative[];
  outcomes: OutcomeRow[];
  strategies: StrategyBlock[];
  issueNames: Record<number, string>;
  problems: ReadProblem[];
}

function textCell(
  filled: FilledGrid,
  sheet: string,
  row: number,
  col: number | undefined
): TextCell {
  if (col === undefined) return { text: "", ref: null };
  const m = filled.mergeAt(row, col);
  const top = m ? m.top : row;
  const left = m ? m.left : col;
  return { text: filled.raw(top, left), ref: { sheet, row: top, col: left } };
}

function appendText(cell: TextCell, extra: string): TextCell {
  if (isBlankLike(extra)) return cell;
  return { ...cell, text: cell.text ? `${cell.text}\n${extra}` : extra };
}

/** First line after the code, cut at the first 。, without a budget note or the bracket a code left open: the title. */
export function initiativeTitle(rest: string, notes: readonly string[] = ["予算額", "予算"]): string {
  // Lines are cut one at a time: the title is on the first that is not empty, and the text below can be long.
  const text = trimAll(rest);
  let line = "";
  for (let start = 0; ;) {
    const end = lineEnd(text, start);
    line = trimAll(text.slice(start, end).replace(/^[＜<]?再掲[＞>]?/, ""));
    if (line !== "" || end === text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  const stop = line.indexOf("。");
  return cleanTitle(stop > 0 ? line.slice(0, stop) : line, notes);
}

const OPENERS = "【[［(（〔";
const CLOSERS = "】]］)）〕";
const BRACKETS = /[【[［(（〔】\]］)）〕]/g;

/** `地域福祉の推進 ［予算額 263千円］` → `地域福祉の推進` (a note only in brackets); `地域福祉の推進】` (the code's bracket closing here) → `地域福祉の推進`. */
export function cleanTitle(title: string, notes: readonly string[]): string {
  let out = title;
  for (const note of notes) {
    // Only a bracketed note: a title may well speak of 予算 itself.
    let at = out.indexOf(note, 1);
    while (at > 0 && !OPENERS.includes(out[at - 1])) at = out.indexOf(note, at + 1);
    if (at < 0) continue;
    let close = out.length;
    for (let i = at; i < out.length; i++)
      if (CLOSERS.includes(out[i])) {
        close = i + 1;
        break;
      }
    out = out.slice(0, at - 1) + out.slice(close);
  }
  // A closing bracket with no opening one before it closes the code's bracket: 【1-1-1 title】.
  // Only the brackets are visited: every title of a city's workbook passes here.
  let depth = 0;
  BRACKETS.lastIndex = 0;
  for (let m = BRACKETS.exec(out); m; m = BRACKETS.exec(out)) {
    if (OPENERS.includes(m[0])) depth++;
    else if (depth === 0) {
      out = out.slice(0, m.index) + out.slice(m.index + 1);
      break;
    } else depth--;
  }
  return trimAll(out);
}

/** `【戦略1-3 地域資源の循環】` or `【1-3】地域資源の循環` → `地域資源の循環`; a name with no code at its start as it is. */
function nameWithoutCode(text: string, prefixes: readonly string[]): string {
  const code = findStrategyCode(text, prefixes);
  if (!code || !/^[【[〔［]/.test(text)) return text;
  const digits = foldWidth(text).search(/\d/);
  const afterCode = foldDashes(foldWidth(text)).slice(digits).match(/^\d{1,2}\s*-\s*\d{1,2}/);
  if (!afterCode) return text;
  const rest = text.slice(digits + afterCode[0].length).replace(/^\s*[】\]〕］]/, "");
  return cleanTitle(rest, []) || text;
}

/**
 * What a row says about the sheet's structure, as the readers see it: blank or not, a group row or not, its code and
 * the cells that name its initiative or strategy. A row whose signature an edit leaves alone changed only values.
 */
export function rowSignature(grid: SheetGrid, layout: SheetLayout, profile: Profile, row: number): string {
  const filled = filledGrid(grid);
  const col = layout.columns;
  const at = (c: number | undefined) =>
    c === undefined ? "" : `${filled.isCovered(row, c) ? "covered:" : ""}${filled.value(row, c)}`;
  // The cells that start a block (as readOutcomeRows tells one), the issue's name, an initiative's code and name.
  const named = [col.strategyName, col.desiredState].filter((c) => c !== undefined);
  const structural =
    layout.role === "initiative"
      ? [col.code, col.initiative, col.strategy]
      : [...(named.length > 0 ? named : [col.progress]), col.issue];
  const parts = [
    rowIsBlank(filled, row) ? "blank" : "",
    JSON.stringify(groupRowOf(filled, row)),
    ...structural.map(at),
  ];
  if (layout.role === "outcome")
    parts.push(col.indicatorActual === undefined || isBlankLike(filled.raw(row, col.indicatorActual)) ? "no actual" : "");
  return JSON.stringify(parts);
}

function rowIsBlank(filled: FilledGrid, row: number): boolean {
  for (let c = 0; c < filled.cols; c++) if (!isBlankLike(filled.raw(row, c))) return false;
  return true;
}

function groupRowOf(
  filled: FilledGrid,
  row: number
): { issueNo?: number; strategyCode?: string; name?: string } | null {
  for (let c = 0; c < filled.cols; c++) {
    const text = filled.raw(row, c);
    const g = readGroupRow(text);
    if (g) {
      const name = trimAll(foldWidth(text).replace(/^[^:：\s]*[:：\s]+/, ""));
      return { ...g, name };
    }
  }
  return null;
}

/** Where the reading of an initiative sheet stands before a row: what the rows above it said. */
export interface InitiativeReading {
  issueNo?: number;
  groupStrategy?: string;
  columnStrategy?: string;
  current: Initiative | null;
}

function readInitiativeSheet(
  grid: SheetGrid,
  layout: SheetLayout,
  profile: Profile,
  out: Evaluation
): void {
  readInitiativeRows(grid, layout, profile, out, layout.headerBottom + 1, Infinity, { current: null });
}

/**
 * Rows from..to (exclusive) of an initiative sheet, from the reading state the rows above left. The whole sheet is
 * read from its header down; a re-check reads one initiative's rows again, from the state its own row began with.
 */
export function readInitiativeRows(
  grid: SheetGrid,
  layout: SheetLayout,
  profile: Profile,
  out: Evaluation,
  from: number,
  to: number,
  state: InitiativeReading
): void {
  const filled = filledGrid(grid);
  const col = layout.columns;
  const sheet = grid.name;
  let { issueNo, groupStrategy, columnStrategy, current } = state;

  for (let r = from; r < filled.rows && r < to; r++) {
    if (rowIsBlank(filled, r)) continue;
    const codeSource = col.code !== undefined ? filled.value(r, col.code) : "";
    const initiativeText = col.initiative !== undefined ? filled.value(r, col.initiative) : "";
    const codeCellCovered =
      (col.code !== undefined && filled.isCovered(r, col.code)) ||
      (col.code === undefined &&
        col.initiative !== undefined &&
        filled.isCovered(r, col.initiative));
    // The initiative column's code gives the code when the code column has none, and cuts the title off.
    const prefixes = profile.codes.initiativePrefixes;
    const inInitiative = codeCellCovered ? null : readInitiativeCode(initiativeText, prefixes);
    const parsed = codeCellCovered
      ? null
      : (readInitiativeCode(codeSource, prefixes) ?? inInitiative);

    if (parsed) {
      const own = strategyOfCode(parsed.code);
      const strategyText = col.strategy !== undefined ? filled.value(r, col.strategy) : "";
      // A strategy written on its first row only holds for the rows below it until the next one.
      if (!isBlankLike(strategyText))
        columnStrategy = findStrategyCode(strategyText, profile.codes.strategyPrefixes) ?? undefined;
      const listed = columnStrategy ?? groupStrategy ?? own;
      const relisted = isRelisted(profile, initiativeText) || isRelisted(profile, codeSource);
      const titleSource = inInitiative?.rest ?? initiativeText;
      current = {
        code: parsed.code,
        title: initiativeTitle(titleSource, profile.codes.titleNotes),
        sheet,
        row: r,
        strategyCode: listed,
        issueNo: issueOfCode(listed) || issueNo || issueOfCode(parsed.code),
        relisted,
        initiative: textCell(filled, sheet, r, col.initiative),
        target: textCell(filled, sheet, r, col.target),
        threshold: textCell(filled, sheet, r, col.threshold),
        actual: textCell(filled, sheet, r, col.actual),
        problems: textCell(filled, sheet, r, col.problems),
        remedy: textCell(filled, sheet, r, col.remedy),
        achievementCell: textCell(filled, sheet, r, col.achievement),
        effectivenessCell: textCell(filled, sheet, r, col.effectiveness),
        achievement: { kind: "blank" },
        effectiveness: { kind: "blank" },
      };
      out.initiatives.push(current);
      continue;
    }

    const group = groupRowOf(filled, r);
    if (group && !codeCellCovered) {
      if (group.issueNo !== undefined) issueNo = group.issueNo;
      groupStrategy = group.strategyCode;
      columnStrategy = undefined;
      if (group.issueNo !== undefined && group.name && !group.strategyCode)
        out.issueNames[group.issueNo] ??= group.name;
      current = null;
      continue;
    }

    if (
      current &&
      (codeCellCovered || isBlankLike(initiativeText) || filled.isCovered(r, col.initiative ?? -1))
    ) {
      // A continuation row of the initiative above: its texts extend the initiative's cells.
      for (const key of ["target", "threshold", "actual", "problems", "remedy"] as const) {
        const c = col[key];
        if (c !== undefined && !filled.isCovered(r, c))
          current[key] = appendText(current[key], filled.raw(r, c));
      }
      for (const key of ["achievementCell", "effectivenessCell"] as const) {
        const field = key === "achievementCell" ? "achievement" : "effectiveness";
        const c = col[field];
        if (
          c !== undefined &&
          isBlankLike(current[key].text) &&
          !filled.isCovered(r, c) &&
          !isBlankLike(filled.raw(r, c))
        ) {
          current[key] = textCell(filled, sheet, r, c);
        }
      }
      continue;
    }

    if (!isBlankLike(initiativeText) && col.initiative !== undefined) {
      out.problems.push({
        kind: "initiativeWithoutCode",
        ref: { sheet, row: r, col: col.initiative },
        text: initiativeText,
      });
    }
  }
}

function readOutcomeSheet(
  grid: SheetGrid,
  layout: SheetLayout,
  profile: Profile,
  out: Evaluation
): void {
  readOutcomeRows(grid, layout, profile, out, layout.headerBottom + 1, Infinity, {});
}

/** Where the reading of an outcome sheet stands before a row: the group row above it, if any. */
export interface OutcomeReading {
  groupStrategy?: string;
  groupIssue?: number;
}

/**
 * Rows from..to (exclusive) of an outcome sheet. Read from a block's first row with the group row's state it began
 * with, they give that block again: a re-check reads the blocks an edit touched and no others.
 */
export function readOutcomeRows(
  grid: SheetGrid,
  layout: SheetLayout,
  profile: Profile,
  out: Evaluation,
  from: number,
  to: number,
  state: OutcomeReading
): void {
  const filled = filledGrid(grid);
  const col = layout.columns;
  const sheet = grid.name;
  // A strategy is named by its 戦略名 and めざす状態: merged over its rows, repeated on each, or on its first only.
  const named = [col.strategyName, col.desiredState].filter((c): c is number => c !== undefined);
  const blockCols = named.length > 0 ? named : [col.progress].filter((c): c is number => c !== undefined);
  let block = -1;
  let blockKey = "";
  let { groupStrategy, groupIssue } = state;
  const strategyPrefixes = profile.codes.strategyPrefixes;
  const inline = layout.inline.individualStatus;
  const separators = profile.inlineStatus.find((s) => s.field === "individualStatus")?.separators ?? [];

  const keyOf = (r: number) =>
    blockCols.map((c) => (filled.isCovered(r, c) ? "" : trimAll(filled.raw(r, c)))).join("\u0000");
  const startsBlock = (r: number) =>
    blockCols.some((c) => !filled.isCovered(r, c) && !isBlankLike(filled.raw(r, c))) &&
    (block < 0 || keyOf(r) !== blockKey);

  for (let r = from; r < filled.rows && r < to; r++) {
    if (rowIsBlank(filled, r)) continue;
    const group = groupRowOf(filled, r);
    if (
      group &&
      !startsBlock(r) &&
      (col.indicatorActual === undefined || isBlankLike(filled.value(r, col.indicatorActual)))
    ) {
      if (group.issueNo !== undefined) groupIssue = group.issueNo;
      groupStrategy = group.strategyCode;
      if (group.issueNo !== undefined && group.name && !group.strategyCode)
        out.issueNames[group.issueNo] ??= group.name;
      continue;
    }
    if (startsBlock(r) || block < 0) {
      blockKey = keyOf(r);
      const desired = col.desiredState !== undefined ? filled.value(r, col.desiredState) : "";
      const written = col.strategyName !== undefined ? trimAll(filled.value(r, col.strategyName)) : "";
      const code =
        findStrategyCode(desired, strategyPrefixes) ??
        findStrategyCode(written, strategyPrefixes) ??
        groupStrategy ??
        null;
      // The name without the code it may start with (【戦略1-3 地域資源…): messages put the code before it.
      const name = nameWithoutCode(written, strategyPrefixes);
      const issueNo = code ? issueOfCode(code) : (groupIssue ?? null);
      const issueName = col.issue !== undefined ? trimAll(filled.value(r, col.issue)) : "";
      if (issueNo !== null && issueName) out.issueNames[issueNo] ??= issueName;
      const progressCell = textCell(filled, sheet, r, col.progress);
      const overallCell = textCell(filled, sheet, r, col.overallStatus);
      const effectivenessCell = textCell(filled, sheet, r, col.strategyEffectiveness);
      out.strategies.push({
        sheet,
        row: r,
        lastRow: r,
        code,
        name,
        issueNo,
        issueName,
        indicator: textCell(filled, sheet, r, col.indicator),
        targetValue: textCell(filled, sheet, r, col.targetValue),
        outcomeList: textCell(filled, sheet, r, col.outcomeList),
        progressCell,
        overallCell,
        effectivenessCell,
        problems: textCell(filled, sheet, r, col.problems),
        remedy: textCell(filled, sheet, r, col.remedy),
        progress: readSymbol(profile.codes.progress, progressCell.text),
        overall: readSymbol(profile.codes.indicatorStatus, overallCell.text),
        effectiveness: readSymbol(profile.codes.strategyEffectiveness, effectivenessCell.text),
      });
      block = out.strategies.length - 1;
      if (!code)
        out.problems.push({
          kind: "strategyWithoutCode",
          ref: { sheet, row: r, col: col.desiredState ?? col.strategyName ?? 0 },
          text: desired || name,
        });
    }
    out.strategies[block].lastRow = r;
    const actualCol = col.indicatorActual;
    if (
      actualCol === undefined ||
      filled.isCovered(r, actualCol) ||
      isBlankLike(filled.raw(r, actualCol))
    )
      continue;
    const actual = textCell(filled, sheet, r, actualCol);
    const split = inline !== undefined ? splitInlineStatus(actual.text, separators) : null;
    const status = split ? { text: split.status, ref: actual.ref } : textCell(filled, sheet, r, col.individualStatus);
    out.outcomes.push({
      sheet,
      row: r,
      strategyCode: out.strategies[block].code,
      block,
      indicatorActual: split ? { ...actual, text: split.text } : actual,
      previous: textCell(filled, sheet, r, col.previous),
      status,
      statusInline: split !== null || inline !== undefined,
      recorded: readSymbol(profile.codes.indicatorStatus, status.text),
    });
  }
}

/** A code repeated on another sheet or under another strategy is a 再掲 listing even without the mark. */
function markRepeatsAsRelisted(initiatives: Initiative[]): void {
  const first = new Map<string, Initiative>();
  for (const init of initiatives) {
    const earlier = first.get(init.code);
    if (!earlier) first.set(init.code, init);
    else if (earlier.sheet !== init.sheet || earlier.strategyCode !== init.strategyCode)
      init.relisted = true;
  }
}

/** Reads every recognized sheet into one evaluation: grids and layouts in, plain data with cell references out. */
export function readEvaluation(
  grids: SheetGrid[],
  layouts: SheetLayout[],
  profile: Profile
): Evaluation {
  const out: Evaluation = {
    sheets: layouts,
    initiatives: [],
    outcomes: [],
    strategies: [],
    issueNames: {},
    problems: [],
  };
  grids.forEach((grid, i) => {
    const layout = layouts[i];
    if (layout.missing.length > 0) return;
    if (layout.role === "initiative") readInitiativeSheet(grid, layout, profile, out);
    if (layout.role === "outcome") readOutcomeSheet(grid, layout, profile, out);
  });
  markRepeatsAsRelisted(out.initiatives);
  for (const init of out.initiatives) {
    init.achievement = readAchievement(profile, init.achievementCell.text);
    init.effectiveness = readSymbol(profile.codes.effectiveness, init.effectivenessCell.text);
  }
  return out;
}

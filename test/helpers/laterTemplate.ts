import type { SheetGrid } from "../../src/core/grid";
import {
  cloneGrid,
  deleteColumn,
  headerColumn,
  insertColumns,
  mapColumn,
  merge,
  renameHeader,
  unmergeFillDown,
  unmergeFirstRowOnly,
  withLookalikes,
} from "./variants";

/**
 * The sample's sheets rewritten in the later 大阪市 templates of DOMAIN.md's "Template variants": each function is one
 * group of variants, so a test can apply one group alone or all of them together.
 */

/** The sample's initiative sheets: header in rows 3–4 (0-based 2–3), data from row 5. */
const INIT_HEADER_BOTTOM = 3;
/** The sample's outcome sheets: header in rows 3–5 (0-based 2–4), data from row 6. */
const OUTCOME_HEADER_BOTTOM = 4;

/** Group 1, headers: later wordings (撤退・再構築基準, 目標の達成状況), Kangxi lookalikes, line breaks, full width. */
export function laterHeadersInitiative(g: SheetGrid): SheetGrid {
  const hasThreshold = g.cells.slice(0, INIT_HEADER_BOTTOM + 1).some((r) => r.includes("撤退基準"));
  let out = hasThreshold ? renameHeader(g, "撤退基準", "撤退・再構築\n基準") : g;
  out = renameHeader(out, "業績目標の達成状況", withLookalikes("目標の達成状況"));
  out = renameHeader(out, "業績目標", withLookalikes("業績目標"));
  out = renameHeader(out, "戦略に対する取組の有効性", "戦略に対する\n取組の有効性");
  out = renameHeader(out, "取組実績", "取組実績");
  out = cloneGrid(out);
  out.cells[1][1] = "①：目標達成　②：目標未達成　③：撤退・再構築基準未達成";
  return out;
}

export function laterHeadersOutcome(g: SheetGrid): SheetGrid {
  let out = renameHeader(g, "アウトカムの達成状況", "アウトカム指数の達成状況\n（定量評価）");
  out = renameHeader(out, "アウトカム指標の実績", withLookalikes("アウトカム指標の実績"));
  out = renameHeader(out, "今後の対応方向・改善策", "今後の対応⽅向・改善策");
  return out;
}

/**
 * Group 2, decoys: a 中間振り返り group (取組の進捗状況, 業績目標の達成見込み) inserted before the year-end columns,
 * with forecasts that differ from every year-end status, so taking one for the other changes answers.
 */
export function midYearDecoysInitiative(g: SheetGrid): SheetGrid {
  const at = headerColumn(g, "取組実績");
  const status = headerColumn(g, "業績目標の達成状況") + 2;
  let out = insertColumns(g, at, 2);
  out = merge(out, { top: 2, left: at, bottom: 2, right: at + 1 });
  out.cells[2][at] = "中間振り返り";
  out.cells[3][at] = "取組の進捗状況";
  out.cells[3][at + 1] = "業績目標の達成見込み";
  for (let r = INIT_HEADER_BOTTOM + 1; r < out.cells.length; r++) {
    const yearEnd = out.cells[r][status];
    const good = yearEnd.startsWith("①");
    out.cells[r][at] = good ? "(ⅱ)予定どおりでない" : "(ⅰ)予定どおり";
    out.cells[r][at + 1] = good ? "②：達成できない見込み" : "①：達成見込み";
  }
  return out;
}

export function midYearDecoysOutcome(g: SheetGrid): SheetGrid {
  // A mid-year 戦略の進捗状況 and 達成見込み standing before the year-end ones: the same header words, other values,
  // in a group of their own just before the 自己評価 group.
  const actual = headerColumn(g, "アウトカム指標の実績");
  const selfEvaluation = g.merges.find((m) => m.top === 2 && m.left <= actual && m.right >= actual);
  const at = selfEvaluation ? selfEvaluation.left : actual;
  const progress = headerColumn(g, "戦略の進捗状況") + 2;
  let out = insertColumns(g, at, 2);
  out = merge(out, { top: 2, left: at, bottom: 2, right: at + 1 });
  out = merge(out, { top: 3, left: at, bottom: 4, right: at });
  out = merge(out, { top: 3, left: at + 1, bottom: 4, right: at + 1 });
  out.cells[2][at] = "中間振り返り";
  out.cells[3][at] = "戦略の進捗状況";
  out.cells[3][at + 1] = "アウトカム指標の達成見込み";
  for (let r = OUTCOME_HEADER_BOTTOM + 1; r < out.cells.length; r++) {
    const p = out.cells[r][progress];
    if (p !== "") out.cells[r][at] = /[aａ]/.test(p) ? "b" : "a";
    out.cells[r][at + 1] = "B";
  }
  // The merges of the strategy blocks cover the new columns as they covered their neighbours.
  for (const m of g.merges) {
    if (m.top > OUTCOME_HEADER_BOTTOM && m.left === progress - 2 && m.right === progress - 2)
      out = merge(out, { top: m.top, left: at, bottom: m.bottom, right: at });
  }
  return out;
}

/** Group 3, codes: 【具体的取組1-1-1】 with a budget line, strategies as 【戦略1-1】. */
export function laterCodesInitiative(g: SheetGrid): SheetGrid {
  const init = headerColumn(g, "具体的取組");
  const strategy = 0;
  let out = mapColumn(g, init, INIT_HEADER_BOTTOM, (text, r) => {
    const m = /^【(\d+-\d+-\d+)】\n([^\n]*)/.exec(text);
    if (!m) return text;
    const budget = r % 2 === 0 ? "［予算額 263千円］" : "[予算額 1,024千円]";
    // Some rows carry the budget right after the title on its line, the others on a line of its own.
    const stop = m[2].indexOf("。");
    const title = stop > 0 ? m[2].slice(0, stop) : m[2];
    return r % 3 === 0
      ? `【具体的取組${m[1]}】${title} ${budget}${m[2].slice(title.length)}${text.slice(m[0].length)}`
      : `【具体的取組${m[1]}】\n${m[2]}\n${budget}${text.slice(m[0].length)}`;
  });
  out = mapColumn(out, strategy, INIT_HEADER_BOTTOM, (text, r) => {
    const code = /【(?:具体的取組)?(\d+-\d+)-\d+】/.exec(out.cells[r][init]);
    return code ? `【戦略${code[1]}】${text.replace(/^（\d）/, "")}` : text;
  });
  return out;
}

export function laterCodesOutcome(g: SheetGrid): SheetGrid {
  const desired = headerColumn(g, "めざす状態");
  const name = headerColumn(g, "戦略名");
  const out = cloneGrid(g);
  for (let r = OUTCOME_HEADER_BOTTOM + 1; r < out.cells.length; r++) {
    const m = /^【(\d+-\d+)】\n?/.exec(out.cells[r][desired]);
    if (!m) continue;
    out.cells[r][desired] = out.cells[r][desired].slice(m[0].length);
    // A bracket holding the code and the title, closed nowhere (as in the published sheets).
    out.cells[r][name] = `【戦略${m[1]} ${out.cells[r][name].replace(/^[㋐-㋾]\s*/, "")}`;
  }
  return out;
}

/** Group 4, layout of a strategy: its cells filled down on every row, or written on its first row only. */
export function strategyFilledDown(g: SheetGrid): SheetGrid {
  let out = g;
  for (let c = 0; c < (g.cells[OUTCOME_HEADER_BOTTOM]?.length ?? 0); c++) out = unmergeFillDown(out, c, OUTCOME_HEADER_BOTTOM);
  return out;
}

export function strategyFirstRowOnly(g: SheetGrid): SheetGrid {
  let out = g;
  for (let c = 0; c < (g.cells[OUTCOME_HEADER_BOTTOM]?.length ?? 0); c++) out = unmergeFirstRowOnly(out, c, OUTCOME_HEADER_BOTTOM);
  return out;
}

/** Group 5, a missing column: the sheet without its 撤退基準 (or any other) column. */
export function withoutColumn(g: SheetGrid, header: string): SheetGrid {
  return deleteColumn(g, headerColumn(g, header));
}

/** Group 6, R5 style: each indicator's A/B written at the end of its value text, with no 個別 column. */
export function inlineStatusOutcome(g: SheetGrid): SheetGrid {
  const actual = headerColumn(g, "アウトカム指標の実績");
  const individual = headerColumn(g, "個別");
  const out = cloneGrid(g);
  for (let r = OUTCOME_HEADER_BOTTOM + 1; r < out.cells.length; r++) {
    const status = out.cells[r][individual];
    if (out.cells[r][actual] !== "" && status !== "") out.cells[r][actual] = `${out.cells[r][actual]}:${status}`;
  }
  // The group header over 個別 and 全体 stays over 全体.
  const group = individual;
  const above = out.cells.findIndex((row, r) => r < OUTCOME_HEADER_BOTTOM && row[group] !== "" && row[group + 1] === "" && out.merges.some((m) => m.top === r && m.left === group && m.right === group + 1));
  if (above >= 0) out.cells[above][group + 1] = out.cells[above][group];
  return withoutColumn(out, "個別");
}

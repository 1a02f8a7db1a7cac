import type { MergedArea, SheetGrid } from "../../src/core/grid";

/**
 * Grid edits that turn the sample's sheets into the template variants of DOMAIN.md ("Template variants seen in real
 * ward documents"): they work on plain grids, as a person would in Excel (insert or delete a column, rename a header,
 * unmerge and fill down), so the seed's strings stay what they are and only the layout changes.
 */

export function cloneGrid(g: SheetGrid, name = g.name): SheetGrid {
  return { ...g, name, cells: g.cells.map((r) => [...r]), merges: g.merges.map((m) => ({ ...m })) };
}

function width(g: SheetGrid): number {
  return Math.max(0, ...g.cells.map((r) => r.length));
}

/** Inserts `count` empty columns before column `at`; merges that straddle it grow, as in Excel. */
export function insertColumns(g: SheetGrid, at: number, count: number): SheetGrid {
  const w = width(g);
  const cells = g.cells.map((r) => {
    const row = [...r, ...new Array(Math.max(0, w - r.length)).fill("")];
    row.splice(at, 0, ...new Array(count).fill(""));
    return row;
  });
  const merges = g.merges.map((m) => ({
    ...m,
    left: m.left >= at ? m.left + count : m.left,
    right: m.right >= at ? m.right + count : m.right,
  }));
  return { ...g, cells, merges };
}

/** Deletes column `at`; merges shrink, and a merge left one cell wide is dropped. */
export function deleteColumn(g: SheetGrid, at: number): SheetGrid {
  const cells = g.cells.map((r) => r.filter((_, c) => c !== at));
  const merges: MergedArea[] = [];
  for (const m of g.merges) {
    if (m.left === at && m.right === at) continue;
    const left = m.left > at ? m.left - 1 : m.left;
    const right = m.right >= at ? m.right - 1 : m.right;
    if (left === right && m.top === m.bottom) continue;
    merges.push({ ...m, left, right });
  }
  return { ...g, cells, merges };
}

/** Adds a merged area; like Excel, refuses one that overlaps another. */
export function merge(g: SheetGrid, area: MergedArea): SheetGrid {
  const overlaps = (m: MergedArea) =>
    m.left <= area.right && area.left <= m.right && m.top <= area.bottom && area.top <= m.bottom;
  if (g.merges.some(overlaps)) throw new Error(`${g.name}: ${JSON.stringify(area)} overlaps a merged area`);
  return { ...g, merges: [...g.merges, area] };
}

/** Column index of the header cell whose text is exactly `text` in the rows `top..bottom`. */
export function headerColumn(g: SheetGrid, text: string, top = 0, bottom = 8): number {
  for (let r = top; r <= Math.min(bottom, g.cells.length - 1); r++) {
    const c = g.cells[r].indexOf(text);
    if (c >= 0) return c;
  }
  throw new Error(`no header ${text} in ${g.name}`);
}

/** Rewrites one header cell's text (found by its exact text in the first rows). */
export function renameHeader(g: SheetGrid, from: string, to: string): SheetGrid {
  const out = cloneGrid(g);
  for (let r = 0; r < Math.min(8, out.cells.length); r++) {
    const c = out.cells[r].indexOf(from);
    if (c >= 0) {
      out.cells[r][c] = to;
      return out;
    }
  }
  throw new Error(`no header ${from} in ${g.name}`);
}

/** Maps every data cell (rows after `headerBottom`) of a column. */
export function mapColumn(
  g: SheetGrid,
  col: number,
  headerBottom: number,
  f: (text: string, row: number) => string
): SheetGrid {
  const out = cloneGrid(g);
  for (let r = headerBottom + 1; r < out.cells.length; r++) out.cells[r][col] = f(out.cells[r][col] ?? "", r);
  return out;
}

/** Removes the merges of a column below the header and writes each merge's text into every row it covered. */
export function unmergeFillDown(g: SheetGrid, col: number, headerBottom: number): SheetGrid {
  const out = cloneGrid(g);
  out.merges = [];
  for (const m of g.merges) {
    if (m.left === col && m.right === col && m.top > headerBottom) {
      for (let r = m.top + 1; r <= m.bottom; r++) out.cells[r][col] = out.cells[m.top][col];
    } else out.merges.push(m);
  }
  return out;
}

/** Removes the merges of a column below the header and leaves the text on each block's first row only. */
export function unmergeFirstRowOnly(g: SheetGrid, col: number, headerBottom: number): SheetGrid {
  const out = cloneGrid(g);
  out.merges = g.merges.filter((m) => !(m.left === col && m.right === col && m.top > headerBottom));
  return out;
}

/** Kangxi radicals and other lookalikes that real ward documents carry in place of common kanji. */
export const LOOKALIKES: Record<string, string> = {
  方: "\u2F45",
  月: "\u2F49",
  革: "\u2FB0",
  目: "\u2F6C",
  日: "\u2F47",
};

/** The text with every character that has a lookalike replaced by it (業績目標 → 業績⽬標). */
export function withLookalikes(text: string): string {
  return [...text].map((ch) => LOOKALIKES[ch] ?? ch).join("");
}

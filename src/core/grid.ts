import { oncePerObject } from "./memo";
/** A sheet as plain data: what both adapters produce and all the engine sees. */
export interface MergedArea {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Displayed text of each cell, row-major, 0-based; "" for an empty cell or a merged cell that is not the top-left one. */
  cells: string[][];
  merges: MergedArea[];
  hidden?: boolean;
  /** The sheet is protected against editing (Excel would refuse Hyoka's additions there). */
  protected?: boolean;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B7" for row 6, column 1 (0-based). */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "B7:D9" (or "B7", with or without $) as 0-based bounds. */
export function rangeBounds(range: string): MergedArea {
  const [s, e = s] = range.split(":");
  const a = parseA1(s);
  const b = parseA1(e);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  const end = a1(bottom, right);
  return start === end ? start : `${start}:${end}`;
}

export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not an A1 reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function rowCount(grid: SheetGrid): number {
  return grid.cells.length;
}

export function columnCount(grid: SheetGrid): number {
  let max = 0;
  for (const row of grid.cells) if (row.length > max) max = row.length;
  return max;
}

/**
 * The grid without trailing empty rows and columns. Adapters return this shape, so the same sheet reads the same
 * from Excel (which sees only cells with values) and from a file (which also counts formatted empty cells).
 */
export function trimGrid(grid: SheetGrid): SheetGrid {
  let rows = grid.cells.length;
  while (rows > 0 && grid.cells[rows - 1].every((c) => c === "")) rows--;
  let cols = 0;
  for (let r = 0; r < rows; r++) {
    const row = grid.cells[r];
    for (let c = row.length - 1; c >= cols; c--)
      if (row[c] !== "") {
        cols = c + 1;
        break;
      }
  }
  const cells = grid.cells
    .slice(0, rows)
    .map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? ""));
  return { ...grid, cells };
}

export function rawCell(grid: SheetGrid, row: number, col: number): string {
  return grid.cells[row]?.[col] ?? "";
}

/**
 * Reads cells as a person sees them: a merged area shows its top-left value in every cell it covers.
 * Built once per sheet because merges are looked up for every cell: within the grid, each cell's merge is one
 * typed-array read; the few merges reaching past the grid's last row or column are also looked through there.
 */
export class FilledGrid {
  /** Per cell of the grid (row * cols + col), 1 + the index of the merge covering it, 0 for none. */
  private readonly owner: Int32Array;
  /** Merges reaching outside rows × cols, for lookups there. */
  private readonly outside: MergedArea[] = [];
  readonly rows: number;
  readonly cols: number;

  constructor(readonly grid: SheetGrid) {
    this.rows = rowCount(grid);
    this.cols = columnCount(grid);
    this.owner = new Int32Array(this.rows * this.cols);
    grid.merges.forEach((m, i) => {
      if (m.bottom >= this.rows || m.right >= this.cols) this.outside.push(m);
      const bottom = Math.min(m.bottom, this.rows - 1);
      const right = Math.min(m.right, this.cols - 1);
      for (let r = m.top; r <= bottom; r++) {
        const row = r * this.cols;
        for (let c = m.left; c <= right; c++) this.owner[row + c] = i + 1;
      }
    });
  }

  mergeAt(row: number, col: number): MergedArea | undefined {
    if (row >= 0 && col >= 0 && row < this.rows && col < this.cols) {
      const i = this.owner[row * this.cols + col];
      return i === 0 ? undefined : this.grid.merges[i - 1];
    }
    return this.outside.find(
      (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right
    );
  }

  /** True when the cell is covered by a merge but is not its top-left cell. */
  isCovered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  value(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? rawCell(this.grid, m.top, m.left) : rawCell(this.grid, row, col);
  }

  raw(row: number, col: number): string {
    return rawCell(this.grid, row, col);
  }
}

/** The sheet's FilledGrid, made once for every phase that reads it. */
export const filledGrid = oncePerObject((grid: SheetGrid) => new FilledGrid(grid));

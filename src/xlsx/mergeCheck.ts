import ExcelJS from "exceljs";

/**
 * ExcelJS checks every new merge against every merge the sheet already has (exceljs issues 418, 637, 2689), so
 * loading a sheet with n merged areas costs n² comparisons. A city's workbook repeats merged strategy blocks and
 * initiative rows thousands of times: at 10,000 initiatives this check alone took about 0.4 s of every load, and
 * it grows with the square of the merges.
 *
 * Two merges overlap exactly when some cell of the new one already belongs to a merge, which takes one look per
 * cell of the new area. That check runs first; ExcelJS's own merge then runs against an empty list of merges, so
 * its scan finds nothing and everything else it does (masters, covered cells, styles) is unchanged.
 */

interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface WorksheetInternals {
  _merges: Record<string, MergeArea>;
  _mergeCellsInternal(dimensions: MergeArea, ignoreStyle?: boolean): void;
  findCell(row: number, col: number): ExcelJS.Cell | undefined;
}

let installed = false;

function alreadyMerged(ws: WorksheetInternals, area: MergeArea): boolean {
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      const cell = ws.findCell(r, c);
      // A one-cell merge has no covered cells, so its master is found by its address.
      if (cell && (cell.isMerged || ws._merges[cell.address])) return true;
    }
  }
  return false;
}

/** Replaces ExcelJS's quadratic overlap check with a per-cell one, once per process. */
export function useLinearMergeCheck(): void {
  if (installed) return;
  installed = true;
  const proto = Object.getPrototypeOf(
    new ExcelJS.Workbook().addWorksheet("probe")
  ) as WorksheetInternals;
  const original = proto._mergeCellsInternal;
  // Another ExcelJS than the one this was written against keeps its own check.
  if (typeof original !== "function" || original.length !== 2) return;
  proto._mergeCellsInternal = function (this: WorksheetInternals, dimensions, ignoreStyle) {
    if (alreadyMerged(this, dimensions)) throw new Error("Cannot merge already merged cells");
    const merges = this._merges;
    this._merges = {};
    try {
      original.call(this, dimensions, ignoreStyle);
    } finally {
      this._merges = Object.assign(merges, this._merges);
    }
  };
}

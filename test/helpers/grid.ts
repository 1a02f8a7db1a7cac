import type { SheetGrid } from "../../src/core/grid";
import { parseA1 } from "../../src/core/grid";

/** A grid from rows of cell texts; merges as "A1:C1". Covered cells of a merge are emptied, as the adapters do. */
export function grid(name: string, rows: string[][], merges: string[] = []): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length), 1);
  const cells = rows.map((r) => [...r, ...new Array(width - r.length).fill("")]);
  const areas = merges.map((m) => {
    const [s, e] = m.split(":");
    const a = parseA1(s);
    const b = parseA1(e);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  for (const m of areas) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && cells[r]) cells[r][c] = "";
    }
  }
  return { name, cells, merges: areas };
}

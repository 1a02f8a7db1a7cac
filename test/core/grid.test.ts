import fc from "fast-check";
import { FilledGrid, filledGrid, type MergedArea, type SheetGrid } from "../../src/core/grid";

/** The merge covering a cell, found the plain way: the first merge whose bounds hold it. */
function mergeByScan(merges: MergedArea[], row: number, col: number): MergedArea | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** Merges that never overlap, as Excel keeps them: each one's own rows, some reaching past the grid. */
const sheet = fc
  .record({
    rows: fc.integer({ min: 0, max: 12 }),
    cols: fc.integer({ min: 0, max: 6 }),
    spans: fc.array(
      fc.record({
        height: fc.integer({ min: 1, max: 4 }),
        left: fc.integer({ min: 0, max: 8 }),
        width: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 6 }
    ),
  })
  .map(({ rows, cols, spans }): SheetGrid => {
    let top = 0;
    const merges = spans.map(({ height, left, width }) => {
      const m = { top, left, bottom: top + height - 1, right: left + width - 1 };
      top += height;
      return m;
    });
    const cells = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => (r + c) % 3 === 0 ? "" : `${r}:${c}`)
    );
    return { name: "戦略", cells, merges };
  });

test("mergeAt, isCovered and value agree with a scan of the merges, inside the grid and past its edges", () => {
  fc.assert(
    fc.property(sheet, (grid) => {
      const filled = new FilledGrid(grid);
      for (let r = -1; r <= filled.rows + 4; r++) {
        for (let c = -1; c <= filled.cols + 4; c++) {
          const m = mergeByScan(grid.merges, r, c);
          expect(filled.mergeAt(r, c)).toBe(m);
          expect(filled.isCovered(r, c)).toBe(m !== undefined && (m.top !== r || m.left !== c));
          expect(filled.value(r, c)).toBe(grid.cells[m?.top ?? r]?.[m?.left ?? c] ?? "");
        }
      }
    })
  );
});

test("a strategy block merged down past the last row still shows its name in every row it covers", () => {
  const grid: SheetGrid = {
    name: "めざす成果及び戦略",
    cells: [
      ["【1-1】地域コミュニティの活性化", "指標1"],
      ["", "指標2"],
    ],
    // Merged over four rows, though only two hold anything.
    merges: [{ top: 0, left: 0, bottom: 3, right: 0 }],
  };
  const filled = new FilledGrid(grid);
  expect(filled.value(1, 0)).toBe("【1-1】地域コミュニティの活性化");
  expect(filled.isCovered(3, 0)).toBe(true);
  expect(filled.mergeAt(4, 0)).toBeUndefined();
});

test("each sheet's filled grid is made once and shared by every phase that asks for it", () => {
  const a: SheetGrid = { name: "A", cells: [["x"]], merges: [] };
  const b: SheetGrid = { name: "B", cells: [["x"]], merges: [] };
  expect(filledGrid(a)).toBe(filledGrid(a));
  expect(filledGrid(a)).not.toBe(filledGrid(b));
});

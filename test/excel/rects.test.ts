import { coveredCells, subtract, type Rect } from "../../src/excel/rects";
import { areasOf } from "../../src/excel/mergeTiles";

const cellsOf = (rects: Rect[]) =>
  rects.flatMap((r) => {
    const out: string[] = [];
    for (let y = r.top; y <= r.bottom; y++)
      for (let x = r.left; x <= r.right; x++) out.push(`${y},${x}`);
    return out;
  });

describe("rectangles of cells", () => {
  test("subtract leaves exactly the cells outside the others, once each", () => {
    const rect = { top: 0, left: 0, bottom: 9, right: 4 };
    const others = [
      { top: 2, left: 1, bottom: 4, right: 2 },
      { top: 3, left: 2, bottom: 12, right: 3 },
      { top: 20, left: 0, bottom: 21, right: 0 },
    ];
    const inside = (c: string, r: Rect) => {
      const [y, x] = c.split(",").map(Number);
      return y >= r.top && y <= r.bottom && x >= r.left && x <= r.right;
    };
    const expected = cellsOf([rect]).filter((c) => !others.some((o) => inside(c, o)));
    const got = cellsOf(subtract(rect, others));
    expect(got.sort()).toEqual(expected.sort());
    expect(new Set(got).size).toBe(got.length);
    expect(
      subtract({ top: 4, left: 6, bottom: 10, right: 6 }, [
        { top: 4, left: 6, bottom: 9, right: 6 },
      ])
    ).toEqual([{ top: 10, left: 6, bottom: 10, right: 6 }]);
  });

  test("coveredCells gives every cell of a merged area but its top-left, within the rectangle", () => {
    const hidden = coveredCells([{ top: 2, left: 2, bottom: 3, right: 3 }], {
      top: 3,
      left: 0,
      bottom: 5,
      right: 5,
    });
    expect([...hidden].sort()).toEqual(["3,2", "3,3"]);
  });

  test("areasOf reads a RangeAreas address, commas and quotes in sheet names included", () => {
    expect(areasOf("'Sheet, 1'!A1:B2, 'Sheet, 1'!$D$4:$E$4, 'It''s'!C3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 4 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
    expect(areasOf("")).toEqual([]);
  });
});

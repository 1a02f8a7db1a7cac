/**
 * Range.getMergedAreasOrNullObject "will fail to return the result" when the range holds more than 512 merged
 * areas, and a failed call fails its whole batch. Hyoka therefore asks for merged areas tile by tile, each tile
 * small enough that it cannot hold more than 512, whatever the workbook: a merged area covers two cells or more,
 * so of the areas meeting a tile of R rows × K columns, those inside it number at most R·K/2 and those crossing its
 * edges at most 2K + 2R; R·K + 2K + 2R ≤ 1024 keeps the total at 512 or fewer.
 */
import { rangeBounds, type MergedArea } from "../core/grid";

export const MERGED_AREAS_LIMIT = 512;

export interface Dims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface Tile {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_TILE_COLUMNS = 256;

/** Tiles covering `d` (sheet coordinates), none able to hold more than 512 merged areas. */
export function mergeTiles(d: Dims): Tile[] {
  if (d.rowCount <= 0 || d.columnCount <= 0) return [];
  const cols = Math.min(d.columnCount, MAX_TILE_COLUMNS);
  const twice = 2 * MERGED_AREAS_LIMIT;
  const rows = Math.max(1, Math.floor((twice - 2 * cols) / (cols + 2)));
  const tiles: Tile[] = [];
  for (let r = 0; r < d.rowCount; r += rows)
    for (let c = 0; c < d.columnCount; c += cols)
      tiles.push({
        row: d.rowIndex + r,
        col: d.columnIndex + c,
        rows: Math.min(rows, d.rowCount - r),
        cols: Math.min(cols, d.columnCount - c),
      });
  return tiles;
}

/** The most merged areas a tile of this size can meet (the bound the tiles are sized by). */
export function mergedAreasBound(tile: Pick<Tile, "rows" | "cols">): number {
  return Math.floor((tile.rows * tile.cols + 2 * tile.cols + 2 * tile.rows) / 2);
}

/** The rectangles of a RangeAreas address ("'Sheet, 1'!A1:B2, 'Sheet, 1'!D4:E4"): commas inside quotes are the name's. */
export function areasOf(address: string | undefined): MergedArea[] {
  if (!address) return [];
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((part) =>
    rangeBounds(
      part
        .slice(part.lastIndexOf("!") + 1)
        .replace(/\$/g, "")
        .trim()
    )
  );
}

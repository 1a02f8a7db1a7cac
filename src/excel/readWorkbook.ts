import { displayText } from "../core/display";
import { rangeBounds, trimGrid, type MergedArea, type SheetGrid } from "../core/grid";
import { isPayloadError, jsonBytes, PAYLOAD_BUDGET_BYTES } from "./payload";

export interface SheetInfo {
  name: string;
  visible: boolean;
  protected: boolean;
}

/** What one read of the workbook gives: the engine's grids, and what applyPlan needs from the same context. */
export interface WorkbookSnapshot {
  grids: SheetGrid[];
  sheets: SheetInfo[];
  /** Each sheet's conditional formats, loaded with their types (proxies valid in the context that read them). */
  conditionalFormats: Map<string, Excel.ConditionalFormatCollection>;
  /** Each sheet's notes with their text, when asked for (ExcelApi 1.18). */
  notes: Map<string, Excel.NoteCollection> | null;
  /** context.sync() calls the read took. */
  syncs: number;
  /** The cells did not fit one response: the next read of this workbook had better start in chunks. */
  large: boolean;
}

export interface ReadOptions {
  /**
   * Cells in the first sync when the workbook is too large for one response and has to be read in row chunks;
   * the next syncs are sized by what those cells weighed.
   */
  chunkCells?: number;
  /** Also read every sheet's notes (needs ExcelApi 1.18), so applyPlan can find and put back Hyoka's own. */
  notes?: boolean;
  /**
   * The last read of this workbook was `large`: skip the one-response attempt, which Excel on the web would
   * build in full and then refuse, and read in chunks at once.
   */
  large?: boolean;
}

/**
 * A cell of these workbooks weighs about 180 bytes in a response (long Japanese sentences, three bytes a
 * character, and its number format). 8,000 cells stay under the budget up to 500 bytes a cell, so the first chunk
 * is rarely refused, and it measures the rate that sizes every later chunk.
 */
const FIRST_CHUNK_CELLS = 8_000;

type Cell = string | number | boolean | null;

function mergesOf(address: string | undefined): MergedArea[] {
  if (!address) return [];
  return address.split(",").map((part) => {
    const ref = part.includes("!") ? part.slice(part.lastIndexOf("!") + 1) : part;
    return rangeBounds(ref.trim());
  });
}

interface SheetRead {
  info: SheetInfo;
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };
  merges: MergedArea[];
  values: Cell[][];
  formats: string[][];
}

function toGrid(s: SheetRead): SheetGrid {
  const rows = s.used.rowIndex + s.used.rowCount;
  const cols = s.used.columnIndex + s.used.columnCount;
  const cells: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(""));
  s.values.forEach((row, r) =>
    row.forEach((value, c) => {
      cells[s.used.rowIndex + r][s.used.columnIndex + c] = displayText(value, s.formats[r]?.[c]);
    })
  );
  // Only a merge's top-left cell holds its value, as in the file adapter.
  for (const m of s.merges)
    for (let r = m.top; r <= m.bottom && r < rows; r++)
      for (let c = m.left; c <= m.right && c < cols; c++)
        if (r !== m.top || c !== m.left) cells[r][c] = "";
  return trimGrid({
    name: s.info.name,
    cells,
    merges: s.merges,
    hidden: !s.info.visible,
    ...(s.info.protected ? { protected: true } : {}),
  });
}

/**
 * Every sheet's values and merged areas as the engine's grids, in a constant number of syncs: one for the sheet
 * list, one for all used ranges. A workbook too large for one response (Excel on the web stops at 5 MB) is read
 * again in row chunks, as few syncs as its size needs; told it is `large`, the read starts with the chunks.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<WorkbookSnapshot> {
  let syncs = 0;
  const sync = async () => {
    syncs += 1;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  await sync();

  const sheets = worksheets.items.map((ws) => ({
    ws,
    info: {
      name: ws.name,
      visible: ws.visibility === "Visible",
      protected: ws.protection.protected,
    },
  }));
  const conditionalFormats = new Map<string, Excel.ConditionalFormatCollection>();
  const notes = options.notes ? new Map<string, Excel.NoteCollection>() : null;
  const snapshotOf = (reads: SheetRead[], large: boolean): WorkbookSnapshot => ({
    grids: reads.map(toGrid),
    sheets: sheets.map((s) => s.info),
    conditionalFormats,
    notes,
    syncs,
    large,
  });
  const queueCommon = () =>
    sheets.map(({ ws, info }) => {
      if (notes) {
        const collection = ws.notes;
        collection.load("items/content");
        notes.set(info.name, collection);
      }
      const merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
      const cfs = ws.getRange().conditionalFormats;
      cfs.load("items/type");
      conditionalFormats.set(info.name, cfs);
      return merged;
    });

  // Optimistic: everything in one response.
  let merged: Excel.RangeAreas[] = [];
  let used: Excel.Range[] = [];
  let refused = false;
  if (!options.large) {
    merged = queueCommon();
    used = sheets.map(({ ws }) =>
      ws.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount,values,numberFormat")
    );
    try {
      await sync();
      const reads = sheets.map(({ info }, i) => ({
        info,
        used: used[i],
        merges: merged[i].isNullObject ? [] : mergesOf(merged[i].address),
        values: used[i].values as Cell[][],
        formats: used[i].numberFormat as string[][],
      }));
      return snapshotOf(reads, false);
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      refused = true;
    }
  }

  // Too large: sizes first, then the values in row chunks.
  merged = queueCommon();
  used = sheets.map(({ ws }) =>
    ws.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount")
  );
  await sync();
  const reads: SheetRead[] = sheets.map(({ info }, i) => ({
    info,
    used: {
      rowIndex: used[i].rowIndex,
      columnIndex: used[i].columnIndex,
      rowCount: used[i].rowCount,
      columnCount: used[i].columnCount,
    },
    merges: merged[i].isNullObject ? [] : mergesOf(merged[i].address),
    values: [],
    formats: [],
  }));
  let budget = Math.max(1, options.chunkCells ?? FIRST_CHUNK_CELLS);
  let totalBytes = 0;
  // Next unread row of each sheet; each sync takes rows, sheet after sheet, up to the budget in cells.
  const next = reads.map(() => 0);
  for (;;) {
    const batch: { sheet: number; row: number; rows: number }[] = [];
    let cells = 0;
    for (let sheet = 0; sheet < reads.length && cells < budget; sheet++) {
      const { rowCount, columnCount } = reads[sheet].used;
      if (next[sheet] >= rowCount) continue;
      const rows = Math.min(
        rowCount - next[sheet],
        Math.max(1, Math.floor((budget - cells) / Math.max(1, columnCount)))
      );
      if (batch.length > 0 && rows * columnCount > budget - cells) break;
      batch.push({ sheet, row: next[sheet], rows });
      cells += rows * columnCount;
    }
    if (batch.length === 0) break;
    const ranges = batch.map((chunk) => {
      const s = reads[chunk.sheet];
      return sheets[chunk.sheet].ws
        .getRangeByIndexes(
          s.used.rowIndex + chunk.row,
          s.used.columnIndex,
          chunk.rows,
          s.used.columnCount
        )
        .load("values,numberFormat");
    });
    try {
      await sync();
    } catch (error) {
      if (!isPayloadError(error) || (batch.length === 1 && batch[0].rows === 1)) throw error;
      // Still too large: try the same rows in smaller syncs.
      budget = Math.max(1, Math.floor(cells / 2));
      continue;
    }
    let bytes = 0;
    batch.forEach((chunk, i) => {
      const s = reads[chunk.sheet];
      (ranges[i].values as Cell[][]).forEach((row, r) => (s.values[chunk.row + r] = row));
      (ranges[i].numberFormat as string[][]).forEach((row, r) => (s.formats[chunk.row + r] = row));
      bytes += jsonBytes(ranges[i].values) + jsonBytes(ranges[i].numberFormat);
      next[chunk.sheet] = chunk.row + chunk.rows;
    });
    totalBytes += bytes;
    // Size the next syncs by what these cells really weighed.
    if (cells > 0 && bytes > 0)
      budget = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / (bytes / cells)));
  }
  return snapshotOf(reads, refused || totalBytes > PAYLOAD_BUDGET_BYTES);
}

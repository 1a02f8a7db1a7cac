import { displayText } from "../core/display";
import { trimGrid, type MergedArea, type SheetGrid } from "../core/grid";
import { areasOf, mergeTiles, type Dims } from "./mergeTiles";
import { isGeneralException, isPayloadError, jsonBytes, PAYLOAD_BUDGET_BYTES } from "./payload";

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
  /** Each sheet's threaded comments, when asked for (ExcelApi 1.10): a cell with one cannot also hold a note. */
  comments: Map<string, Excel.CommentCollection> | null;
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
  /** Also read every sheet's threaded comments (needs ExcelApi 1.10), so applyPlan puts no note on their cells. */
  comments?: boolean;
  /** Desktop Excel: no 5 MB limit per response, so the cells are always read in one. */
  unlimitedPayload?: boolean;
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

/** What a cell is reckoned to weigh in a response, to size a read from the used ranges before asking for it. */
export const CELL_BYTES_ESTIMATE = 180;

/**
 * Sheets whose names and used ranges the first sync asks for by walking from the first sheet; a workbook with
 * more sheets has the rest's used ranges read in one more sync.
 */
const SHEET_WALK = 64;

const DIMS = "rowIndex,columnIndex,rowCount,columnCount";

type Cell = string | number | boolean | null;

interface SheetRead {
  info: SheetInfo;
  used: Dims;
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
 * Excel on the web has answered an oversized request with a bare GeneralException (office-js issue 1314,
 * office-js-docs-reference issue 354), not the payload codes: a read this many cells large that fails so is
 * taken to be too large and read again in chunks.
 */
const GENERAL_FAILURE_CELLS = FIRST_CHUNK_CELLS;

function tooLarge(error: unknown, cells: number): boolean {
  return isPayloadError(error) || (isGeneralException(error) && cells > GENERAL_FAILURE_CELLS);
}

function dimsOf(used: Excel.Range): Dims {
  return used.isNullObject
    ? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }
    : {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      };
}

interface Listed {
  ws: Excel.Worksheet;
  info: SheetInfo;
  used: Dims;
}

/**
 * The sheets and their used ranges, in one sync: the list, and a walk from the first sheet (getNextOrNullObject)
 * that reads each sheet's used range without knowing its name. Past the last sheet the walk meets null objects;
 * should Excel refuse that walk, the list is read alone and the used ranges in one more sync.
 */
async function listSheets(
  context: Excel.RequestContext,
  sync: () => Promise<void>
): Promise<Listed[]> {
  const worksheets = context.workbook.worksheets;
  const loadList = () => worksheets.load("items/name,items/visibility,items/protection/protected");
  loadList();
  let walk: { ws: Excel.Worksheet; used: Excel.Range }[] = [];
  let ws = worksheets.getFirst();
  for (let i = 0; i < SHEET_WALK; i++) {
    ws.load("name");
    walk.push({ ws, used: ws.getUsedRangeOrNullObject(true).load(DIMS) });
    ws = ws.getNextOrNullObject();
  }
  try {
    await sync();
  } catch {
    walk = [];
    loadList();
    await sync();
  }
  const walked = new Map<string, Dims>();
  for (const w of walk) if (!w.ws.isNullObject) walked.set(w.ws.name, dimsOf(w.used));
  const rest = worksheets.items
    .filter((item) => !walked.has(item.name))
    .map((item) => ({ name: item.name, used: item.getUsedRangeOrNullObject(true).load(DIMS) }));
  if (rest.length > 0) {
    await sync();
    for (const r of rest) walked.set(r.name, dimsOf(r.used));
  }
  return worksheets.items.map((item) => ({
    ws: item,
    info: {
      name: item.name,
      visible: item.visibility === "Visible",
      protected: item.protection.protected,
    },
    used: walked.get(item.name)!,
  }));
}

/**
 * Every sheet's values and merged areas as the engine's grids, in a constant number of syncs: one for the sheets
 * and their used ranges, one for the cells, merged areas (read tile by tile, see mergeTiles), conditional formats,
 * notes and comments. A workbook too large for one response (Excel on the web stops at 5 MB), by its used ranges'
 * size or by Excel's refusal, is read in row chunks, as few syncs as its size needs; told it is `large`, the read
 * starts with the chunks.
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
  const sheets = await listSheets(context, sync);
  const conditionalFormats = new Map<string, Excel.ConditionalFormatCollection>();
  const notes = options.notes ? new Map<string, Excel.NoteCollection>() : null;
  const comments = options.comments ? new Map<string, Excel.CommentCollection>() : null;
  const totalCells = sheets.reduce((n, s) => n + s.used.rowCount * s.used.columnCount, 0);
  const estimate = totalCells * CELL_BYTES_ESTIMATE;
  const snapshotOf = (reads: SheetRead[], large: boolean): WorkbookSnapshot => ({
    grids: reads.map(toGrid),
    sheets: sheets.map((s) => s.info),
    conditionalFormats,
    notes,
    comments,
    syncs,
    large,
  });
  /** Everything but the cells: queued with the first sync that reads cells. */
  const queueCommon = () =>
    sheets.map(({ ws, info, used }) => {
      if (notes) notes.set(info.name, ws.notes.load("items/content"));
      if (comments) comments.set(info.name, ws.comments.load("items/content"));
      const cfs = ws.getRange().conditionalFormats;
      cfs.load("items/type");
      conditionalFormats.set(info.name, cfs);
      return mergeTiles(used).map((t) =>
        ws
          .getRangeByIndexes(t.row, t.col, t.rows, t.cols)
          .getMergedAreasOrNullObject()
          .load("address")
      );
    });
  const mergesFrom = (tiles: Excel.RangeAreas[]) => {
    const seen = new Map<string, MergedArea>();
    for (const t of tiles)
      if (!t.isNullObject)
        for (const m of areasOf(t.address))
          seen.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
    return [...seen.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  };
  const blank = (i: number): SheetRead => ({
    info: sheets[i].info,
    used: sheets[i].used,
    merges: [],
    values: [],
    formats: [],
  });

  let refused = false;
  const fits = options.unlimitedPayload || estimate <= PAYLOAD_BUDGET_BYTES;
  if (!options.large && fits) {
    // Everything in one response.
    const merged = queueCommon();
    const cells = sheets.map(({ ws, used }) =>
      used.rowCount > 0
        ? ws
            .getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount)
            .load("values,numberFormat")
        : null
    );
    try {
      await sync();
      const reads = sheets.map((_, i) => ({
        ...blank(i),
        merges: mergesFrom(merged[i]),
        values: (cells[i]?.values ?? []) as Cell[][],
        formats: (cells[i]?.numberFormat ?? []) as string[][],
      }));
      return snapshotOf(reads, false);
    } catch (error) {
      if (!tooLarge(error, totalCells)) throw error;
      refused = true;
    }
  }

  // Too large: the values in row chunks, the first with everything else.
  const reads: SheetRead[] = sheets.map((_, i) => blank(i));
  let merged: Excel.RangeAreas[][] | null = null;
  // Set when the first chunk with everything else was refused: everything else is read alone, then the chunks.
  let commonAlone = false;
  let budget = Math.max(1, options.chunkCells ?? FIRST_CHUNK_CELLS);
  let totalBytes = 0;
  // Next unread row of each sheet; each sync takes rows, sheet after sheet, up to the budget in cells.
  const next = reads.map(() => 0);
  for (;;) {
    const batch: { sheet: number; row: number; rows: number }[] = [];
    let cells = 0;
    for (
      let sheet = 0;
      sheet < reads.length && cells < budget && !(commonAlone && !merged);
      sheet++
    ) {
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
    if (batch.length === 0 && merged) break;
    const tiles: Excel.RangeAreas[][] | null = merged ? null : queueCommon();
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
      if (!(isPayloadError(error) || isGeneralException(error))) throw error;
      if (!merged && !commonAlone && batch.length > 0) {
        commonAlone = true;
        continue;
      }
      if (batch.length === 0 || (batch.length === 1 && batch[0].rows === 1)) throw error;
      // Still too large: try the same rows in smaller syncs.
      budget = Math.max(1, Math.floor(cells / 2));
      continue;
    }
    if (tiles) {
      merged = tiles;
      tiles.forEach((t, i) => (reads[i].merges = mergesFrom(t)));
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
  return snapshotOf(reads, refused || !fits || totalBytes > PAYLOAD_BUDGET_BYTES);
}

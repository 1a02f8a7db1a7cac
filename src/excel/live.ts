import { displayText } from "../core/display";
import { parseA1 } from "../core/grid";
import {
  recheckRows,
  startLiveCheck,
  type LiveCheck,
  type Recheck,
  type RowsEdit,
} from "../core/incremental";
import { notesFor } from "../core/plan";
import type { Lang } from "../core/report";
import type { Finding } from "../core/rules/finding";
import type { ExcelRunner } from "./session";
import { readWorkbook } from "./readWorkbook";

/**
 * The pane following the workbook: the selection (to show the selected row's judgement) and edits (to re-check
 * them as they are typed). Both come from the worksheet collection's events (WorksheetCollection.onSelectionChanged
 * and .onChanged, ExcelApi 1.9; Hyoka needs 1.13), whose arguments name the sheet by id and the cells by address:
 * Workbook.onSelectionChanged (ExcelApi 1.2) names neither, and would cost a read per move.
 */

/** Excel.run(context, batch): a batch in the context that added the handlers, the only one that can remove them. */
export type ContextRunner = <T>(
  context: Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

export interface LiveHost {
  run: ExcelRunner;
  runIn: ContextRunner;
  /** Notes can be written (ExcelApi 1.18). */
  notes: boolean;
}

/** What a re-check of edits did, for the pane, with the syncs it took. */
export interface LiveUpdate {
  recheck: Recheck;
  /** Syncs: the read of the edited rows (or of the workbook, after rows or columns were inserted or deleted). */
  readSyncs: number;
  /** Syncs writing the notes of the re-judged rows (0 or 1); null when 色分け was not applied. */
  noteSyncs: number | null;
  /** The notes could not be written (a person's note or a threaded comment appeared where one goes). */
  notesFailed: boolean;
}

export interface LiveCallbacks {
  /** The selection moved: its sheet and address (A1, without the sheet). */
  onSelect(sheet: string, address: string): void;
  /** Edits were re-checked. */
  onUpdate(update: LiveUpdate): void;
  /** A re-check failed (the message is the pane's to write). */
  onError(error: unknown): void;
}

export interface LiveOptions {
  lang: Lang;
  /** Quiet time after the last edit before the re-check (ms). */
  debounceMs?: number;
}

/** Where Hyoka's notes are: written by 色分け (and the re-checks since), and the cells it must leave alone. */
export interface NoteCells {
  hyoka: Set<string>;
  /** A person's note or a threaded comment was there when 色分け ran. */
  leave: Set<string>;
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** Changes that move cells: the rows read are no longer where the grids say. The workbook is read again. */
const MOVES = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

interface Pending {
  sheetId: string;
  address: string;
  changeType: string;
}

/** The note text of each cell in `cells`, as 色分け would write it now ("" for none). */
function noteTexts(findings: Finding[], cells: Set<string>, lang: Lang): Map<string, string> {
  const at = findings.filter((f) => f.cell && cells.has(key(f.sheet, f.cell)));
  const texts = new Map<string, string>([...cells].map((c) => [c, ""]));
  for (const n of notesFor(at, lang)) texts.set(key(n.sheet, n.cell), n.text);
  return texts;
}

/**
 * Rows top..bottom and the last column (0-based) of an address on one sheet (several areas: all of them); null for
 * whole columns, too many rows to read as rows.
 */
export function rowsOf(address: string): { top: number; bottom: number; right: number } | null {
  let out: { top: number; bottom: number; right: number } | null = null;
  for (const area of address.split(",")) {
    const ref = area
      .trim()
      .slice(area.trim().lastIndexOf("!") + 1)
      .replace(/\$/g, "");
    const [a, b = a] = ref.split(":");
    if (/^[A-Z]+$/i.test(a)) return null;
    const at = (x: string) => (/^\d+$/.test(x) ? { row: Number(x) - 1, col: 0 } : parseA1(x));
    const [p, q] = [at(a), at(b)];
    const whole = /^\d+$/.test(a);
    const box = {
      top: Math.min(p.row, q.row),
      bottom: Math.max(p.row, q.row),
      right: whole ? 0 : Math.max(p.col, q.col),
    };
    out = out
      ? {
          top: Math.min(out.top, box.top),
          bottom: Math.max(out.bottom, box.bottom),
          right: Math.max(out.right, box.right),
        }
      : box;
  }
  return out;
}

/**
 * One pane's subscription. start() registers both handlers in one sync; stop() removes them in the context that
 * added them. Edits are gathered and re-checked after `debounceMs` of quiet: the edited rows read in one sync,
 * re-judged by the engine's incremental path, and (after 色分け) their notes written in one sync. Hyoka's own writes
 * are told by triggerSource "ThisLocalAddin" (ExcelApi 1.14); on an older Excel, Hyoka turns events off while it
 * writes (runAction's quietEvents), so they raise none. A coauthor's edit (source "Remote") is re-checked like one's own.
 */
export class LiveSession {
  private ids = new Map<string, string>();
  private results: { context: Excel.RequestContext; remove(): void }[] = [];
  private pending: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();
  /** Off: edits are not re-checked (the switch in the pane). */
  paused = false;
  /** Edits made by this add-in, seen and ignored (triggerSource ThisLocalAddin). */
  ignoredOwn = 0;

  constructor(
    private readonly host: LiveHost,
    public live: LiveCheck,
    private readonly callbacks: LiveCallbacks,
    private readonly options: LiveOptions,
    /** Null until 色分け applied its notes in this session. */
    public notes: NoteCells | null = null
  ) {}

  /** Registers the handlers and reads the sheets' ids, in one sync. Returns the syncs it took. */
  async start(): Promise<number> {
    return this.host.run({}, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      const selection = sheets.onSelectionChanged.add(async (args) => this.selected(args));
      const changed = sheets.onChanged.add(async (args) => this.changed(args));
      await context.sync();
      this.ids = new Map(sheets.items.map((s) => [s.id, s.name]));
      this.results = [selection, changed] as unknown as typeof this.results;
      return 1;
    });
  }

  /** Removes the handlers (Excel.run in the context that added them) and drops edits not yet re-checked. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
    const results = this.results;
    this.results = [];
    if (results.length === 0) return;
    await this.host.runIn(results[0].context, async (context) => {
      for (const r of results) r.remove();
      await context.sync();
    });
  }

  /** The sheet's name by id; a sheet added since start() is looked up in one small read. */
  private async sheetName(id: string): Promise<string | null> {
    const known = this.ids.get(id);
    if (known) return known;
    return this.host.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(id);
      ws.load("name");
      await context.sync();
      if (ws.isNullObject) return null;
      this.ids.set(id, ws.name);
      return ws.name;
    });
  }

  private async selected(args: Excel.WorksheetSelectionChangedEventArgs): Promise<void> {
    try {
      const name = await this.sheetName(args.worksheetId);
      if (name) this.callbacks.onSelect(name, args.address);
    } catch (error) {
      this.callbacks.onError(error);
    }
  }

  private async changed(args: Excel.WorksheetChangedEventArgs): Promise<void> {
    // Hyoka's own writes (its notes raise no onChanged; its summary values and record do).
    if (args.triggerSource === "ThisLocalAddin") {
      this.ignoredOwn += 1;
      return;
    }
    if (this.paused) return;
    this.pending.push({
      sheetId: args.worksheetId,
      address: args.address,
      changeType: args.changeType,
    });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.running.then(() => this.flush());
    }, this.options.debounceMs ?? 400);
  }

  /** Waits for the re-checks under way (tests, and the pane before it closes). */
  async settled(): Promise<void> {
    while (this.timer) await new Promise((r) => setTimeout(r, 10));
    await this.running;
  }

  private async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    try {
      const update = await this.recheck(pending);
      if (update) this.callbacks.onUpdate(update);
    } catch (error) {
      this.callbacks.onError(error);
    }
  }

  private async recheck(pending: Pending[]): Promise<LiveUpdate | null> {
    const areas: { sheet: string; top: number; bottom: number; right: number }[] = [];
    let moved = false;
    for (const p of pending) {
      const sheet = await this.sheetName(p.sheetId);
      if (!sheet) continue;
      const rows = rowsOf(p.address);
      if (!rows || MOVES.has(p.changeType)) moved = true;
      else areas.push({ sheet, ...rows });
    }
    if (!moved && areas.length === 0) return null;
    const previous = this.live.result;
    let recheck: Recheck;
    let readSyncs: number;
    if (moved) {
      // Rows or columns moved: what the grids hold is no longer where it is. Read and judge it all, as 検証 does.
      const snapshot = await this.host.run({ delayForCellEdit: true }, (context) =>
        readWorkbook(context)
      );
      const live = startLiveCheck(snapshot.grids, this.live.profile);
      recheck = { how: "full", live, previous };
      readSyncs = snapshot.syncs;
    } else {
      const edits = await this.readRows(areas);
      readSyncs = 1;
      recheck = recheckRows(this.live, edits);
    }
    this.live = recheck.live;
    const { noteSyncs, notesFailed } = await this.writeNotes(previous.findings, recheck);
    return { recheck, readSyncs, noteSyncs, notesFailed };
  }

  /** The edited rows of every sheet, whole rows from column A to the sheet's last column, in one sync. */
  private async readRows(
    areas: { sheet: string; top: number; bottom: number; right: number }[]
  ): Promise<RowsEdit[]> {
    return this.host.run({ delayForCellEdit: true }, async (context) => {
      const width = (sheet: string) =>
        Math.max(1, this.live.workbook.find((g) => g.name === sheet)?.cells[0]?.length ?? 1);
      const reads = areas.map((a) => ({
        ...a,
        range: context.workbook.worksheets
          .getItem(a.sheet)
          // A cell typed past the sheet's last column is read too: the engine then judges the sheet as a whole.
          .getRangeByIndexes(a.top, 0, a.bottom - a.top + 1, Math.max(width(a.sheet), a.right + 1))
          .load("values,numberFormat"),
      }));
      await context.sync();
      return reads.map((r) => ({
        sheet: r.sheet,
        top: r.top,
        rows: (r.range.values as unknown[][]).map((row, i) =>
          row.map((v, c) =>
            displayText(
              v as string | number | boolean | null,
              (r.range.numberFormat as string[][])[i]?.[c]
            )
          )
        ),
      }));
    });
  }

  /**
   * After 色分け: the notes of the cells whose findings changed, in one sync. A cell where a person's note or a
   * threaded comment stood when 色分け ran is left alone, as 色分け leaves it.
   */
  private async writeNotes(
    before: Finding[],
    recheck: Recheck
  ): Promise<{ noteSyncs: number | null; notesFailed: boolean }> {
    const notes = this.notes;
    if (!notes || !this.host.notes) return { noteSyncs: null, notesFailed: false };
    if (recheck.how === "unchanged") return { noteSyncs: 0, notesFailed: false };
    const after = recheck.live.result.findings;
    const changedFindings =
      recheck.how === "rows" ? [...recheck.before, ...recheck.after] : [...before, ...after];
    const cells = new Set(changedFindings.filter((f) => f.cell).map((f) => key(f.sheet, f.cell!)));
    const was = noteTexts(before, cells, this.options.lang);
    const now = noteTexts(after, cells, this.options.lang);
    const writes = [...cells].filter((c) => was.get(c) !== now.get(c) && !notes.leave.has(c));
    if (writes.length === 0) return { noteSyncs: 0, notesFailed: false };
    try {
      await this.host.run({ delayForCellEdit: true }, async (context) => {
        for (const c of writes) {
          const [sheet, cell] = c.split("\u0000");
          const ws = context.workbook.worksheets.getItem(sheet);
          const text = now.get(c)!;
          if (notes.hyoka.has(c)) {
            const note = ws.notes.getItem(cell);
            if (text) note.content = text;
            else note.delete();
          } else if (text) ws.notes.add(ws.getRange(cell), text);
        }
        await context.sync();
      });
    } catch {
      return { noteSyncs: 1, notesFailed: true };
    }
    for (const c of writes) {
      if (now.get(c)) notes.hyoka.add(c);
      else notes.hyoka.delete(c);
    }
    return { noteSyncs: 1, notesFailed: false };
  }
}

/** Where 色分け left Hyoka's notes: one per cell with findings, but for the cells it skipped. */
export function noteCellsAfterColor(
  findings: Finding[],
  skipped: { sheet: string; cell: string; what: string }[]
): NoteCells {
  const leave = new Set(
    skipped
      .filter((s) => s.what === "note" || s.what === "comment")
      .map((s) => key(s.sheet, s.cell))
  );
  const hyoka = new Set(
    findings
      .filter((f) => f.cell && f.sheet)
      .map((f) => key(f.sheet, f.cell!))
      .filter((c) => !leave.has(c))
  );
  return { hyoka, leave };
}

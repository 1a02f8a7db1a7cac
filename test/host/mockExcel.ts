/**
 * An Excel host stand-in built on office-addin-mock: every proxy is an OfficeMockObject, so reading a property that
 * was not loaded and synced gives office-addin-mock's "not loaded" error, as in Office. Writes are queued and carried
 * out in order at context.sync(), which also counts syncs, measures request and response sizes and refuses
 * payloads over Excel on the web's limit. Used by the jest tests, the benchmark and (bundled) the browser test.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1Range, columnIndex, columnLetter, rangeBounds } from "../../src/core/grid";
import { jsonBytes } from "../../src/excel/payload";
import {
  emptySheet,
  type Bounds,
  type CellValue,
  type MockBook,
  type MockChart,
  type MockSheet,
  type MockValidation,
} from "./mockBook";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mock = any;

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Range.getMergedAreasOrNullObject "will fail to return the result" past this many merged areas (see the tests). */
export const MAX_MERGED_AREAS = 512;
/** Worksheet.name "must be fewer than 32 characters". */
export const MAX_SHEET_NAME = 31;

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** "A1", "A1:C9", "C:C", "3:5", with or without a sheet name. */
export function parseAddress(address: string): { sheet: string | null; bounds: Bounds } {
  const bang = address.lastIndexOf("!");
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
  const ref = bang >= 0 ? address.slice(bang + 1) : address;
  const [s, e = s] = ref.split(":");
  if (/^\$?[A-Z]+$/.test(s)) {
    const l = columnIndex(s.replace("$", ""));
    const r = columnIndex(e.replace("$", ""));
    return { sheet, bounds: { top: 0, left: l, bottom: MAX_ROWS - 1, right: r } };
  }
  if (/^\$?\d+$/.test(s)) {
    return {
      sheet,
      bounds: { top: Number(s.replace("$", "")) - 1, left: 0, bottom: Number(e.replace("$", "")) - 1, right: MAX_COLS - 1 },
    };
  }
  return { sheet, bounds: rangeBounds(ref) };
}

function a1(b: Bounds): string {
  return a1Range(b.top, b.left, b.bottom, b.right);
}

function quote(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: Bounds, b: Bounds): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function usedBounds(sheet: MockSheet): Bounds | null {
  let bottom = -1;
  let right = -1;
  let top = Infinity;
  let left = Infinity;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === undefined || v === null) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    })
  );
  return bottom < 0 ? null : { top, left, bottom, right };
}

function cellsOf(b: Bounds, sheet: MockSheet): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  const used = usedBounds(sheet);
  // Whole columns and rows: only the cells that can matter (the used area and cells that have something).
  const bottom = b.bottom >= MAX_ROWS - 1 ? Math.max(used?.bottom ?? 0, b.top) : b.bottom;
  const right = b.right >= MAX_COLS - 1 ? Math.max(used?.right ?? 0, b.left) : b.right;
  for (let r = b.top; r <= bottom; r++) for (let c = b.left; c <= right; c++) out.push({ row: r, col: c });
  return out;
}

export interface HostOptions {
  /** Excel on the web's limit, per request and per response. */
  payloadLimit?: number;
  /** ExcelApi minor versions this host supports (1.x); notes need 18. */
  apiVersion?: number;
  displayLanguage?: string;
  /**
   * How a request or response over `payloadLimit` fails: with the documented payload codes, or, as Excel on the web
   * has been seen to do (office-js issue 1314, office-js-docs-reference issue 354), as a bare GeneralException.
   */
  oversizedAs?: "payloadCodes" | "generalException";
  /**
   * The error of a batch run while the user edits a cell, without delayForCellEdit: "InvalidOperation" in the
   * delay-in-cell-edit article, "InvalidOperationInCellEditMode" in the error-code table; Hyoka must know both.
   */
  cellEditError?: "InvalidOperation" | "InvalidOperationInCellEditMode";
  /**
   * What a method called on a null worksheet (past the last sheet) does: give another null object, or fail the
   * batch. The reference does not say; Hyoka's read must work either way.
   */
  pastLastSheet?: "nullObject" | "refused";
}

/** The host: a book, and the Office and Excel globals an add-in talks to. */
export class MockExcelHost {
  syncs = 0;
  largestRequest = 0;
  largestResponse = 0;
  /** True while the user is typing in a cell. */
  editing = false;
  selection: { sheet: string; address: string } | null = null;
  /** Called before each sync with its number (1-based): tests change the book here, as another user might. */
  beforeSync: ((n: number) => void) | null = null;
  activeSheet: string | null = null;
  /** Values an add-in wrote into cells hidden under a merged area (only a merge's top-left cell shows a value). */
  coveredWrites: { sheet: string; cell: string }[] = [];
  readonly payloadLimit: number;
  readonly apiVersion: number;
  readonly displayLanguage: string;
  readonly oversizedAs: "payloadCodes" | "generalException";
  readonly cellEditError: string;
  readonly pastLastSheet: "nullObject" | "refused";

  constructor(
    public book: MockBook,
    options: HostOptions = {}
  ) {
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.apiVersion = options.apiVersion ?? 18;
    this.displayLanguage = options.displayLanguage ?? "ja-JP";
    this.oversizedAs = options.oversizedAs ?? "payloadCodes";
    this.cellEditError = options.cellEditError ?? "InvalidOperation";
    this.pastLastSheet = options.pastLastSheet ?? "nullObject";
  }

  sheet(name: string): MockSheet | undefined {
    return this.book.sheets.find((s) => s.name === name);
  }

  resetCounters(): void {
    this.syncs = 0;
    this.largestRequest = 0;
    this.largestResponse = 0;
  }

  /** A fresh request context, as Excel.run gives one. */
  context(): Excel.RequestContext {
    return new MockContext(this).root as unknown as Excel.RequestContext;
  }

  /** Excel.run(batch) and Excel.run(options, batch). */
  async run<T>(
    a: Excel.RunOptions | Excel.RequestContext | ((c: Excel.RequestContext) => Promise<T>),
    b?: (c: Excel.RequestContext) => Promise<T>
  ): Promise<T> {
    // Excel.run(context, batch): a batch in a context an earlier run made (to remove its event handlers).
    if (typeof a === "object" && a !== null && "sync" in a) return b!(a as unknown as Excel.RequestContext);
    const options = typeof a === "function" ? {} : a;
    const batch = (typeof a === "function" ? a : b)!;
    if (this.editing) {
      if (!options.delayForCellEdit)
        throw new OfficeError(this.cellEditError, "Excel is in cell-editing mode.");
      while (this.editing) await new Promise((r) => setTimeout(r, 10));
    }
    return batch(this.context());
  }

  /** Event handlers an add-in registered and has not removed (each with the context that added it). */
  readonly handlers: { event: "selection" | "changed"; context: unknown; fn: (args: unknown) => unknown }[] = [];
  /**
   * Runtime.enableEvents (ExcelApi 1.8): "Toggle JavaScript events in the current task pane or content add-in";
   * while false, no handler of this add-in is called.
   */
  eventsEnabled = true;
  /** Event arguments raised so far, for assertions. */
  readonly raised: { event: "selection" | "changed"; args: Record<string, unknown> }[] = [];
  private readonly ids = new WeakMap<MockSheet, string>();
  private nextId = 1;

  /** A worksheet's id, kept for the sheet's life as Excel keeps Worksheet.id. */
  sheetId(name: string): string {
    const sheet = this.sheet(name);
    if (!sheet) return "";
    let id = this.ids.get(sheet);
    if (!id) {
      id = `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, "0")}}`;
      this.ids.set(sheet, id);
    }
    return id;
  }

  /**
   * Calls the add-in's handlers of `event` with `args`, later (Office calls them asynchronously), unless the add-in
   * turned events off. WorksheetCollection.onChanged / onSelectionChanged (ExcelApi 1.9) give
   * WorksheetChangedEventArgs / WorksheetSelectionChangedEventArgs.
   */
  raise(event: "selection" | "changed", args: Record<string, unknown>): void {
    if (!this.eventsEnabled) return;
    this.raised.push({ event, args });
    for (const h of this.handlers.filter((x) => x.event === event)) setTimeout(() => void h.fn(args), 0);
  }

  /**
   * WorksheetChangedEventArgs as Microsoft's reference gives them (excel.worksheetchangedeventargs): address of the
   * changed area on its sheet (no sheet name), changeType (Excel.DataChangeType), source ("Local" for this
   * user, "Remote" for a coauthor: "Events and coauthoring" in excel-add-ins-events), worksheetId, type, and from
   * ExcelApi 1.14 triggerSource ("ThisLocalAddin" when this add-in made the change, else "Unknown").
   */
  changedArgs(sheet: string, address: string, source: "Local" | "Remote", byThisAddin: boolean, changeType = "RangeEdited"): Record<string, unknown> {
    return {
      address,
      changeType,
      source,
      type: "WorksheetChanged",
      worksheetId: this.sheetId(sheet),
      ...(this.apiVersion >= 14 ? { triggerSource: byThisAddin ? "ThisLocalAddin" : "Unknown" } : {}),
    };
  }

  /**
   * A person types into cells (this user, or with source "Remote" a coauthor): the values change and onChanged is
   * raised for the area, as Excel does after the edit is committed.
   */
  type(sheet: string, cell: string, values: CellValue[][], source: "Local" | "Remote" = "Local"): void {
    const target = this.sheet(sheet)!;
    const { bounds } = parseAddress(cell);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        while (target.values.length <= bounds.top + r) target.values.push([]);
        target.values[bounds.top + r][bounds.left + c] = v;
      })
    );
    const area = a1({ top: bounds.top, left: bounds.left, bottom: bounds.top + values.length - 1, right: bounds.left + values[0].length - 1 });
    this.raise("changed", this.changedArgs(sheet, area, source, false));
  }

  /** A person selects cells: the selection moves and onSelectionChanged is raised with its address and sheet id. */
  select(sheet: string, address: string): void {
    this.selection = { sheet, address };
    this.raise("selection", { address, type: "WorksheetSelectionChanged", worksheetId: this.sheetId(sheet) });
  }

  /** Custom functions by metadata id, as CustomFunctions.associate registered them. */
  readonly customFunctions = new Map<string, (...args: unknown[]) => unknown>();

  /**
   * The `CustomFunctions` global of the shared runtime. Its associate takes an id and a function, or an object of
   * them (Microsoft's custom-functions-runtime reference: "Associates the JavaScript function to the name given by
   * the "id" property in the metadata JSON file").
   */
  customFunctionsGlobal(): Record<string, unknown> {
    const associate = (idOrMappings: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) => {
      const pairs = typeof idOrMappings === "string" ? [[idOrMappings, fn!] as const] : Object.entries(idOrMappings);
      for (const [id, f] of pairs) this.customFunctions.set(id, f);
    };
    return { associate };
  }

  /** The `Excel` global's parts an add-in uses. */
  excelGlobal(): Record<string, unknown> {
    return { run: this.run.bind(this) };
  }

  /** The `Office` global's parts an add-in uses. */
  officeGlobal(): Record<string, unknown> {
    return {
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
      onReady: async (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        cb?.(info);
        return info;
      },
      context: {
        displayLanguage: this.displayLanguage,
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi" && Number((version ?? "1.1").split(".")[1] ?? 0) <= this.apiVersion,
        },
      },
    };
  }
}

interface Op {
  bytes: number;
  run: () => void;
}

class MockContext {
  readonly root: Mock;
  private queue: Op[] = [];
  private loads: { mock: Mock; props: string[] }[] = [];
  /** While office-addin-mock fills loaded values (at sync) or Hyoka's stand-in fills lazy ones, assignments are not writes. */
  private syncing = false;
  private next = 0;
  private worksheets: Mock | null = null;

  constructor(private readonly host: MockExcelHost) {
    this.root = new OfficeMockObject({ workbook: { protection: { protected: host.book.workbookProtected } } }) as Mock;
    const base = this.root.sync.bind(this.root);
    this.root.sync = async () => this.sync(base);
    Object.defineProperty(this.root.workbook, "worksheets", { get: () => this.worksheetCollection() });
    const runtime = this.attach({ enableEvents: host.eventsEnabled }, { enableEvents: () => host.eventsEnabled });
    this.writable(runtime, "enableEvents", (v: boolean) => (host.eventsEnabled = v));
    Object.defineProperty(this.root, "runtime", { get: () => runtime });
  }

  /**
   * An event of the worksheet collection: add() registers the handler when the batch is synced and gives an
   * EventHandlerResult whose remove() is queued in the context that added it ("The same RequestContext object that
   * the handler was added in must be used when removing the handler": officeextension.eventhandlerresult).
   */
  private eventHandlers(event: "selection" | "changed"): Mock {
    return {
      add: (fn: (args: unknown) => unknown) => {
        const entry = { event, context: this.root, fn };
        this.enqueue(16, () => this.host.handlers.push(entry));
        return {
          context: this.root,
          remove: () =>
            this.enqueue(16, () => {
              const i = this.host.handlers.indexOf(entry);
              if (i >= 0) this.host.handlers.splice(i, 1);
            }),
        };
      },
    };
  }

  private async sync(base: () => Promise<void>): Promise<void> {
    this.host.syncs += 1;
    this.host.beforeSync?.(this.host.syncs);
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    const request = queue.reduce((n, op) => n + op.bytes, 0);
    this.host.largestRequest = Math.max(this.host.largestRequest, request);
    const oversized = (code: string, what: string) =>
      this.host.oversizedAs === "generalException"
        ? new OfficeError("GeneralException", `An internal error has occurred. (${what})`)
        : new OfficeError(code, what);
    if (request > this.host.payloadLimit)
      throw oversized("RequestPayloadSizeLimitExceeded", `Request of ${request} bytes`);
    // Office runs a batch in order and stops at the first failure; what ran before it stays done.
    for (const op of queue) op.run();
    const response = loads.reduce(
      (n, l) => n + l.props.reduce((m, p) => m + jsonBytes(l.mock.__peek?.(p)), 0),
      0
    );
    this.host.largestResponse = Math.max(this.host.largestResponse, response);
    if (response > this.host.payloadLimit)
      throw oversized("ResponsePayloadSizeLimitExceeded", `Response of ${response} bytes`);
    this.syncing = true;
    try {
      await base();
      // office-addin-mock settles nested properties in later microtasks.
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      this.syncing = false;
    }
  }

  private quietly(fn: () => void): void {
    const was = this.syncing;
    this.syncing = true;
    try {
      fn();
    } finally {
      this.syncing = was;
    }
  }

  private enqueue(bytesOf: number, run: () => void): void {
    this.queue.push({ bytes: bytesOf, run });
  }

  /** An OfficeMockObject in this context's tree, so context.sync() reaches it. */
  private attach(data: Record<string, unknown>, lazy: Record<string, () => unknown> = {}): Mock {
    const key = `__proxy${this.next++}`;
    this.root.addMock(key);
    const mock = this.root[key] as Mock;
    mock.populate({ ...data, ...Object.fromEntries(Object.keys(lazy).map((k) => [k, ""])) });
    const originalLoad = mock.load.bind(mock);
    mock.__fill = (prop: string) => {
      if (prop in lazy) this.quietly(() => mock.setValue(prop, lazy[prop]()));
    };
    mock.__peek = (prop: string) => {
      if (prop === "items") return null;
      const path = prop.split("/");
      let m: Mock | undefined = mock;
      for (const p of path.slice(0, -1)) m = m?._properties.get(p) as Mock | undefined;
      return m?._properties.get(path[path.length - 1])?._valueBeforeLoaded;
    };
    mock.load = (arg?: string | string[]) => {
      const props = (Array.isArray(arg) ? arg : (arg ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
      this.loads.push({ mock, props });
      // Fill lazy values now too, so office-addin-mock keeps them loaded through populate.
      for (const p of props) mock.__fill(p);
      this.quietly(() => originalLoad(props.join(",")));
      return mock;
    };
    return mock;
  }

  /** A property whose assignment is a queued write (and, during sync, office-addin-mock's own update). */
  private writable(mock: Mock, prop: string, write: (value: any) => void, size = 32): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    let backing = mock[prop];
    Object.defineProperty(mock, prop, {
      configurable: true,
      get: () => backing,
      set: (value) => {
        backing = value;
        if (!this.syncing) this.enqueue(size + jsonBytes(value), () => write(value));
      },
    });
  }

  private need(name: string): MockSheet {
    const s = this.host.sheet(name);
    if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    return s;
  }

  private editable(name: string): MockSheet {
    const s = this.need(name);
    if (s.protected)
      throw new OfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${name}).`);
    return s;
  }

  /** A collection whose load("items/…") reads its items as they are now, as Office does, and loads those props. */
  private collection(makeItems: () => Mock[]): Mock {
    const coll = this.attach({ items: [] });
    const baseLoad = coll.load;
    coll.load = (arg?: string) => {
      const items = makeItems();
      this.quietly(() => coll.setValue("items", items));
      const itemProps = (arg ?? "")
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p.startsWith("items/"))
        .map((p) => p.slice(6));
      if (itemProps.length > 0) for (const item of items) item.load(itemProps.join(","));
      baseLoad("items");
      return coll;
    };
    return coll;
  }

  private worksheetCollection(): Mock {
    if (this.worksheets) return this.worksheets;
    const coll = this.collection(() => this.host.book.sheets.map((s) => this.worksheet(s.name)));
    // getItem(key): "Gets a worksheet object using its name or ID" (excel.worksheetcollection).
    const nameOf = (key: string) =>
      this.host.book.sheets.find((x) => x.name === key || this.host.sheetId(x.name) === key)?.name ?? key;
    coll.getItem = (key: string) => this.worksheet(nameOf(key));
    coll.getItemOrNullObject = (key: string) => {
      const name = nameOf(key);
      const ws = this.worksheet(name);
      ws.isNullObject = !this.host.sheet(name);
      return ws;
    };
    coll.getFirst = () => this.worksheet(this.host.book.sheets[0]?.name ?? null);
    coll.onChanged = this.eventHandlers("changed");
    coll.onSelectionChanged = this.eventHandlers("selection");
    coll.add = (name: string) => {
      this.enqueue(64, () => {
        if (name.length > MAX_SHEET_NAME)
          throw new OfficeError("InvalidArgument", `A sheet name must be fewer than 32 characters: ${name}`);
        if (this.host.book.workbookProtected) throw new OfficeError("AccessDenied", "The workbook is protected.");
        if (this.host.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
        this.host.book.sheets.push(emptySheet(name));
      });
      return this.worksheet(name);
    };
    this.worksheets = coll;
    return coll;
  }

  /** A worksheet proxy; `null` (or a name no sheet has, for getItemOrNullObject) is the null object. */
  private worksheet(name: string | null): Mock {
    const s = name === null ? undefined : this.host.sheet(name);
    const ws = this.attach({
      name: name ?? "",
      id: name === null ? "" : this.host.sheetId(name),
      visibility: s?.visibility ?? "Visible",
      protection: { protected: s?.protected ?? false },
    });
    const isNull = name === null;
    if (name === null) {
      ws.isNullObject = true;
      name = "";
    }
    const sheetName = name;
    const onNull = () => {
      if (isNull && this.host.pastLastSheet === "refused")
        this.enqueue(16, () => {
          throw new OfficeError("InvalidArgument", "The worksheet does not exist.");
        });
    };
    // The next sheet as the book is now; after the last one, and after a null object, the null object.
    ws.getNextOrNullObject = () => {
      onNull();
      const i = this.host.book.sheets.findIndex((x) => x.name === sheetName);
      return this.worksheet(i >= 0 && i + 1 < this.host.book.sheets.length ? this.host.book.sheets[i + 1].name : null);
    };
    ws.getUsedRangeOrNullObject = () => {
      onNull();
      const sheet = this.host.sheet(sheetName);
      const bounds = sheet ? usedBounds(sheet) : null;
      const used = this.range(sheetName, bounds ?? { top: 0, left: 0, bottom: 0, right: 0 });
      used.isNullObject = bounds === null;
      return used;
    };
    let comments: Mock | null = null;
    Object.defineProperty(ws, "comments", {
      get: () => (comments ??= this.commentCollection(sheetName)),
    });
    this.writable(ws, "visibility", (v) => {
      this.need(name).visibility = v;
    });
    ws.getRange = (address?: string) =>
      this.range(name, address ? parseAddress(address).bounds : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 });
    ws.getRangeByIndexes = (r: number, c: number, rows: number, cols: number) =>
      this.range(name, { top: r, left: c, bottom: r + rows - 1, right: c + cols - 1 });
    ws.getUsedRange = () => {
      const sheet = this.host.sheet(name);
      return this.range(name, (sheet && usedBounds(sheet)) ?? { top: 0, left: 0, bottom: 0, right: 0 });
    };
    ws.delete = () =>
      this.enqueue(32, () => {
        const sheet = this.need(name);
        if (this.host.book.workbookProtected) throw new OfficeError("AccessDenied", "The workbook is protected.");
        if (sheet.visibility === "VeryHidden")
          throw new OfficeError("InvalidOperation", "A very hidden sheet cannot be deleted.");
        this.host.book.sheets = this.host.book.sheets.filter((x) => x !== sheet);
      });
    ws.activate = () => this.enqueue(16, () => (this.need(name), (this.host.activeSheet = name)));
    let notes: Mock | null = null;
    Object.defineProperty(ws, "notes", {
      get: () => (notes ??= this.noteCollection(name)),
    });
    let charts: Mock | null = null;
    Object.defineProperty(ws, "charts", {
      get: () => (charts ??= this.chartCollection(name)),
    });
    return ws;
  }

  /**
   * Worksheet.charts (Excel.ChartCollection, ExcelApi 1.1): add(type, sourceData, seriesBy) "creates a new chart";
   * getItem(name) "gets a chart using its name. If there are multiple charts with the same name, the first one will
   * be returned"; getItemOrNullObject(name) the same, or a null object. Charts on a protected sheet cannot change.
   */
  private chartCollection(sheetName: string): Mock {
    const coll = this.collection(() =>
      (this.host.sheet(sheetName)?.charts ?? []).map((c) => this.chart(sheetName, () => c, c.name))
    );
    const named = (name: string) => () => this.host.sheet(sheetName)?.charts.find((c) => c.name === name);
    coll.getItem = (name: string) => {
      const chart = this.chart(sheetName, named(name), name);
      this.enqueue(16, () => {
        if (!named(name)())
          throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: chart ${name}`);
      });
      return chart;
    };
    coll.getItemOrNullObject = (name: string) => {
      const chart = this.chart(sheetName, named(name), name);
      chart.isNullObject = !named(name)();
      return chart;
    };
    coll.add = (type: string, source: Mock, seriesBy = "Auto") => {
      const record: MockChart = {
        id: Math.random(),
        name: "",
        type,
        title: "",
        source: source.__address as string,
        seriesBy,
        seriesNames: [],
        seriesColors: [],
        categories: "",
        reversed: false,
        valueAxisAt: "Automatic",
        from: "",
        to: "",
      };
      this.enqueue(64, () => {
        const t = this.editable(sheetName);
        const b = parseAddress(record.source).bounds;
        const count = seriesBy === "Rows" ? b.bottom - b.top + 1 : b.right - b.left + 1;
        // Excel names a new chart "Chart N" and each series "Series N" until the add-in names them.
        record.name = `Chart ${t.charts.length + 1}`;
        record.seriesNames = Array.from({ length: count }, (_, i) => `Series${i + 1}`);
        record.seriesColors = Array.from({ length: count }, () => "");
        t.charts.push(record);
      });
      return this.chart(sheetName, () => record, "");
    };
    return coll;
  }

  /** A chart proxy; `find` gives its record when the queued write runs (the chart may be added in the same batch). */
  private chart(sheetName: string, find: () => MockChart | undefined, name: string): Mock {
    const chart = this.attach({ name, title: { text: "" } });
    const record = (): MockChart => {
      this.editable(sheetName);
      const r = find();
      if (!r) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: chart ${name}`);
      return r;
    };
    this.writable(chart, "name", (v: string) => (record().name = v));
    this.writable(chart.title, "text", (v: string) => (record().title = v));
    chart.setPosition = (start: string | Mock, end?: string | Mock) =>
      this.enqueue(32, () => {
        const cell = (x: string | Mock) => (typeof x === "string" ? a1(parseAddress(x).bounds) : (x.__address as string));
        const r = record();
        r.from = cell(start);
        r.to = end === undefined ? "" : cell(end);
      });
    chart.delete = () =>
      this.enqueue(32, () => {
        const r = record();
        const t = this.editable(sheetName);
        t.charts = t.charts.filter((c) => c !== r);
      });
    chart.series = {
      getItemAt: (i: number) => {
        const series = this.attach({ name: "" });
        this.writable(series, "name", (v: string) => {
          const r = record();
          if (i >= r.seriesNames.length) throw new OfficeError("ItemNotFound", `The chart has no series ${i}.`);
          r.seriesNames[i] = v;
        });
        // ChartSeries.format.fill (ChartFill, ExcelApi 1.1): setSolidColor(color) "Sets the fill formatting of a
        // chart element to a uniform color."
        series.format = {
          fill: {
            setSolidColor: (color: string) =>
              this.enqueue(32, () => {
                const r = record();
                if (i >= r.seriesColors.length) throw new OfficeError("ItemNotFound", `The chart has no series ${i}.`);
                r.seriesColors[i] = color;
              }),
          },
        };
        return series;
      },
    };
    // excel.chartaxis (ExcelApi 1.7/1.8): setCategoryNames(sourceData) "Sets all the category names for the specified
    // axis"; reversePlotOrder "Specifies if Excel plots data points from last to first"; position "Specifies the
    // specified axis position where the other axis crosses" (Automatic, Maximum, Minimum, Custom).
    const categoryAxis = this.attach({ reversePlotOrder: false, position: "Automatic" });
    categoryAxis.setCategoryNames = (source: Mock) =>
      this.enqueue(32, () => (record().categories = source.__address as string));
    this.writable(categoryAxis, "reversePlotOrder", (v: boolean) => (record().reversed = v));
    this.writable(categoryAxis, "position", (v: string) => (record().valueAxisAt = v));
    chart.axes = { categoryAxis };
    return chart;
  }

  private noteCollection(sheetName: string): Mock {
    if (this.host.apiVersion < 18) throw new Error("ApiNotFound: Worksheet.notes needs ExcelApi 1.18");
    const coll = this.collection(() =>
      [...(this.host.sheet(sheetName)?.notes ?? new Map<string, string>())].map(([cell, content]) =>
        this.note(sheetName, cell, content)
      )
    );
    coll.getItemOrNullObject = (key: string) => {
      const cell = a1(parseAddress(key).bounds);
      const content = this.host.sheet(sheetName)?.notes.get(cell);
      const n = this.note(sheetName, cell, content ?? "");
      n.isNullObject = content === undefined;
      return n;
    };
    coll.getItem = (key: string) => {
      const cell = a1(parseAddress(key).bounds);
      const n = this.note(sheetName, cell, this.host.sheet(sheetName)?.notes.get(cell) ?? "");
      this.enqueue(16, () => {
        if (!this.host.sheet(sheetName)?.notes.has(cell))
          throw new OfficeError("ItemNotFound", `The cell ${cell} has no note.`);
      });
      return n;
    };
    coll.add = (where: Mock | string, content: string) => {
      const cell = typeof where === "string" ? a1(parseAddress(where).bounds) : (where.__address as string);
      this.enqueue(32 + jsonBytes(content), () => {
        const target = this.editable(sheetName);
        if (target.notes.has(cell)) throw new OfficeError("InvalidArgument", `The cell ${cell} already has a note.`);
        if (target.comments.has(cell))
          throw new OfficeError("InvalidOperation", `The cell ${cell} has a threaded comment; it cannot also hold a note.`);
        target.notes.set(cell, content);
      });
    };
    return coll;
  }

  private commentCollection(sheetName: string): Mock {
    if (this.host.apiVersion < 10) throw new Error("ApiNotFound: Worksheet.comments needs ExcelApi 1.10");
    return this.collection(() =>
      [...(this.host.sheet(sheetName)?.comments ?? new Map<string, string>())].map(([cell, content]) => {
        const c = this.attach({ content });
        c.getLocation = () => this.range(sheetName, parseAddress(cell).bounds);
        return c;
      })
    );
  }

  private note(sheetName: string, cell: string, content: string): Mock {
    const n = this.attach({ content });
    n.getLocation = () => this.range(sheetName, parseAddress(cell).bounds);
    n.delete = () => this.enqueue(32, () => this.editable(sheetName).notes.delete(cell));
    // Note.content "Specifies the text of the note" (ExcelApi 1.18): it can be set.
    this.writable(n, "content", (text: string) => {
      const t = this.editable(sheetName);
      if (!t.notes.has(cell)) throw new OfficeError("ItemNotFound", `The cell ${cell} has no note.`);
      t.notes.set(cell, text);
    });
    return n;
  }

  private range(sheetName: string, b: Bounds): Mock {
    const grid = (pick: (row: number, col: number) => CellValue) => () => {
      const rows: CellValue[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row: CellValue[] = [];
        for (let c = b.left; c <= b.right; c++) row.push(pick(r, c));
        rows.push(row);
      }
      return rows;
    };
    const sheet = () => this.host.sheet(sheetName);
    const range = this.attach(
      {
        address: `${quote(sheetName)}!${a1(b)}`,
        rowIndex: b.top,
        columnIndex: b.left,
        rowCount: b.bottom - b.top + 1,
        columnCount: b.right - b.left + 1,
        format: { wrapText: false, verticalAlignment: "Bottom", columnWidth: 48, font: { bold: false } },
      },
      {
        values: grid((r, c) => sheet()?.values[r]?.[c] ?? ""),
        numberFormat: grid((r, c) => sheet()?.formats[r]?.[c] || "General"),
      }
    );
    range.__address = a1(b);
    this.writable(
      range,
      "values",
      (values: CellValue[][]) => {
        const target = this.editable(sheetName);
        values.forEach((row, r) =>
          row.forEach((v, c) => {
            const rr = b.top + r;
            const cc = b.left + c;
            while (target.values.length <= rr) target.values.push([]);
            const stored = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
            const covered = target.merges.some(
              (m) => rr >= m.top && rr <= m.bottom && cc >= m.left && cc <= m.right && (rr !== m.top || cc !== m.left)
            );
            if (covered) {
              if (stored !== "") this.host.coveredWrites.push({ sheet: sheetName, cell: `${columnLetter(cc)}${rr + 1}` });
              return;
            }
            target.values[rr][cc] = stored;
          })
        );
        this.host.raise("changed", this.host.changedArgs(sheetName, a1(b), "Local", true));
      },
      0
    );
    const cells = () => cellsOf(b, this.need(sheetName)).map((p) => `${columnLetter(p.col)}${p.row + 1}`);
    this.writable(range.format, "wrapText", (v: boolean) => {
      const t = this.editable(sheetName);
      for (const c of cells()) (v ? t.wrapped.add(c) : t.wrapped.delete(c));
    });
    this.writable(range.format, "verticalAlignment", () => this.editable(sheetName));
    this.writable(range.format, "columnWidth", (w: number) => {
      const t = this.editable(sheetName);
      for (let c = b.left; c <= b.right; c++) t.columnWidths.set(c, w);
    });
    this.writable(range.format.font, "bold", (v: boolean) => {
      const t = this.editable(sheetName);
      for (const c of cells()) (v ? t.bold.add(c) : t.bold.delete(c));
    });
    range.clear = (applyTo?: string) =>
      this.enqueue(32, () => {
        const t = this.editable(sheetName);
        if (applyTo !== "Contents") throw new Error("the stand-in clears contents only");
        for (const p of cellsOf(b, t)) if (t.values[p.row]) t.values[p.row][p.col] = "";
        this.host.raise("changed", this.host.changedArgs(sheetName, a1(b), "Local", true));
      });
    range.select = () =>
      this.enqueue(16, () => {
        this.need(sheetName);
        this.host.select(sheetName, a1(b));
      });
    range.getEntireColumn = () => this.range(sheetName, { top: 0, left: b.left, bottom: MAX_ROWS - 1, right: b.right });
    range.getMergedAreasOrNullObject = () => {
      const merges = (sheet()?.merges ?? []).filter((m) => intersects(m, b));
      if (merges.length > MAX_MERGED_AREAS)
        this.enqueue(16, () => {
          throw new OfficeError("GeneralException", `${merges.length} merged areas in ${a1(b)}: more than ${MAX_MERGED_AREAS}`);
        });
      const areas = this.areas(sheetName, merges);
      areas.isNullObject = merges.length === 0;
      return areas;
    };
    let cfs: Mock | null = null;
    Object.defineProperty(range, "conditionalFormats", { get: () => (cfs ??= this.ruleCollection(sheetName, b)) });
    let dv: Mock | null = null;
    Object.defineProperty(range, "dataValidation", { get: () => (dv ??= this.validation(sheetName, b)) });
    return range;
  }

  /** A RangeAreas of rectangles on one sheet. */
  private areas(sheetName: string, rects: Bounds[]): Mock {
    return this.attach({
      address: rects.map((m) => `${quote(sheetName)}!${a1(m)}`).join(", "),
      areaCount: rects.length,
    });
  }

  private ruleCollection(sheetName: string, b: Bounds): Mock {
    const coll = this.collection(() =>
      (this.host.sheet(sheetName)?.rules ?? [])
        .filter((r) => [r.bounds, ...(r.more ?? [])].some((x) => intersects(x, b)))
        .map((r) => {
          const item = this.attach({
            type: r.type,
            custom: { rule: { formula: `=${r.formula}` }, format: { fill: { color: r.fill }, font: { color: r.font } } },
          });
          const several = (r.more ?? []).length > 0;
          // "Throws an error if the conditional format is applied to multiple ranges."
          item.getRange = () => {
            if (several)
              this.enqueue(16, () => {
                throw new OfficeError("InvalidOperation", "The conditional format is applied to multiple ranges.");
              });
            return this.range(sheetName, r.bounds);
          };
          item.getRangeOrNullObject = () => {
            const range = this.range(sheetName, r.bounds);
            range.isNullObject = several;
            return range;
          };
          item.getRanges = () => this.areas(sheetName, [r.bounds, ...(r.more ?? [])]);
          item.delete = () =>
            this.enqueue(32, () => {
              const t = this.editable(sheetName);
              t.rules = t.rules.filter((x) => x.id !== r.id);
            });
          return item;
        })
    );
    coll.add = (type: string) => {
      if (type !== "Custom") throw new Error("the stand-in adds custom rules only");
      const record = { id: Math.random(), type: "Custom" as const, bounds: b, formula: "", fill: "", font: "" };
      this.enqueue(64, () => this.editable(sheetName).rules.push(record));
      const cf = this.attach({ custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } } });
      this.writable(cf.custom.rule, "formula", (v: string) => (record.formula = v.replace(/^=/, "")));
      this.writable(cf.custom.format.fill, "color", (v: string) => (record.fill = v));
      this.writable(cf.custom.format.font, "color", (v: string) => (record.font = v));
      return cf;
    };
    return coll;
  }

  private validation(sheetName: string, b: Bounds): Mock {
    const state = (): { type: string; alert: MockValidation | null } => {
      const sheet = this.host.sheet(sheetName);
      if (!sheet) return { type: "None", alert: null };
      const seen = cellsOf(b, sheet).map((p) => sheet.validations.get(`${p.row},${p.col}`));
      const first = seen[0];
      const same = seen.every((v) => JSON.stringify(v) === JSON.stringify(first));
      // "Mixed criteria means that the range has data validation present on some but not all cells."
      if (!same && seen.some((v) => v === undefined)) return { type: "MixedCriteria", alert: null };
      // "Inconsistent means that ... there are different rules on different cells."
      if (!same) return { type: "Inconsistent", alert: null };
      return first ? { type: first.type, alert: first } : { type: "None", alert: null };
    };
    const now = state();
    const dv = this.attach({
      type: now.type,
      ignoreBlanks: true,
      errorAlert: {
        showAlert: true,
        style: "Stop",
        title: now.alert?.title ?? "",
        message: now.alert?.message ?? "",
      },
    });
    const each = (fn: (key: string, sheet: MockSheet) => void) => {
      const t = this.editable(sheetName);
      for (const p of cellsOf(b, t)) fn(`${p.row},${p.col}`, t);
    };
    dv.clear = () => this.enqueue(32, () => each((k, t) => t.validations.delete(k)));
    // A rule is one value in Office (loading "rule" gives all of it), not a navigation property.
    this.quietly(() =>
      dv.setValue("rule", now.alert ? { list: { inCellDropDown: true, source: now.alert.source } } : {})
    );
    this.writable(dv, "rule", (rule: Excel.DataValidationRule) =>
      each((k, t) => t.validations.set(k, { type: "List", source: String(rule.list?.source ?? ""), title: "", message: "" }))
    );
    this.writable(dv, "errorAlert", (alert: Excel.DataValidationErrorAlert) =>
      each((k, t) => {
        const v = t.validations.get(k);
        if (v) t.validations.set(k, { ...v, title: alert.title ?? "", message: alert.message ?? "" });
      })
    );
    this.writable(dv, "ignoreBlanks", () => undefined);
    return dv;
  }
}

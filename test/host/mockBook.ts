/** The state of a workbook inside the Excel stand-in: what a person would see and what add-ins have added. */
export type CellValue = string | number | boolean;

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface MockRule {
  id: number;
  type: "Custom" | "ColorScale";
  bounds: Bounds;
  /** Further areas the rule applies to (a person copied or moved rows): the rule then covers several ranges. */
  more?: Bounds[];
  formula: string;
  fill: string;
  font: string;
}

export interface MockValidation {
  type: "List" | "WholeNumber";
  source: string;
  title: string;
  message: string;
}

/** A chart on a sheet (Worksheet.charts, ExcelApi 1.1), as far as Hyoka draws and removes charts. */
export interface MockChart {
  id: number;
  name: string;
  type: string;
  title: string;
  /** The address charts.add was given, and how its series run. */
  source: string;
  seriesBy: string;
  seriesNames: string[];
  /** Each series' fill (ChartFill.setSolidColor), "" where Excel chose it. */
  seriesColors: string[];
  /** The address given to the category axis (setCategoryNames), or "" when Excel numbers the categories. */
  categories: string;
  /** The category axis' reversePlotOrder, and where it has the value axis cross it (ChartAxis.position). */
  reversed: boolean;
  valueAxisAt: string;
  /** The cells under the chart's corners (setPosition), or "" where Excel put it. */
  from: string;
  to: string;
}

export interface MockSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  values: CellValue[][];
  formats: string[][];
  merges: Bounds[];
  rules: MockRule[];
  /** Keyed "row,col". */
  validations: Map<string, MockValidation>;
  /** Keyed by A1 address. */
  notes: Map<string, string>;
  /** Threaded comments (ExcelApi 1.10), keyed by A1 address: a cell holds a note or a threaded comment, not both. */
  comments: Map<string, string>;
  bold: Set<string>;
  wrapped: Set<string>;
  columnWidths: Map<number, number>;
  charts: MockChart[];
}

export interface MockBook {
  sheets: MockSheet[];
  workbookProtected: boolean;
}

/** Plain-JSON form of a book, to hand to the browser stand-in. */
export interface BookJson {
  sheets: {
    name: string;
    visibility?: MockSheet["visibility"];
    protected?: boolean;
    values: CellValue[][];
    formats?: string[][];
    merges?: Bounds[];
  }[];
}

export function emptySheet(name: string): MockSheet {
  return {
    name,
    visibility: "Visible",
    protected: false,
    values: [],
    formats: [],
    merges: [],
    rules: [],
    validations: new Map(),
    notes: new Map(),
    comments: new Map(),
    bold: new Set(),
    wrapped: new Set(),
    columnWidths: new Map(),
    charts: [],
  };
}

export function bookFromJson(json: BookJson): MockBook {
  return {
    workbookProtected: false,
    sheets: json.sheets.map((s) => ({
      ...emptySheet(s.name),
      visibility: s.visibility ?? "Visible",
      protected: s.protected ?? false,
      values: s.values.map((r) => [...r]),
      formats: (s.formats ?? []).map((r) => [...r]),
      merges: (s.merges ?? []).map((m) => ({ ...m })),
    })),
  };
}

/** A deep copy, to compare a book before and after. */
export function cloneBook(book: MockBook): MockBook {
  return {
    workbookProtected: book.workbookProtected,
    sheets: book.sheets.map((s) => ({
      ...s,
      values: s.values.map((r) => [...r]),
      formats: s.formats.map((r) => [...r]),
      merges: s.merges.map((m) => ({ ...m })),
      rules: s.rules.map((r) => ({ ...r, bounds: { ...r.bounds }, ...(r.more ? { more: r.more.map((m) => ({ ...m })) } : {}) })),
      validations: new Map([...s.validations].map(([k, v]) => [k, { ...v }])),
      notes: new Map(s.notes),
      comments: new Map(s.comments),
      bold: new Set(s.bold),
      wrapped: new Set(s.wrapped),
      columnWidths: new Map(s.columnWidths),
      charts: s.charts.map((c) => ({ ...c, seriesNames: [...c.seriesNames], seriesColors: [...c.seriesColors] })),
    })),
  };
}

/** The parts of a book a comparison should see (Maps and Sets as sorted arrays). */
export function bookState(book: MockBook): unknown {
  return book.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    values: trimValues(s.values),
    formats: s.formats,
    merges: s.merges,
    rules: s.rules.map(({ id: _id, ...r }) => r),
    validations: [...s.validations].sort(),
    notes: [...s.notes].sort(),
    comments: [...s.comments].sort(),
    bold: [...s.bold].sort(),
    wrapped: [...s.wrapped].sort(),
    columnWidths: [...s.columnWidths].sort(),
    charts: s.charts.map(({ id: _id, ...c }) => c),
  }));
}

function trimValues(values: CellValue[][]): CellValue[][] {
  const rows = values.map((r) => {
    const out = [...r];
    while (out.length > 0 && (out[out.length - 1] === "" || out[out.length - 1] === undefined)) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

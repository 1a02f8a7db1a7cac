import { rangeBounds, type SheetGrid } from "./grid";
import { META_SHEET } from "./recognize";

/**
 * A chart Hyoka drew of the tally: where it is, what it shows and its name, so a later run or `clear` removes it (and
 * a failed write can draw it again) without touching a person's charts on the same sheet.
 */
export interface ChartSpec {
  sheet: string;
  name: string;
  title: string;
  /** The category labels (経営課題1, 経営課題2, …), an A1 range on `sheet`. */
  categories: string;
  /** One stacked series per column: 達成, then 未達成; colours as #RRGGBB. */
  series: { name: string; values: string; color?: string }[];
  /** The cells under the chart's top-left and bottom-right corners. */
  from: string;
  to: string;
}

/** What Hyoka wrote outside formats, validations and notes: kept in the veryHidden sheet `_hyoka`. */
export interface HyokaMeta {
  version: 1;
  written: { sheet: string; range: string }[];
  created: string[];
  /** Ranges where Hyoka set its dropdowns: Excel cannot list validations, so a later run looks here. */
  validated: { sheet: string; range: string }[];
  /** Hyoka's charts; absent in records written before Hyoka drew charts (read as none). */
  charts: ChartSpec[];
}

export const EMPTY_META: HyokaMeta = { version: 1, written: [], created: [], validated: [], charts: [] };

const A1_RANGE = /^[A-Z]+\d+(:[A-Z]+\d+)?$/;
const A1_CELL = /^[A-Z]+\d+$/;

function chartList(value: unknown): ChartSpec[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c) =>
      typeof c?.sheet === "string" &&
      typeof c?.name === "string" &&
      typeof c?.title === "string" &&
      typeof c?.categories === "string" &&
      A1_RANGE.test(c.categories) &&
      Array.isArray(c?.series) &&
      c.series.every(
        (s: unknown) =>
          typeof (s as ChartSpec["series"][number])?.name === "string" &&
          typeof (s as ChartSpec["series"][number])?.values === "string" &&
          A1_RANGE.test((s as ChartSpec["series"][number]).values) &&
          ["undefined", "string"].includes(typeof (s as ChartSpec["series"][number]).color)
      ) &&
      typeof c?.from === "string" &&
      A1_CELL.test(c.from) &&
      typeof c?.to === "string" &&
      A1_CELL.test(c.to)
  );
}

function rangeList(value: unknown): { sheet: string; range: string }[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (w) =>
      typeof w?.sheet === "string" &&
      typeof w?.range === "string" &&
      A1_RANGE.test(w.range)
  );
}

/** Hyoka's record from the `_hyoka` sheet, or an empty one. */
export function readMeta(grids: SheetGrid[]): HyokaMeta {
  const sheet = grids.find((g) => g.name === META_SHEET);
  const text = sheet?.cells[0]?.[0];
  if (!text) return EMPTY_META;
  try {
    const parsed = JSON.parse(text) as Partial<HyokaMeta>;
    return {
      version: 1,
      written: rangeList(parsed.written),
      created: Array.isArray(parsed.created)
        ? parsed.created.filter((c) => typeof c === "string")
        : [],
      validated: rangeList(parsed.validated),
      charts: chartList(parsed.charts),
    };
  } catch {
    return EMPTY_META;
  }
}

/**
 * The workbook as it is without what earlier runs of Hyoka wrote: its own sheets gone and the summary
 * ranges it filled emptied. Judging this, rather than the workbook as it is, makes a re-run change nothing.
 */
export function withoutHyokaWrites(grids: SheetGrid[]): SheetGrid[] {
  const meta = readMeta(grids);
  if (meta.written.length === 0 && meta.created.length === 0)
    return grids.filter((g) => g.name !== META_SHEET);
  return grids
    .filter((g) => g.name !== META_SHEET && !meta.created.includes(g.name))
    .map((g) => {
      const mine = meta.written.filter((w) => w.sheet === g.name).map((w) => rangeBounds(w.range));
      if (mine.length === 0) return g;
      const cells = g.cells.map((row, r) =>
        row.map((text, c) =>
          mine.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) ? "" : text
        )
      );
      return { ...g, cells };
    });
}

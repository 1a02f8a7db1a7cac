import ExcelJS from "exceljs";
import { rangeBounds } from "../src/core/grid";

/**
 * Evaluation workbooks of any size in the sample's layout: the sample's own header rows, merges and data rows
 * (multi-line targets and actuals, percentages, recorded codes), repeated under new codes, each copy's texts made
 * its own (tagOf) so that no cache gets the help of repeated strings.
 */
export interface SyntheticShape {
  initiatives: number;
  issues: number;
  strategies: number;
  outcomeRows: number;
}

const PER_STRATEGY = 10;
const STRATEGIES_PER_ISSUE = 50;
const OUTCOME_TEMPLATE = { sheet: "1 めざす成果及び戦略", header: 5, block: [6, 8] as const };
const INITIATIVE_TEMPLATE = { sheet: "1 具体的取組", header: 4, rows: [5, 10] as const };

function copyRow(from: ExcelJS.Worksheet, fromRow: number, to: ExcelJS.Worksheet, toRow: number, edit?: (col: number, v: ExcelJS.CellValue) => ExcelJS.CellValue): void {
  from.getRow(fromRow).eachCell({ includeEmpty: false }, (cell, col) => {
    if (cell.isMerged && cell.master.address !== cell.address) return;
    const target = to.getCell(toRow, col);
    target.value = edit ? edit(col, cell.value) : cell.value;
    if (cell.numFmt) target.numFmt = cell.numFmt;
  });
}

/** The sheet's merges lying within rows top..bottom, 1-based as ExcelJS's mergeCells takes them. */
function mergesWithin(ws: ExcelJS.Worksheet, top: number, bottom: number): { top: number; left: number; bottom: number; right: number }[] {
  return ((ws.model as { merges?: string[] }).merges ?? [])
    .map(rangeBounds)
    .map((m) => ({ top: m.top + 1, left: m.left + 1, bottom: m.bottom + 1, right: m.right + 1 }))
    .filter((m) => m.top >= top && m.bottom <= bottom);
}

function replaceText(v: ExcelJS.CellValue, from: RegExp, to: string): ExcelJS.CellValue {
  if (typeof v === "string") return v.replace(from, to);
  if (v && typeof v === "object" && "richText" in v)
    return { richText: v.richText.map((r) => ({ ...r, text: r.text.replace(from, to) })) };
  return v;
}

const TAG_DIGITS = "アイウエオカキクケコ";

/**
 * A word of katakana unique to each copy, written after every の of its texts: targets, thresholds and actuals
 * keep their shape and still pair up, but no two initiatives share a label, as in a real workbook.
 */
function tagOf(n: number): string {
  return [...String(n)].map((d) => TAG_DIGITS[Number(d)]).join("");
}

function varyText(v: ExcelJS.CellValue, tag: string): ExcelJS.CellValue {
  return replaceText(v, /の/g, `の${tag}`);
}

export function shapeFor(initiatives: number): SyntheticShape {
  const strategies = Math.ceil(initiatives / PER_STRATEGY);
  const issues = Math.ceil(strategies / STRATEGIES_PER_ISSUE);
  const [top, bottom] = OUTCOME_TEMPLATE.block;
  return { initiatives, issues, strategies, outcomeRows: strategies * (bottom - top + 1) };
}

export function syntheticWorkbook(template: ExcelJS.Workbook, initiatives: number): ExcelJS.Workbook {
  const out = new ExcelJS.Workbook();
  const outcomeT = template.getWorksheet(OUTCOME_TEMPLATE.sheet)!;
  const initiativeT = template.getWorksheet(INITIATIVE_TEMPLATE.sheet)!;
  const [blockTop, blockBottom] = OUTCOME_TEMPLATE.block;
  const blockHeight = blockBottom - blockTop + 1;
  const blockMerges = mergesWithin(outcomeT, blockTop, blockBottom);
  const [firstRow, lastRow] = INITIATIVE_TEMPLATE.rows;
  const strategies = Math.ceil(initiatives / PER_STRATEGY);
  let made = 0;
  for (let issue = 1, s0 = 0; s0 < strategies; issue++, s0 += STRATEGIES_PER_ISSUE) {
    const count = Math.min(STRATEGIES_PER_ISSUE, strategies - s0);
    const outcome = out.addWorksheet(`${issue} めざす成果及び戦略`);
    const plan = out.addWorksheet(`${issue} 具体的取組`);
    for (let r = 1; r <= OUTCOME_TEMPLATE.header; r++) copyRow(outcomeT, r, outcome, r);
    for (const m of mergesWithin(outcomeT, 1, OUTCOME_TEMPLATE.header)) outcome.mergeCells(m.top, m.left, m.bottom, m.right);
    for (let r = 1; r <= INITIATIVE_TEMPLATE.header; r++) copyRow(initiativeT, r, plan, r);
    for (const m of mergesWithin(initiativeT, 1, INITIATIVE_TEMPLATE.header)) plan.mergeCells(m.top, m.left, m.bottom, m.right);
    let planRow = INITIATIVE_TEMPLATE.header + 1;
    for (let s = 1; s <= count; s++) {
      const top = OUTCOME_TEMPLATE.header + 1 + (s - 1) * blockHeight;
      for (let r = 0; r < blockHeight; r++)
        copyRow(outcomeT, blockTop + r, outcome, top + r, (col, v) =>
          col <= 2 && s > 1
            ? null
            : varyText(replaceText(v, /【\s*1\s*-\s*1\s*】/, `【${issue}-${s}】`), tagOf(s0 + s))
        );
      for (const m of blockMerges)
        outcome.mergeCells(top + m.top - blockTop, m.left, top + m.bottom - blockTop, m.right);
      for (let i = 1; i <= PER_STRATEGY && made < initiatives; i++, made++) {
        const from = firstRow + ((s * PER_STRATEGY + i) % (lastRow - firstRow + 1));
        copyRow(initiativeT, from, plan, planRow++, (col, v) =>
          col === 1
            ? `（${s}）㋐ 戦略${issue}-${s}の推進`
            : varyText(replaceText(v, /【\s*\d+\s*-\s*\d+\s*-\s*\d+\s*】/, `【${issue}-${s}-${i}】`), tagOf(made))
        );
      }
    }
  }
  return out;
}

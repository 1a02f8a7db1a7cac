import type ExcelJS from "exceljs";
import { columnLetter, parseA1, rangeBounds } from "../core/grid";
import {
  FORMULA_MARK,
  metaIsEmpty,
  NOTE_PREFIX,
  VALIDATION_TITLE,
  type WritePlan,
} from "../core/plan";
import { META_SHEET } from "../core/recognize";

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

function cellsOf(range: string): string[] {
  const b = rangeBounds(range);
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r++)
    for (let c = b.left; c <= b.right; c++) out.push(`${columnLetter(c)}${r + 1}`);
  return out;
}

function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * ExcelJS has no call to remove a note. A note read from a file lives twice, on the cell and in the model
 * of its value (which is what gets written), so both go.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const inner = cell as unknown as {
    _comment?: unknown;
    _value?: { model?: { comment?: unknown } };
  };
  inner._comment = undefined;
  if (inner._value?.model) delete inner._value.model.comment;
}

type ValidationModel = Record<string, ExcelJS.DataValidation & { errorTitle?: string }>;

function validationsOf(ws: ExcelJS.Worksheet): ValidationModel {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;
}

/** Removes from a sheet the conditional formats, validations and notes that carry Hyoka's marker, and nothing else. */
function removeMarked(ws: ExcelJS.Worksheet): void {
  const sheet = ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
  sheet.conditionalFormattings = sheet.conditionalFormattings.filter(
    (cf) =>
      !cf.rules.every(
        (rule) =>
          "formulae" in rule &&
          ((rule.formulae ?? []) as unknown[]).some((f) => String(f).includes(FORMULA_MARK))
      )
  );
  const model = validationsOf(ws);
  for (const [address, dv] of Object.entries(model))
    if (dv?.errorTitle === VALIDATION_TITLE) delete model[address];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (noteText(cell.note as ExcelJS.Comment | string | undefined).startsWith(NOTE_PREFIX))
        removeNote(cell);
    })
  );
}

export interface ApplyOutcome {
  /** Cells whose own note or validation a person set: Hyoka left them alone. */
  skipped: { sheet: string; cell: string; what: "note" | "validation" }[];
}

/** Carries out a write plan on an ExcelJS workbook: first remove what Hyoka added before, then add the new. */
export function applyPlanToWorkbook(workbook: ExcelJS.Workbook, plan: WritePlan): ApplyOutcome {
  const skipped: ApplyOutcome["skipped"] = [];
  if (plan.replace.marks) for (const ws of workbook.worksheets) removeMarked(ws);
  const previousSummaries = plan.replace.summaries ? plan.previous : { created: [], written: [] };
  for (const name of previousSummaries.created) {
    const ws = workbook.getWorksheet(name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  for (const w of previousSummaries.written) {
    const ws = workbook.getWorksheet(w.sheet);
    if (!ws) continue;
    for (const address of cellsOf(w.range)) {
      ws.getCell(address).value = null;
    }
  }
  const meta = workbook.getWorksheet(META_SHEET);
  if (meta) workbook.removeWorksheet(meta.id);

  for (const f of plan.formats) {
    const ws = workbook.getWorksheet(f.sheet);
    if (!ws) continue;
    ws.addConditionalFormatting({
      ref: f.range,
      rules: f.rules.map((r, i) => ({
        type: "expression",
        priority: i + 1,
        formulae: [r.formula],
        style: {
          fill: {
            type: "pattern",
            pattern: "solid",
            bgColor: { argb: argb(r.fill) },
            fgColor: { argb: argb(r.fill) },
          },
          font: { color: { argb: argb(r.font) } },
        },
      })),
    });
  }
  for (const v of plan.validations) {
    const ws = workbook.getWorksheet(v.sheet);
    if (!ws) continue;
    const model = validationsOf(ws);
    const validation = {
      type: "list" as const,
      allowBlank: true,
      formulae: [`"${v.list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: VALIDATION_TITLE,
      error: v.message,
    };
    const cells = cellsOf(v.range);
    const own = new Set(
      cells.filter((address) => {
        const dv = model[address];
        return dv && dv.type && dv.errorTitle !== VALIDATION_TITLE;
      })
    );
    for (const address of own) skipped.push({ sheet: v.sheet, cell: address, what: "validation" });
    // One entry for the whole column range (as Excel stores it), unless a person's own validation is inside it.
    if (own.size === 0) {
      for (const address of cells) delete model[address];
      model[v.range] = validation;
    } else {
      for (const address of cells) if (!own.has(address)) model[address] = validation;
    }
  }
  for (const n of plan.notes) {
    const ws = workbook.getWorksheet(n.sheet);
    if (!ws) continue;
    const cell = ws.getCell(n.cell);
    if (noteText(cell.note as ExcelJS.Comment | string | undefined) !== "") {
      skipped.push({ sheet: n.sheet, cell: n.cell, what: "note" });
      continue;
    }
    cell.note = { texts: [{ text: n.text }], editAs: "absolute" } as ExcelJS.Comment;
  }
  // One style object for every cell of a sheet Hyoka creates: ExcelJS indexes styles by object, so a shared one is
  // written once instead of being compared for each of a city's thousands of summary cells.
  const wrap: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: "top" } };
  const wrapBold: Partial<ExcelJS.Style> = { ...wrap, font: { bold: true } };
  for (const s of plan.summaries) {
    const ws = s.create ? workbook.addWorksheet(s.sheet) : workbook.getWorksheet(s.sheet);
    if (!ws) continue;
    for (const block of s.blocks) {
      const origin = parseA1(block.anchor);
      block.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === "") return;
          const cell = ws.getCell(origin.row + r + 1, origin.col + c + 1);
          cell.value = value;
          // Only Hyoka's own sheets get its formatting; a template keeps its own.
          if (s.create) cell.style = wrap;
        })
      );
    }
    for (const b of s.bold) {
      const cell = ws.getCell(b);
      // A template's cells share their loaded style with others, so it is copied, never changed in place.
      cell.style = s.create
        ? wrapBold
        : { ...cell.style, font: { ...cell.style.font, bold: true } };
    }
    s.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  if (plan.meta && !metaIsEmpty(plan.meta)) {
    const ws = workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
    ws.getCell("A1").value = JSON.stringify(plan.meta);
  }
  return { skipped };
}

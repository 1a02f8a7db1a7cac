/**
 * The Excel stand-in does what Microsoft's reference says Excel does, where Hyoka's adapter depends on it. Each test
 * names the page on learn.microsoft.com and the source file it is built from (repository
 * OfficeDev/office-js-docs-reference for the API reference, OfficeDev/office-js-docs-pr for the articles).
 * Where the reference says a call fails but names no error code, the stand-in's code is its own choice; the adapter
 * never relies on that code.
 */
import { MAX_MERGED_AREAS, MAX_SHEET_NAME, MockExcelHost, OfficeError } from "./mockExcel";
import { emptySheet, type MockBook } from "./mockBook";

function book(): MockBook {
  const sheet = emptySheet("Sheet1");
  sheet.values = Array.from({ length: 700 }, (_, r) => [`r${r + 1}`, "", "x"]);
  return { sheets: [sheet], workbookProtected: false };
}

async function failure(p: Promise<unknown>): Promise<OfficeError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(OfficeError);
  return error as OfficeError;
}

describe("the Excel stand-in, as the Office.js reference documents Excel", () => {
  test("ConditionalFormat.getRange() throws for a format on several ranges; getRangeOrNullObject is null; getRanges gives all", async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-getrange-member(1)
    // (docs/docs-ref-autogen/excel/excel/excel.conditionalformat.yml): getRange() "Throws an error if the conditional
    // format is applied to multiple ranges."; getRangeOrNullObject() "If the conditional format is applied to multiple
    // ranges, then this method returns an object with its `isNullObject` property set to `true`"; getRanges() (ExcelApi
    // 1.9) "Returns the `RangeAreas`, comprising one or more rectangular ranges, to which the conditional format is
    // applied." RangeAreas.address (excel.rangeareas.yml): "Sheet1!A1:B4, Sheet1!D1:D4".
    const b = book();
    b.sheets[0].rules.push({
      id: 1,
      type: "Custom",
      bounds: { top: 0, left: 0, bottom: 4, right: 0 },
      more: [{ top: 9, left: 0, bottom: 11, right: 0 }],
      formula: "A1>0",
      fill: "#FF0000",
      font: "#000000",
    });
    const h = new MockExcelHost(b);
    const context = h.context();
    const cfs = context.workbook.worksheets
      .getItem("Sheet1")
      .getRange()
      .conditionalFormats.load("items/type");
    await context.sync();
    const item = cfs.items[0];
    const orNull = item.getRangeOrNullObject();
    const areas = item.getRanges().load("address,areaCount");
    await context.sync();
    expect(orNull.isNullObject).toBe(true);
    expect(areas.address).toBe("Sheet1!A1:A5, Sheet1!A10:A12");
    expect(areas.areaCount).toBe(2);
    item.getRange().load("address");
    await failure(context.sync());
  });

  test("getMergedAreasOrNullObject fails past 512 merged areas in the range, and answers at 512", async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
    // (docs/docs-ref-autogen/excel/excel/excel.range.yml): "Note that if the merged areas count in this range is more
    // than 512, then this method will fail to return the result."
    expect(MAX_MERGED_AREAS).toBe(512);
    const b = book();
    b.sheets[0].merges = Array.from({ length: 600 }, (_, r) => ({
      top: r,
      left: 0,
      bottom: r,
      right: 1,
    }));
    const h = new MockExcelHost(b);
    const context = h.context();
    const ws = context.workbook.worksheets.getItem("Sheet1");
    const first512 = ws.getRange("A1:B512").getMergedAreasOrNullObject().load("areaCount");
    await context.sync();
    expect(first512.areaCount).toBe(512);
    ws.getRange("A1:B513").getMergedAreasOrNullObject().load("address");
    await failure(context.sync());
    ws.getRange().getMergedAreasOrNullObject().load("address");
    await failure(context.sync());
  });

  test("a range validated on some cells but not all reads MixedCriteria; different rules read Inconsistent", async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.datavalidationtype
    // (docs/docs-ref-autogen/excel/excel/excel.datavalidationtype.yml): mixedCriteria "means that the range has data
    // validation present on some but not all cells"; inconsistent "means that the range has inconsistent data
    // validation, indicating that there are different rules on different cells."
    const b = book();
    const list = { type: "List" as const, source: "①,②", title: "Hyoka", message: "" };
    for (let r = 0; r < 5; r++) b.sheets[0].validations.set(`${r},2`, list);
    b.sheets[0].validations.set("6,2", { ...list, source: "A,B" });
    const h = new MockExcelHost(b);
    const context = h.context();
    const ws = context.workbook.worksheets.getItem("Sheet1");
    const whole = ws.getRange("C1:C5").dataValidation.load("type");
    const grown = ws.getRange("C1:C6").dataValidation.load("type");
    const differing = ws.getRange("C5:C7").dataValidation.load("type");
    const differingAll = ws.getRange("C1:C7").dataValidation.load("type");
    await context.sync();
    expect(whole.type).toBe("List");
    expect(grown.type).toBe("MixedCriteria");
    expect(differing.type).toBe("MixedCriteria"); // C6 has none
    b.sheets[0].validations.set("5,2", list);
    const full = context.workbook.worksheets
      .getItem("Sheet1")
      .getRange("C1:C7")
      .dataValidation.load("type");
    await context.sync();
    expect(differingAll.type).toBe("MixedCriteria");
    expect(full.type).toBe("Inconsistent");
  });

  test("a note cannot be added on a cell that holds a threaded comment; comments need ExcelApi 1.10", async () => {
    // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes (OfficeDev/office-js-docs-pr,
    // docs/excel/excel-add-ins-notes.md) sends readers to "The difference between threaded comments and notes"
    // (support.microsoft.com): a cell holds a threaded comment or a note, and Excel offers no note on a cell with a
    // comment. The reference names no error code for NoteCollection.add here; the stand-in's is its own.
    // Worksheet.comments: "[API set: ExcelApi 1.10]" (docs/docs-ref-autogen/excel/excel/excel.worksheet.yml).
    const b = book();
    b.sheets[0].comments.set("C3", "ここは要確認（山田）");
    const h = new MockExcelHost(b);
    const context = h.context();
    const ws = context.workbook.worksheets.getItem("Sheet1");
    const comments = ws.comments.load("items/content");
    await context.sync();
    const where = comments.items[0].getLocation().load("address");
    await context.sync();
    expect(where.address).toBe("Sheet1!C3");
    ws.notes.add(ws.getRange("C3"), "[Hyoka] note");
    await failure(context.sync());
    expect(b.sheets[0].notes.size).toBe(0);
    expect(
      () =>
        new MockExcelHost(book(), { apiVersion: 9 }).context().workbook.worksheets.getItem("Sheet1")
          .comments
    ).toThrow(/ExcelApi 1.10/);
  });

  test("an oversized request or response on the web fails, as the payload codes or as a bare GeneralException", async () => {
    // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
    // (OfficeDev/office-js-docs-pr, docs/concepts/resource-limits-and-performance-optimization.md): "Excel on the web
    // has a payload size limit for requests and responses of **5MB**. `RichAPI.Error` will be thrown if that limit is
    // exceeded." Excel on the web has reported it as "GeneralException, An internal error has occurred."
    // (github.com/OfficeDev/office-js/issues/1314; github.com/OfficeDev/office-js-docs-reference/issues/354).
    for (const [oversizedAs, code] of [
      ["payloadCodes", "ResponsePayloadSizeLimitExceeded"],
      ["generalException", "GeneralException"],
    ] as const) {
      const h = new MockExcelHost(book(), { payloadLimit: 2_000, oversizedAs });
      const context = h.context();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C700").load("values");
      expect((await failure(context.sync())).code).toBe(code);
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C3").values = [
        ["x".repeat(3_000), "", ""],
        ["", "", ""],
        ["", "", ""],
      ];
      expect((await failure(context.sync())).code).toBe(
        oversizedAs === "generalException" ? "GeneralException" : "RequestPayloadSizeLimitExceeded"
      );
    }
  });

  test("a worksheet name must be fewer than 32 characters", async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-name-member
    // (docs/docs-ref-autogen/excel/excel/excel.worksheet.yml): "The name must be fewer than 32 characters."
    expect(MAX_SHEET_NAME).toBe(31);
    const h = new MockExcelHost(book());
    const context = h.context();
    context.workbook.worksheets.add("あ".repeat(31));
    await context.sync();
    context.workbook.worksheets.add("い".repeat(32));
    await failure(context.sync());
    expect(h.book.sheets.map((s) => s.name.length)).toEqual([6, 31]);
  });

  test("while a cell is edited, a batch without delayForCellEdit fails with InvalidOperation (or the cell-edit code)", async () => {
    // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit (OfficeDev/office-js-docs-pr,
    // docs/excel/excel-add-ins-delay-in-cell-edit.md): with delayForCellEdit false, "Batch fails (`InvalidOperation`
    // error)"; with true, "Batch waits; then runs after edit is committed or canceled". The error table
    // (docs/testing/application-specific-api-error-handling.md) also lists `InvalidOperationInCellEditMode`.
    for (const code of ["InvalidOperation", "InvalidOperationInCellEditMode"] as const) {
      const h = new MockExcelHost(book(), { cellEditError: code });
      h.editing = true;
      expect((await failure(h.run(async () => "ran"))).code).toBe(code);
      setTimeout(() => (h.editing = false), 20);
      await expect(h.run({ delayForCellEdit: true }, async () => "ran")).resolves.toBe("ran");
    }
  });

  test("walking the sheets with getNextOrNullObject ends in null objects; an empty sheet's used range is null", async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getnextornullobject-member(1)
    // (excel.worksheet.yml): "If there are no worksheets following this one, then this method returns an object with
    // its `isNullObject` property set to `true`"; getUsedRangeOrNullObject: "If the entire worksheet is blank, then
    // this method returns an object with its `isNullObject` property set to `true`".
    const b = book();
    b.sheets.push(emptySheet("空"));
    const h = new MockExcelHost(b);
    const context = h.context();
    const first = context.workbook.worksheets.getFirst().load("name");
    const second = first.getNextOrNullObject().load("name");
    const third = second.getNextOrNullObject().load("name");
    const emptyUsed = second.getUsedRangeOrNullObject(true).load("rowCount");
    const used = first.getUsedRangeOrNullObject(true).load("rowCount,columnCount");
    await context.sync();
    expect([first.name, second.name, third.isNullObject]).toEqual(["Sheet1", "空", true]);
    expect(emptyUsed.isNullObject).toBe(true);
    expect([used.rowCount, used.columnCount]).toEqual([700, 3]);
  });
});

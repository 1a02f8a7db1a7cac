import { childSpans, rootSpan, attributes } from "../../src/xlsx/xmlSpans";
import { patchWorksheet, worksheetFacts } from "../../src/xlsx/worksheetEdit";

/** Element order of CT_Worksheet: ECMA-376 Part 1, 18.3.1.99 (conditionalFormatting, dataValidations, hyperlinks…). */
const SHEET =
  '<?xml version="1.0"?>\n<worksheet xmlns="main" xmlns:r="rel"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;/sheetData&gt; b</t></is></c></row></sheetData>' +
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' +
  '<!-- a comment with <dataValidations> in it -->' +
  '<hyperlinks><hyperlink ref="A1" r:id="rId1" display="x &gt; y"/></hyperlinks>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations xmlns:x14="x14" xmlns:xm="xm" count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>コード!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>C2:C4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>';

const names = (xml: string) => childSpans(xml, rootSpan(xml)).map((c) => c.local);

describe("patching a worksheet's XML", () => {
  test("elements are found past comments, escaped text and '>' in attribute values", () => {
    expect(names(SHEET)).toEqual(["sheetData", "mergeCells", "hyperlinks", "pageMargins", "extLst"]);
    const hyperlinks = childSpans(SHEET, rootSpan(SHEET))[2];
    expect(attributes(SHEET, childSpans(SHEET, hyperlinks)[0]).display).toBe("x > y");
  });

  test("new elements go where the schema orders them; taking them out gives the same text back", () => {
    const patched = patchWorksheet(SHEET, {
      removeMarks: true,
      formats: ['<conditionalFormatting sqref="B2:B4"><cfRule type="expression" dxfId="0" priority="1"><formula>AND(N("hyoka")=0)</formula></cfRule></conditionalFormatting>'],
      validations: ['<dataValidation type="list" errorTitle="Hyoka" sqref="B2:B4"><formula1>"a,b"</formula1></dataValidation>'],
      legacyDrawing: '<legacyDrawing r:id="hyokaVml"/>',
    });
    expect(names(patched)).toEqual([
      "sheetData",
      "mergeCells",
      "conditionalFormatting",
      "dataValidations",
      "hyperlinks",
      "pageMargins",
      "legacyDrawing",
      "extLst",
    ]);
    const back = patchWorksheet(patched, { removeMarks: true, removeLegacyDrawing: new Set(["hyokaVml"]), formats: [], validations: [] });
    expect(back).toBe(SHEET);
  });

  test("a person's x14 validation in extLst is seen as theirs", () => {
    expect(worksheetFacts(SHEET).personValidations).toEqual([{ top: 1, left: 2, bottom: 3, right: 2 }]);
  });
});

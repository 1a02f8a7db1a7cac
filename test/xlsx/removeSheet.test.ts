import { PackageEdit } from "../../src/xlsx/packageEdit";
import { removeSheet } from "../../src/xlsx/sheetsEdit";
import { ZipPackage } from "../../src/xlsx/zipPackage";
import { makeZip } from "../helpers/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook whose sheet B (Hyoka's, say) was moved by a person between A and C, with names and views after it. */
async function book(): Promise<PackageEdit> {
  const sheet = `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
  const rels = ["A", "B", "C"]
    .map((n, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const zip = makeZip([
    { name: "[Content_Types].xml", data: Buffer.from(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`) },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews>` +
          `<sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId3"/></sheets>` +
          `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">C!$A$1:$B$2</definedName>` +
          `<definedName name="_xlnm.Print_Area" localSheetId="1">B!$A$1</definedName><definedName name="全体">A!$A$1</definedName></definedNames></workbook>`
      ),
    },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    ...[1, 2, 3].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: Buffer.from(sheet) })),
  ]);
  return new PackageEdit(await ZipPackage.open(zip));
}

describe("removing a sheet that is not the last", () => {
  test("names scoped to later sheets and the active tab follow their sheets; the removed sheet's name goes", async () => {
    const edit = await book();
    expect(await removeSheet(edit, "xl/workbook.xml", "B")).toBe(true);
    const xml = await edit.text("xl/workbook.xml");
    expect(xml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">C!$A$1:$B$2</definedName>');
    expect(xml).not.toContain("B!$A$1");
    expect(xml).toContain('<definedName name="全体">A!$A$1</definedName>');
    expect(xml).toContain('<workbookView activeTab="1" firstSheet="1"/>');
    expect(edit.has("xl/worksheets/sheet2.xml")).toBe(false);
    expect(await edit.text("[Content_Types].xml")).not.toContain("sheet2.xml");
    expect((await edit.relationships("xl/workbook.xml")).map((r) => r.id)).toEqual(["rId1", "rId3"]);
  });
});

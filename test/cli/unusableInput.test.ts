import { spawn } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { capture } from "../helpers/io";
import { makeZip } from "../helpers/zip";
import { SAMPLE } from "../helpers/seed";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-unusable-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A valid workbook written by hand (no library): one sheet, a budget table, nothing of the evaluation. */
function budgetWorkbook(): Buffer {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, "utf8");
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  return makeZip([
    {
      name: "[Content_Types].xml",
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          "</Types>"
      ),
    },
    {
      name: "_rels/.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
      ),
    },
    {
      name: "xl/workbook.xml",
      data: xml(`<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="予算" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: xml(
        `<worksheet ${ns}><sheetData><row r="1">${cell("A1", "事業名")}${cell("B1", "予算額")}</row>` +
          `<row r="2">${cell("A2", "地域活動協議会への支援")}${cell("B2", "263千円")}</row></sheetData></worksheet>`
      ),
    },
  ]);
}

describe("input Hyoka cannot use", () => {
  test("a workbook with no evaluation sheet: exit 2, the file named, the headers looked for, nothing written", async () => {
    const file = path.join(dir, "予算.xlsx");
    const out = path.join(dir, "予算.checked.xlsx");
    await fs.writeFile(file, budgetWorkbook());
    const c = capture();
    expect(await main(["check", file, "--out", out], c.io)).toBe(2);
    const err = c.err.join("\n");
    expect(err).toContain(file);
    expect(err).toContain("評価シートが見つかりません（シート: 予算");
    expect(err).toContain("業績目標");
    expect(err).toContain("no evaluation sheet found");
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test("`hyoka check … | head`: a reader that closes the pipe ends the output quietly, exit 0", async () => {
    const bin = path.resolve(__dirname, "../../bin/hyoka.js");
    const child = spawn(process.execPath, [bin, "check", SAMPLE, "--json", "-"], { stdio: ["ignore", "pipe", "pipe"] });
    // The reader goes away at once, as `head -1` does after its line.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

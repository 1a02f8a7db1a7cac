import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { loadBook, UnusableFileError } from "../../src/xlsx/files";
import { DEFAULT_ZIP_LIMITS, ZipPackage } from "../../src/xlsx/zipPackage";
import { main } from "../../src/cli/main";
import { makeZip } from "../helpers/zip";
import { SAMPLE } from "../helpers/seed";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-bad-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function write(name: string, data: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return file;
}

/** The command line on one file: its exit code and what it printed to stderr. */
async function cli(file: string): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(["check", file], { out: () => undefined, err: (t) => err.push(t) });
  return { code, err: err.join("\n") };
}

describe("unusable files: exit 2, a message naming the file, no stack trace", () => {
  test.each([
    ["not a workbook", () => Buffer.from("区政運営方針 自己評価\n"), ".xlsx ファイルではありません"],
    ["an encrypted .xlsx (an OLE container)", () => Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]), "暗号化された"],
    ["a truncated .xlsx", () => null, "途中で切れています"],
    ["an .xlsx claiming 600 MB inside", () => makeZip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.from("<x/>"), claimedSize: 600 * 1024 * 1024 }]), "zip 爆弾"],
    ["an .xlsx whose entry lies about its size", () => makeZip([{ name: "xl/sharedStrings.xml", data: Buffer.alloc(3_000_000, 0x41), claimedSize: 100 }]), "zip 爆弾"],
    ["an .xlsx with an entry compressed 1,000 to 1", () => makeZip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(40 * 1024 * 1024, 0x20) }]), "zip 爆弾"],
    ["an .xlsx whose entries are zip-encrypted", () => makeZip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), flags: 0x0001 }]), "暗号化されたファイル"],
    ["an .xlsx with a damaged sheet", () => makeZip([{ name: "_rels/.rels", data: Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') }, { name: "xl/workbook.xml", data: Buffer.from("<workbook><sheets></workbook>") }]), "壊れている可能性"],
    ["an .xlsx whose XML declares an entity (billion laughs)", () => makeZip([{ name: "_rels/.rels", data: Buffer.from('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') }, { name: "xl/workbook.xml", data: Buffer.from('<!DOCTYPE w [<!ENTITY b "x">]><workbook>&b;</workbook>') }]), "壊れている可能性"],
  ])("%s", async (name, make, expected) => {
    const sample = await fs.readFile(SAMPLE);
    const data = make() ?? sample.subarray(0, Math.floor(sample.length / 2));
    const file = await write(`${name.replace(/\W+/g, "_")}.xlsx`, data);
    const { code, err } = await cli(file);
    expect(code).toBe(2);
    expect(err).toContain(file);
    expect(err).toContain(expected);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  test("the limit applies to what the entries really inflate to", async () => {
    const error = await loadBook(SAMPLE, { ...DEFAULT_ZIP_LIMITS, maxUnzippedBytes: 20_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableFileError);
    expect((error as UnusableFileError).en).toMatch(/possibly a zip bomb/);
  });

  test("the sample passes the guard with its real sizes", async () => {
    await expect(ZipPackage.open(await fs.readFile(SAMPLE))).resolves.toBeInstanceOf(ZipPackage);
  });
});

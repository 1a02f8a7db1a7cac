import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { randomBytes } from "crypto";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/files";
import { readGrids } from "../../src/xlsx/readGrids";
import { checkWorkbook } from "../../src/core/report";
import { buildWritePlan } from "../../src/core/plan";
import { defaultProfile } from "../../src/core/profile";
import { applyPlanToWorkbook } from "../../src/xlsx/applyPlan";
import { checkZip } from "../../src/xlsx/zipCheck";
import { deflateStoredZip } from "../../src/xlsx/zipDeflate";
import { readCentralEntry, readEndOfDirectory } from "../../src/xlsx/zipDirectory";
import { crc32, makeZip, readZip } from "../helpers/zip";
import { SAMPLE } from "../helpers/seed";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-zip-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** The sample as `hyoka check --out` leaves it in memory: formats, dropdowns, notes and summary sheets added. */
async function checkedSample() {
  const workbook = await loadWorkbook(SAMPLE);
  const result = checkWorkbook(readGrids(workbook), defaultProfile);
  applyPlanToWorkbook(workbook, buildWritePlan(result, defaultProfile, "ja"));
  return workbook;
}

describe("saveWorkbook compresses with zlib what ExcelJS lays out", () => {
  test("the checked sample: the same entries, byte for byte, as ExcelJS's own writer gives, with true CRCs", async () => {
    const workbook = await checkedSample();
    const file = path.join(dir, "checked.xlsx");
    await saveWorkbook(workbook, file);
    const ours = readZip(await fs.readFile(file));
    const theirs = readZip(Buffer.from(await workbook.xlsx.writeBuffer()));

    expect(ours.map((e) => e.name)).toEqual(theirs.map((e) => e.name));
    ours.forEach((entry, i) => {
      expect(entry.data.equals(theirs[i].data)).toBe(true);
      expect(entry.crc).toBe(crc32(entry.data));
      // Written with sizes in the headers, never with a data descriptor after the data.
      expect(entry.flags & 0x0008).toBe(0);
    });
    // The worksheets shrink: they were compressed, not stored.
    const sheet = ours.find((e) => e.name.startsWith("xl/worksheets/sheet"))!;
    expect(sheet.method).toBe(8);
    expect((await fs.stat(file)).size).toBeLessThan(ours.reduce((n, e) => n + e.data.length, 0) / 3);
  });

  test("the saved file passes Hyoka's own guard and reads back with the same cells and notes", async () => {
    const workbook = await checkedSample();
    const file = path.join(dir, "again.xlsx");
    await saveWorkbook(workbook, file);
    expect(checkZip(await fs.readFile(file))).toBeNull();
    const back = await loadWorkbook(file);
    expect(readGrids(back)).toEqual(readGrids(workbook));
    const notes = (wb: typeof workbook) =>
      wb.worksheets.flatMap((ws) => {
        const out: string[] = [];
        ws.eachRow((row) => row.eachCell((cell) => cell.note && out.push(`${ws.name}!${cell.address}`)));
        return out;
      });
    expect(notes(back).length).toBeGreaterThan(0);
    expect(notes(back)).toEqual(notes(workbook));
  });
});

describe("deflateStoredZip", () => {
  test("keeps each entry's name, time, date, attributes and CRC as ExcelJS stored them", async () => {
    const workbook = await checkedSample();
    const stored = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
    const directory = (zip: Buffer) => {
      const end = readEndOfDirectory(zip)!;
      const out: object[] = [];
      for (let i = 0, p = end.offset; i < end.entries; i++) {
        const e = readCentralEntry(zip, p);
        out.push({
          name: e.name.toString("utf8"),
          flags: e.flags,
          time: e.time,
          date: e.date,
          crc: e.crc,
          size: e.size,
          versionMadeBy: e.versionMadeBy,
          externalAttributes: e.externalAttributes,
        });
        p = e.next;
      }
      return out;
    };
    const before = directory(stored);
    expect(before.length).toBeGreaterThan(10);
    expect(directory(await deflateStoredZip(stored))).toEqual(before);
  });

  test("compresses what shrinks, stores what does not, keeps names (UTF-8 too), empty entries and CRCs, drops data descriptors", async () => {
    const entries = [
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<row>業績目標</row>".repeat(500)) },
      { name: "xl/media/image1.png", data: randomBytes(4096) },
      { name: "xl/empty.xml", data: Buffer.alloc(0) },
      // A UTF-8 name, written as streaming writers do: sizes in a data descriptor (bit 3).
      { name: "docs/区政運営方針.txt", data: Buffer.from("撤退基準\n".repeat(50)), flags: 0x0808 },
    ];
    const packed = await deflateStoredZip(makeZip(entries, 0));
    const read = readZip(packed);
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((entry, i) => {
      expect(entry.data.equals(entries[i].data)).toBe(true);
      expect(entry.crc).toBe(crc32(entries[i].data));
    });
    expect(read.map((e) => e.method)).toEqual([8, 0, 0, 8]);
    // The UTF-8 name flag stays; the data descriptor flag goes, as the sizes now stand in the headers.
    expect(read[3].flags).toBe(0x0800);
    expect(checkZip(packed)).toBeNull();
  });

  test("an entry that is already compressed is copied as it is", async () => {
    const data = Buffer.from("<sst>実績</sst>".repeat(100));
    const deflated = makeZip([{ name: "xl/sharedStrings.xml", data }]);
    const packed = await deflateStoredZip(deflated);
    expect(readZip(packed)[0].data.equals(data)).toBe(true);
    expect(packed.length).toBe(deflated.length);
  });

  test("a buffer that is not a zip is refused with a plain error", async () => {
    await expect(deflateStoredZip(Buffer.from("not a zip"))).rejects.toThrow("no end record");
  });
});

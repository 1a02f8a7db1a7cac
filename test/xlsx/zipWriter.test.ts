import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeZip, ZipPackage } from "../../src/xlsx/zipPackage";
import { makeZip, readZip, storedBytes, walkLocalEntries } from "../helpers/zip";
import { checkInto, FIXTURE_BOOKS } from "../helpers/xlsxFiles";

const FIXTURES = path.join(__dirname, "..", "fixtures");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-zip-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function checkedCopy(name: string): Promise<{ before: Buffer; after: Buffer }> {
  const input = path.join(FIXTURES, name);
  const out = path.join(dir, `checked-${name}`);
  await checkInto(input, out);
  return { before: await fs.readFile(input), after: await fs.readFile(out) };
}

describe("the zip Hyoka writes", () => {
  test.each(FIXTURE_BOOKS)(
    "%s: a part Hyoka does not edit is copied as it was deflated, not deflated again",
    async (name) => {
      const { before, after } = await checkedCopy(name);
      const entriesBefore = readZip(before);
      const inflatedBefore = new Map(entriesBefore.map((e) => [e.name, e.data]));
      const inflatedAfter = new Map(readZip(after).map((e) => [e.name, e.data]));
      const storedBefore = storedBytes(before);
      const storedAfter = storedBytes(after);
      const untouched = [...inflatedBefore.keys()].filter((n) =>
        inflatedAfter.get(n)?.equals(inflatedBefore.get(n)!)
      );
      expect(untouched.length).toBeGreaterThan(0);
      for (const part of untouched)
        if (entriesBefore.find((e) => e.name === part)!.method === 8)
          expect({ part, same: storedAfter.get(part)!.equals(storedBefore.get(part)!) }).toEqual({
            part,
            same: true,
          });
    }
  );

  test.each(FIXTURE_BOOKS)(
    "%s: every entry reads walking the local headers, as a streaming reader does",
    async (name) => {
      const { after } = await checkedCopy(name);
      const walked = walkLocalEntries(after);
      const entries = readZip(after);
      expect(walked.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      for (const [i, e] of entries.entries()) expect(walked[i].data.equals(e.data)).toBe(true);
    }
  );

  test("stored entries, folder entries, a UTF-8 name and a zero DOS date are written so any reader can read them", async () => {
    // Written as some tools write: stored (method 0), with folder entries, and no time (DOS date 0 is 1979-11-30).
    const source = makeZip(
      [
        { name: "xl/", data: Buffer.alloc(0) },
        {
          name: "xl/media/図1.png",
          data: Buffer.from("not really a png, but bytes to keep"),
          flags: 0x0800,
        },
        { name: "xl/empty.bin", data: Buffer.alloc(0) },
      ],
      0
    );
    const pkg = await ZipPackage.open(source);
    const out = path.join(dir, "stored.zip");
    await writeZip(
      out,
      pkg.parts.map((p) =>
        p.directory ? { name: p.name, directory: p.mtime } : { name: p.name, from: pkg }
      )
    );
    const written = await fs.readFile(out);
    const expected = readZip(source).map((e) => ({ name: e.name, data: e.data.toString("hex") }));
    expect(readZip(written).map((e) => ({ name: e.name, data: e.data.toString("hex") }))).toEqual(
      expected
    );
    expect(
      walkLocalEntries(written).map((e) => ({ name: e.name, data: e.data.toString("hex") }))
    ).toEqual(expected);
    expect((await ZipPackage.open(written)).parts.map((p) => p.mtime.getFullYear())).toEqual([
      1980, 1980, 1980,
    ]);
  });

  test("the test's streaming walk refuses what java.util.zip refuses: a stored entry with a data descriptor", () => {
    const zip = makeZip([{ name: "a.txt", data: Buffer.from("abc"), flags: 0x0008 }], 0);
    expect(() => walkLocalEntries(zip)).toThrow(/stored entry with a data descriptor/);
  });
});

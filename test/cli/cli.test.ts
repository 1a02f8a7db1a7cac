import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { reportSchema } from "../../src/core/reportSchema";
import { SAMPLE } from "../helpers/seed";
import { capture } from "../helpers/io";

describe("hyoka check", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-cli-"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  test("prints sheets, counts, findings by sheet and the tally", async () => {
    const c = capture();
    expect(await main(["check", SAMPLE], c.io)).toBe(0);
    const text = c.out.join("\n");
    expect(text).toContain("1 具体的取組: 具体的取組");
    expect(text).toContain("[1 具体的取組]");
    expect(text).toMatch(/注意 G9 【1-3-1】/);
    expect(text).toMatch(/計.*達成\s+7\s+未達成\s+5/);
  });

  test("--lang en prints English", async () => {
    const c = capture();
    await main(["check", SAMPLE, "--lang", "en"], c.io);
    expect(c.out.join("\n")).toMatch(/warning G9 【1-3-1】 recorded ①, but the rule gives ②/);
  });

  test("--json - prints a report that matches the schema", async () => {
    const c = capture();
    expect(await main(["check", SAMPLE, "--json", "-"], c.io)).toBe(0);
    const report = JSON.parse(c.out.join("\n"));
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.initiatives[0]).toMatchObject({
      code: "1-1-1",
      sheet: "1 具体的取組",
      row: 5,
      strategyCode: "1-1",
      issueNo: 1,
      relisted: false,
    });
  });

  test("--json <file> writes the report", async () => {
    const file = path.join(dir, "r", "report.json");
    await main(["check", SAMPLE, "--json", file], capture().io);
    expect(JSON.parse(await fs.readFile(file, "utf8")).summary.total).toEqual({
      achieved: 7,
      notAchieved: 5,
    });
  });

  test("--fail-on warning exits 1 on the sample's warning; --fail-on error exits 0", async () => {
    expect(await main(["check", SAMPLE, "--fail-on", "warning"], capture().io)).toBe(1);
    expect(await main(["check", SAMPLE, "--fail-on", "error"], capture().io)).toBe(0);
  });

  test("a file that is not .xlsx exits 2 with a message naming it, and no stack trace", async () => {
    const bad = path.join(dir, "notes.xlsx");
    await fs.writeFile(bad, "plain text, not a workbook");
    const c = capture();
    expect(await main(["check", bad], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("notes.xlsx: .xlsx ファイルではありません");
    expect(c.err.join("\n")).not.toMatch(/\bat .*\.ts:\d+/);
  });

  test("a missing file exits 2", async () => {
    const c = capture();
    expect(await main(["check", path.join(dir, "none.xlsx")], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("cannot open the file");
  });

  test("--out never overwrites the input", async () => {
    const c = capture();
    expect(await main(["check", SAMPLE, "--out", SAMPLE], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("--out must not be the input file");
  });

  test("an invalid profile exits 2 naming the wrong path", async () => {
    const file = path.join(dir, "p.json");
    await fs.writeFile(file, JSON.stringify({ colors: { A: { fill: "red", font: "#000000" } } }));
    const c = capture();
    expect(await main(["check", SAMPLE, "--profile", file], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("colors.A.fill");
  });

  test("usage errors exit 2; --help exits 0", async () => {
    expect(await main(["check"], capture().io)).toBe(2);
    expect(await main(["check", SAMPLE, "--lang", "fr"], capture().io)).toBe(2);
    expect(await main(["frobnicate"], capture().io)).toBe(2);
    const c = capture();
    expect(await main(["--help"], c.io)).toBe(0);
    expect(c.out.join("")).toContain("hyoka check");
  });
});

describe("macro-enabled workbooks (.xlsm)", () => {
  const MACRO = path.join(__dirname, "..", "fixtures", "macro.xlsm");
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-xlsm-"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  test("a copy named .xlsx is refused with a message: Excel would not open macro content under that name", async () => {
    const c = capture();
    expect(await main(["check", MACRO, "--out", path.join(dir, "copy.xlsx")], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("must end in .xlsm");
  });

  test("a batch over a folder checks .xlsm files and writes .xlsm copies", async () => {
    const input = path.join(dir, "in");
    await fs.mkdir(input);
    await fs.copyFile(MACRO, path.join(input, "ward.xlsm"));
    const c = capture();
    expect(
      await main(["check", input, "--out", path.join(dir, "out"), "--jobs", "1"], c.io)
    ).toBeLessThan(2);
    expect(await fs.readdir(path.join(dir, "out"))).toEqual(["ward.checked.xlsm"]);
  });
});

import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { expandInputs } from "../../src/cli/inputs";
import { runPool } from "../../src/cli/batch";
import { defaultProfile } from "../../src/core/profile";
import { reportSchema } from "../../src/core/reportSchema";
import { syntheticWorkbook } from "../../bench/synthetic";
import { SAMPLE } from "../helpers/seed";
import { capture } from "../helpers/io";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
let wards: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-batch-"));
  wards = path.join(dir, "wards");
  await fs.mkdir(path.join(wards, "north"), { recursive: true });
  await fs.copyFile(SAMPLE, path.join(wards, "港区.xlsx"));
  await fs.copyFile(SAMPLE, path.join(wards, "north", "港区.xlsx"));
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(SAMPLE);
  await syntheticWorkbook(template, 100).xlsx.writeFile(path.join(wards, "city.xlsx"));
  await fs.writeFile(path.join(wards, "notes.txt"), "not a workbook");
  await fs.writeFile(path.join(wards, "~$港区.xlsx"), "lock file");
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("hyoka check on many workbooks", () => {
  test("a directory: every .xlsx in it, a report each, summary.json and a combined tally", async () => {
    const c = capture();
    const json = path.join(dir, "reports");
    expect(await main(["check", wards, "--json", json, "--jobs", "0"], c.io)).toBe(0);
    const table = c.out.join("\n");
    expect(table).toMatch(/港区\.xlsx\s+7\s+5\s+0\s+1/);
    const summary = JSON.parse(await fs.readFile(path.join(json, "summary.json"), "utf8"));
    expect(summary.files).toHaveLength(2);
    const city = summary.files.find((f: { file: string }) => f.file.endsWith("city.xlsx"));
    expect(summary.total.achieved).toBe(7 + city.total.achieved);
    expect(table).toMatch(
      new RegExp(`計\\s+${summary.total.achieved}\\s+${summary.total.notAchieved}`)
    );
    const report = JSON.parse(await fs.readFile(path.join(json, "港区.json"), "utf8"));
    expect(reportSchema.parse(report).summary.total).toEqual({ achieved: 7, notAchieved: 5 });
    expect(c.err.some((l) => l.includes("2/2"))).toBe(true); // progress
  });

  test("a quoted recursive glob keeps same-named files of different folders apart", async () => {
    const { files } = await expandInputs([`${wards}/**/*.xlsx`]);
    expect(files.map((f) => path.relative(wards, f)).sort()).toEqual([
      "city.xlsx",
      "north/港区.xlsx",
      "港区.xlsx",
    ]);
    const c = capture();
    const json = path.join(dir, "glob-reports");
    expect(await main(["check", `${wards}/**/*.xlsx`, "--json", json, "--jobs", "0"], c.io)).toBe(
      0
    );
    expect((await fs.readdir(json)).sort()).toEqual([
      "city.json",
      "north__港区.json",
      "summary.json",
      "港区.json",
    ]);
  });

  test("--out writes a checked copy of each workbook into a directory", async () => {
    const out = path.join(dir, "checked");
    expect(
      await main(
        [
          "check",
          path.join(wards, "港区.xlsx"),
          path.join(wards, "city.xlsx"),
          "--out",
          out,
          "--jobs",
          "0",
        ],
        capture().io
      )
    ).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(["city.checked.xlsx", "港区.checked.xlsx"]);
  });

  test("an unusable file is named with its reason, the others are still checked, exit 2", async () => {
    const bad = path.join(dir, "bad");
    await fs.mkdir(bad);
    await fs.copyFile(SAMPLE, path.join(bad, "good.xlsx"));
    await fs.writeFile(path.join(bad, "broken.xlsx"), "not a zip");
    const c = capture();
    expect(await main(["check", bad, "--jobs", "0"], c.io)).toBe(2);
    expect(c.out.join("\n")).toMatch(/good\.xlsx\s+7\s+5/);
    expect(c.err.join("\n")).toContain("broken.xlsx: .xlsx ファイルではありません");
  });

  test("a glob that matches nothing says so and exits 2", async () => {
    const c = capture();
    expect(await main(["check", path.join(dir, "nowhere", "*.xlsx")], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("no .xlsx file matches");
  });

  test("the installed command checks on worker threads, one per core", () => {
    const r = spawnSync(process.execPath, ["bin/hyoka.js", "check", wards, "--lang", "en"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/港区\.xlsx\s+7\s+5\s+0\s+1/);
    expect(r.stdout).toMatch(/total\s+\d+/);
    expect(r.stderr).toContain("[########################] 2/2");
  });
});

test("a worker that dies is replaced: its file is reported, the files after it are still checked", async () => {
  // A stand-in worker: it dies on a file named crash, and answers for any other.
  const script = path.join(dir, "dyingWorker.js");
  await fs.writeFile(
    script,
    `const { parentPort } = require("worker_threads");
parentPort.on("message", (job) => {
  if (job.file.includes("crash")) process.exit(3);
  parentPort.postMessage({ file: job.file, ok: false, ja: "答えました", en: "answered" });
});
`
  );
  const jobs = ["crash.xlsx", "a.xlsx", "b.xlsx"].map((file) => ({ file, lang: "ja" as const }));
  const done: string[] = [];
  const outcomes = await runPool(jobs, defaultProfile, 1, (o) => done.push(o.file), script);
  expect(outcomes.map((o) => o.file)).toEqual(["crash.xlsx", "a.xlsx", "b.xlsx"]);
  expect(outcomes.map((o) => (o.ok ? "ok" : o.en))).toEqual([
    "stopped while checking: worker exited (3)",
    "answered",
    "answered",
  ]);
  expect(done).toEqual(["crash.xlsx", "a.xlsx", "b.xlsx"]);
});

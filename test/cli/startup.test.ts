import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLE } from "../helpers/seed";

const ROOT = path.resolve(__dirname, "../..");

/** The modules a run of the built command line loaded, as paths under the repository. */
function modulesLoadedBy(args: string[]): string[] {
  const script = `
    const { main } = require("./dist/cli/main.js");
    const quiet = { out: () => {}, err: () => {} };
    main(${JSON.stringify(args)}, quiet).then((code) => {
      const loaded = Object.keys(require.cache).map((f) => require("path").relative(process.cwd(), f));
      process.stdout.write(JSON.stringify({ code, loaded }));
    });`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  const { code, loaded } = JSON.parse(r.stdout) as { code: number; loaded: string[] };
  expect(code).toBe(0);
  return loaded;
}

describe("what the command line loads", () => {
  test("a check of one file with the default profile loads neither zod, the batch runner nor task pane code", () => {
    const loaded = modulesLoadedBy(["check", SAMPLE]);
    expect(loaded).toContain(path.join("dist", "core", "report.js"));
    expect(loaded).not.toContain(path.join("dist", "cli", "batch.js"));
    expect(
      loaded.filter((f) => /node_modules[\\/](zod|react|react-dom|@fluentui)[\\/]/.test(f))
    ).toEqual([]);
    expect(loaded.filter((f) => /dist[\\/](taskpane|excel|functions)[\\/]/.test(f))).toEqual([]);
  });

  test("a check with --profile loads zod to validate the profile", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-startup-"));
    try {
      const profile = path.join(dir, "profile.json");
      fs.writeFileSync(profile, JSON.stringify({ name: "renamed" }));
      const loaded = modulesLoadedBy(["check", SAMPLE, "--profile", profile]);
      expect(loaded.some((f) => /node_modules[\\/]zod[\\/]/.test(f))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the Node.js the command line needs", () => {
  test("a Node.js without zlib.crc32 (before 20.15) gets a clear message and exit 2, not a stack trace", () => {
    const script = `
      delete require("zlib").crc32;
      process.argv = [process.argv[0], "hyoka", "check", ${JSON.stringify(SAMPLE)}];
      require("./bin/hyoka.js");`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Node.js 20.15 以降が必要です");
    expect(r.stderr).toContain("needs Node.js 20.15 or later");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

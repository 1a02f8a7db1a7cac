import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, ext) : ext.test(e.name) ? [full] : [];
  });
}

function csp(html: string): Map<string, string[]> {
  const m = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html);
  expect(m).not.toBeNull();
  return new Map(
    m![1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values])
  );
}

describe("the task pane talks to its own origin and the Office.js CDN only", () => {
  // The built page is what Office loads; npm test builds it before jest runs.
  const html = fs.readFileSync(path.join(ROOT, "dist/web/taskpane.html"), "utf8");
  const policy = csp(html);

  test("scripts and connections: self and appsforoffice.microsoft.com, nothing else", () => {
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
  });

  test("no eval of any kind is allowed", () => {
    for (const values of policy.values()) expect(values).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  test("the page loads office.js from Microsoft's CDN over https and its own bundles (pane, custom functions), no inline script", () => {
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((s) => /src="?([^"\s>]+)"?/.exec(s[1])?.[1])).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      expect.stringMatching(/^taskpane\.js/),
      expect.stringMatching(/^functions\.js/),
    ]);
    for (const s of scripts) expect(s[2].trim()).toBe("");
  });
});

describe("the product code", () => {
  const sources = files(path.join(ROOT, "src"), /\.(ts|tsx)$/);

  test("never evaluates strings as code nor injects raw HTML", () => {
    expect(sources.length).toBeGreaterThan(30);
    for (const file of sources) {
      const code = fs.readFileSync(file, "utf8");
      for (const pattern of [/\beval\s*\(/, /new\s+Function\s*\(/, /dangerouslySetInnerHTML/, /\.innerHTML\s*=/, /\.outerHTML\s*=/, /document\.write/, /setTimeout\s*\(\s*["'`]/])
        expect({ file: path.relative(ROOT, file), match: pattern.exec(code)?.[0] ?? null }).toEqual({
          file: path.relative(ROOT, file),
          match: null,
        });
    }
  });

  test("the production bundles are built without eval-based source maps", () => {
    for (const name of ["taskpane.js", "functions.js"]) {
      const bundle = fs.readFileSync(path.join(ROOT, "dist/web", name), "utf8");
      expect(bundle).not.toMatch(/eval\("/);
      expect(bundle).not.toContain("sourceURL=webpack://");
    }
  });

  test("the engine and adapters name no server: no fetch, XMLHttpRequest or sockets", () => {
    for (const file of sources) {
      const code = fs.readFileSync(file, "utf8");
      expect({ file, net: /\bfetch\s*\(|XMLHttpRequest|WebSocket|navigator\.sendBeacon|require\("https?"\)/.exec(code)?.[0] ?? null }).toEqual({ file, net: null });
    }
  });
});

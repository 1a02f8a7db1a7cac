import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DOMParser } from "@xmldom/xmldom";
import * as functions from "../../src/functions/functions";

// The metadata the build makes: custom-functions-metadata-plugin runs this generator on functions.ts, and the
// Japanese copy is made by the same code webpack.config.js runs (scripts/localizeFunctionsMetadata.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../../scripts/localizeFunctionsMetadata.js");

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = path.join(ROOT, "src/functions/functions.ts");
const TABLE = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/functions.ja.json"), "utf8"));

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string; type: string }[];
    result: { type: string };
  }[];
}

let english: Metadata;
let japanese: Metadata;
let associations: { functionName: string; id: string }[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([SOURCE], true);
  expect(generated.errors).toEqual([]);
  english = JSON.parse(generated.metadataJson);
  japanese = localizeMetadata(english, TABLE);
  associations = generated.associate;
}, 60_000);

describe("custom functions metadata", () => {
  test("three functions, each bound to the function of functions.ts that implements it", () => {
    expect(english.functions.map((f) => f.id)).toEqual(["WITHDRAWAL", "ACHIEVEMENT", "EXPLAIN"]);
    expect(associations.map((a) => [a.id, a.functionName])).toEqual([
      ["WITHDRAWAL", "withdrawal"],
      ["ACHIEVEMENT", "achievement"],
      ["EXPLAIN", "explain"],
    ]);
    for (const a of associations) {
      const implementation = (functions as Record<string, unknown>)[a.functionName] as (...args: unknown[]) => unknown;
      const meta = english.functions.find((f) => f.id === a.id)!;
      expect(typeof implementation).toBe("function");
      expect(implementation.length).toBe(meta.parameters.length);
      expect(meta.result.type).toBe("string");
    }
  });

  test("English names are the ids; parameters are described", () => {
    expect(english.functions.map((f) => f.name)).toEqual(["WITHDRAWAL", "ACHIEVEMENT", "EXPLAIN"]);
    expect(english.functions.map((f) => f.parameters.map((p) => p.name))).toEqual([
      ["threshold", "actual"],
      ["target", "threshold", "actual"],
      ["target", "threshold", "actual"],
    ]);
    for (const f of english.functions) {
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description).toMatch(/\((業績目標|撤退基準|取組実績)\)/);
    }
  });

  test("a Japanese Excel gets Japanese names and descriptions, with the same ids and types", () => {
    expect(japanese.functions.map((f) => [f.id, f.name])).toEqual([
      ["WITHDRAWAL", "撤退判定"],
      ["ACHIEVEMENT", "達成判定"],
      ["EXPLAIN", "判定理由"],
    ]);
    expect(japanese.functions.map((f) => f.parameters.map((p) => p.name))).toEqual([
      ["撤退基準", "取組実績"],
      ["業績目標", "撤退基準", "取組実績"],
      ["業績目標", "撤退基準", "取組実績"],
    ]);
    japanese.functions.forEach((f, i) => {
      expect(f.description).toMatch(/[぀-ヿ]/);
      f.parameters.forEach((p, k) => {
        expect(p.description).toMatch(/のセル/);
        expect(p.type).toBe(english.functions[i].parameters[k].type);
      });
    });
  });

  test("the Japanese copy refuses a table that has drifted from the code", () => {
    const missing = { ...TABLE };
    delete missing.EXPLAIN;
    expect(() => localizeMetadata(english, missing)).toThrow("EXPLAIN has no translation");
    expect(() => localizeMetadata(english, { ...TABLE, GONE: TABLE.EXPLAIN })).toThrow("GONE is translated but no such function exists");
    const renamed = { ...TABLE, WITHDRAWAL: { ...TABLE.WITHDRAWAL, parameters: { limit: TABLE.WITHDRAWAL.parameters.threshold, actual: TABLE.WITHDRAWAL.parameters.actual } } };
    expect(() => localizeMetadata(english, renamed)).toThrow("WITHDRAWAL(threshold) has no translation");
    // Microsoft's naming rules: starts with a letter, at least three characters, letters, digits, period, underscore.
    expect(() => localizeMetadata(english, { ...TABLE, EXPLAIN: { ...TABLE.EXPLAIN, name: "理由" } })).toThrow("is not a valid function name");
    expect(() => localizeMetadata(english, { ...TABLE, EXPLAIN: { ...TABLE.EXPLAIN, name: "1判定理由" } })).toThrow("is not a valid function name");
    expect(() => localizeMetadata(english, { ...TABLE, EXPLAIN: { ...TABLE.EXPLAIN, name: "撤退判定" } })).toThrow("the same translated name");
  });
});

// An offline check of what manifest.xml says about the shared runtime and the custom functions (`npm run validate`
// needs Microsoft's service). Element names and order follow Microsoft's pages "Configure your Office Add-in to use a
// shared runtime" and the manifest reference of ExtensionPoint (CustomFunctions) and Host.
describe("manifest.xml: shared runtime and custom functions", () => {
  const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), "text/xml");
  const all = (name: string): Element[] => Array.from(doc.getElementsByTagName(name) as unknown as ArrayLike<Element>);
  const children = (e: Element): Element[] =>
    Array.from(e.childNodes as unknown as ArrayLike<Element>).filter((n) => n.nodeType === 1);
  const url = (id: string) => all("bt:Url").find((u) => u.getAttribute("id") === id)!;
  const webpackConfig = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");

  test("requires SharedRuntime 1.1", () => {
    expect(all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime")?.getAttribute("MinVersion")).toBe("1.1");
  });

  test("one long-lived runtime on the task pane's page, which is also the functions' page", () => {
    const workbook = all("Host").find((h) => h.getAttribute("xsi:type") === "Workbook")!;
    expect(children(workbook).map((e) => e.tagName)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const runtimes = all("Runtime");
    expect(runtimes.map((r) => [r.getAttribute("resid"), r.getAttribute("lifetime")])).toEqual([["Taskpane.Url", "long"]]);
    const point = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    expect(children(point).map((e) => e.tagName)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const source = (tag: string) => children(children(point).find((e) => e.tagName === tag)!)[0].getAttribute("resid");
    expect(source("Page")).toBe("Taskpane.Url");
    // Every ShowTaskpane action opens that page, and none names a TaskpaneId (one pane per shared runtime).
    for (const action of all("Action")) expect(children(action).map((e) => e.tagName)).toEqual(["SourceLocation"]);
    expect(all("Action").map((a) => children(a)[0].getAttribute("resid"))).toEqual(["Taskpane.Url"]);
    // The script is the one the build emits beside the page.
    expect(new URL(url(source("Script")!).getAttribute("DefaultValue")!).pathname).toBe("/functions.js");
    expect(webpackConfig).toMatch(/functions: "\.\/src\/functions\/functions\.ts"/);
    expect(webpackConfig).toMatch(/chunks: \["taskpane", "functions"\]/);
  });

  test("the functions are HYOKA.*, named in Japanese for a Japanese Excel", () => {
    const point = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    const namespace = children(point).find((e) => e.tagName === "Namespace")!.getAttribute("resid");
    const text = all("bt:String").find((s) => s.getAttribute("id") === namespace)!;
    expect(text.getAttribute("DefaultValue")).toBe("HYOKA");
    const metadata = url(children(children(point).find((e) => e.tagName === "Metadata")!)[0].getAttribute("resid")!);
    expect(new URL(metadata.getAttribute("DefaultValue")!).pathname).toBe("/functions.json");
    const overrides = children(metadata).map((o) => [o.getAttribute("Locale"), new URL(o.getAttribute("Value")!).pathname]);
    expect(overrides).toEqual([["ja-JP", "/functions-ja.json"]]);
    // Both files are what the build writes.
    expect(webpackConfig).toContain('output: "functions.json"');
    expect(webpackConfig).toContain('output: "functions-ja.json"');
  });
});

import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { MINIMUM_EXCEL_API } from "../../src/excel/requirements";

// An offline check of manifest.xml; `npm run validate` sends it to Microsoft's service, out of reach in CI.
const ROOT = path.resolve(__dirname, "../..");
const text = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const problems: string[] = [];
const doc = new DOMParser({
  errorHandler: {
    warning: (m) => problems.push(m),
    error: (m) => problems.push(m),
    fatalError: (m) => problems.push(m),
  },
}).parseFromString(text, "text/xml");

function all(name: string): Element[] {
  return Array.from(doc.getElementsByTagName(name) as unknown as ArrayLike<Element>);
}

/** Resource definitions (with an id), not the references to them (with a resid). */
function resources(): Element[] {
  return [...all("bt:Image"), ...all("bt:Url"), ...all("bt:String")].filter((e) =>
    e.hasAttribute("id")
  );
}

function one(name: string): Element {
  const found = all(name);
  expect(found.length).toBeGreaterThan(0);
  return found[0];
}

function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  expect(data.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  test("is well-formed XML for an Excel task pane add-in", () => {
    expect(problems).toEqual([]);
    const root = doc.documentElement!;
    expect(root.tagName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one("ProviderName").textContent).not.toBe("");
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toContain(
      "Workbook"
    );
  });

  test("asks for ReadWriteDocument and the requirement set the Office adapter needs", () => {
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    const set = all("Set").find((s) => s.getAttribute("Name") === "ExcelApi");
    expect(set?.getAttribute("MinVersion")).toBe(MINIMUM_EXCEL_API);
  });

  test("is Japanese by default with English overrides for every string", () => {
    expect(one("DefaultLocale").textContent).toBe("ja-JP");
    for (const tag of ["DisplayName", "Description", "bt:String"])
      for (const el of all(tag).filter((e) => e.hasAttribute("DefaultValue"))) {
        const overrides = Array.from(el.childNodes as unknown as ArrayLike<Element>).filter(
          (n) =>
            n.nodeType === 1 && /Override$/.test(n.tagName) && n.getAttribute("Locale") === "en-US"
        );
        expect({ tag, id: el.getAttribute("id"), overrides: overrides.length }).toEqual({
          tag,
          id: el.getAttribute("id"),
          overrides: 1,
        });
      }
  });

  test("every resid used is defined once", () => {
    const defined = resources().map((e) => e.getAttribute("id"));
    expect(new Set(defined).size).toBe(defined.length);
    const used = Array.from(doc.getElementsByTagName("*") as unknown as ArrayLike<Element>)
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => Boolean(r));
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
  });

  test("every URL is https, and every icon exists in assets/ at its declared size", () => {
    const urls = [
      ...Array.from(doc.getElementsByTagName("*") as unknown as ArrayLike<Element>)
        .map((e) => e.getAttribute("DefaultValue") ?? "")
        .filter((v) => /^[a-z]+:\/\//i.test(v)),
      ...all("AppDomain").map((e) => e.textContent ?? ""),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    const icons = [
      ...all("bt:Image")
        .filter((e) => e.hasAttribute("id"))
        .map((e) => ({
          url: e.getAttribute("DefaultValue")!,
          size: Number(/(\d+)x\1/.exec(e.getAttribute("id")!)![1]),
        })),
      { url: one("IconUrl").getAttribute("DefaultValue")!, size: 32 },
      { url: one("HighResolutionIconUrl").getAttribute("DefaultValue")!, size: 64 },
    ];
    for (const { url, size } of icons) {
      const file = path.join(ROOT, new URL(url).pathname);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test("the button opens the page the build emits", () => {
    const pane = all("bt:Url").find((u) => u.getAttribute("id") === "Taskpane.Url")!;
    const page = new URL(pane.getAttribute("DefaultValue")!).pathname.slice(1);
    expect(fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8")).toContain(
      `filename: "${page}"`
    );
    expect(all("Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });
});

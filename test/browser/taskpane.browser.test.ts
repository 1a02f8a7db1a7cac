import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { bookJsonFromWorkbook } from "../host/fromXlsx";
import { SAMPLE } from "../helpers/seed";

/**
 * The built task pane (dist/web, from `npm run build`) in Debian's chromium, with the Excel stand-in
 * (test/artifacts/host/office.js, from `npm run build:host`) answering the office.js CDN URL.
 */
const ROOT = path.resolve(__dirname, "../..");
const WEB = path.join(ROOT, "dist/web");
const STAND_IN = path.join(ROOT, "test/artifacts/host/office.js");
const ARTIFACTS = path.join(ROOT, "test/artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".png": "image/png",
};

let server: http.Server;
let origin: string;
let browser: Browser;
let standIn: string;

beforeAll(async () => {
  for (const need of [path.join(WEB, "taskpane.html"), STAND_IN])
    if (!fs.existsSync(need))
      throw new Error(`${need} is missing: run npm run build and npm run build:host`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const book = JSON.stringify(bookJsonFromWorkbook(wb));
  standIn = `window.__HYOKA_BOOK__ = ${book};\n${fs.readFileSync(STAND_IN, "utf8")}`;
  server = http.createServer((req, res) => {
    const file = path.join(WEB, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(WEB) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openPane(
  language = "ja-JP"
): Promise<{ page: Page; errors: string[]; origins: Set<string> }> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
  const errors: string[] = [];
  const origins = new Set<string>();
  page.on("request", (r) => origins.add(new URL(r.url()).origin));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: `window.__HYOKA_LANGUAGE__ = ${JSON.stringify(language)};\n${standIn}`,
    })
  );
  await page.goto(`${origin}/taskpane.html`);
  return { page, errors, origins };
}

describe("the built task pane in chromium", () => {
  test("検証 shows findings and the tally; a finding selects its cell; 色分け colors the workbook", async () => {
    const { page, errors, origins } = await openPane();
    await page.getByRole("button", { name: "検証" }).click();
    const warnings = page.getByRole("region", { name: "注意" });
    await warnings.waitFor();
    const tally = page.getByRole("table", { name: "業績目標の達成状況" });
    expect(await tally.getByRole("row").allTextContents()).toEqual(
      expect.arrayContaining(["経営課題151", "経営課題624", "計75"])
    );
    await warnings.getByRole("button", { name: /G9/ }).click();
    await page.waitForFunction(() => window.__hyokaHost.selection !== null);
    expect(await page.evaluate(() => window.__hyokaHost.selection)).toEqual({
      sheet: "1 具体的取組",
      address: "G9",
    });

    await page.getByRole("button", { name: "色分け" }).click();
    await page.getByText("色分けしました").waitFor();
    const rules = await page.evaluate(
      () => window.__hyokaHost.book.sheets.find((s) => s.name === "1 具体的取組")!.rules.length
    );
    expect(rules).toBeGreaterThan(0);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane.png"), fullPage: true });
    // The pane fits the default width: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      350
    );
    expect(errors).toEqual([]); // CSP violations would show here
    // The pane asked nothing of any server but its own origin and the Office.js CDN.
    expect([...origins].sort()).toEqual([origin, "https://appsforoffice.microsoft.com"].sort());
    await page.close();
  }, 60_000);

  test("the 撤退基準 view: filter to 該当, a row selects its 撤退基準 cell; readable at 350 px", async () => {
    const { page, errors } = await openPane();
    await page.getByRole("button", { name: "検証" }).click();
    await page.getByRole("button", { name: /撤退基準の一覧を表示/ }).click();
    const list = page.getByRole("list", { name: "撤退基準の判定" });
    expect(await list.getByRole("listitem").count()).toBe(12);
    await page.getByRole("button", { name: "該当 2" }).click();
    await page.waitForFunction(
      () => document.querySelectorAll("#hyoka-withdrawal-view li").length === 2
    );
    const rows = await list.getByRole("listitem").allTextContents();
    expect(rows.map((r) => /【([\d-]+)】/.exec(r)![1])).toEqual(["6-2-1", "6-4-3"]);
    expect(rows[0]).toContain("撤退基準 5件以下 → 実績 5件");
    await list.getByRole("button", { name: /【6-2-1】/ }).click();
    await page.waitForFunction(() => window.__hyokaHost.selection !== null);
    expect(await page.evaluate(() => window.__hyokaHost.selection)).toEqual({
      sheet: "6 具体的取組",
      address: "D7",
    });
    // Nothing scrolls sideways at the pane's default width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      350
    );
    await page.getByRole("heading", { name: "撤退基準", exact: true }).scrollIntoViewIfNeeded();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const view = page.locator("section[aria-labelledby=hyoka-withdrawal]");
    await view.screenshot({ path: path.join(ARTIFACTS, "withdrawal-view.png") });
    // 判定不可 shows why: 6-1-2's criterion is not numeric.
    await page.getByRole("button", { name: "判定不可 1" }).click();
    await list.getByText(/数値で書かれていないため規則では判定できません/).waitFor();
    await view.screenshot({ path: path.join(ARTIFACTS, "withdrawal-undecidable.png") });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("集計表 draws the tally chart in the workbook; the pane shows the same tally as a bar chart at 350 px", async () => {
    const { page, errors } = await openPane();
    await page.getByRole("button", { name: "集計表" }).click();
    await page.getByText("集計表を書き込みました").waitFor();
    const chart = page.getByRole("img", { name: /経営課題1: 達成 5、未達成 1。経営課題6: 達成 2、未達成 4/ });
    await chart.waitFor();
    const charts = await page.evaluate(() =>
      window.__hyokaHost.book.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s.name, name: c.name, type: c.type })))
    );
    expect(charts).toEqual([{ sheet: "業績目標の達成状況", name: "Hyoka 集計グラフ", type: "BarStacked" }]);
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(250);
    expect(box.width).toBeLessThanOrEqual(350);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator("section[aria-labelledby=hyoka-counts]").screenshot({ path: path.join(ARTIFACTS, "tally-chart.png") });
    await page.getByRole("button", { name: "クリア" }).click();
    await page.getByText("Hyoka が加えたものを取り除きました").waitFor();
    expect(await page.evaluate(() => window.__hyokaHost.book.sheets.flatMap((s) => s.charts))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("the pane follows the selection and re-checks an edit of the stand-in as it is typed", async () => {
    const { page, errors } = await openPane();
    await page.getByRole("button", { name: "検証" }).click();
    await page.getByRole("region", { name: "選択中の行" }).waitFor();
    const findingsHeading = page.getByRole("heading", { name: /^指摘 \(\d+\)$/ });
    const before = await findingsHeading.textContent();
    // Select a cell of 1-3-1, as a person would in Excel: the stand-in raises onSelectionChanged.
    await page.evaluate(() => window.__hyokaHost.select("1 具体的取組", "C9"));
    const inspector = page.getByTestId("row-inspector");
    await inspector.getByRole("heading", { name: /【1-3-1】/ }).waitFor();
    expect(await inspector.textContent()).toMatch(/実績 8社: 未達成/);
    expect(await inspector.textContent()).toMatch(/記録 ①\(i\) \/ 規則 ② — 不一致/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      350
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const section = page.locator("section[aria-labelledby=hyoka-inspector]");
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(ARTIFACTS, "row-inspector.png") });

    // Type ③ into 6-3-1's status (recorded ②, its threshold not hit): the finding list changes without a press.
    await page.evaluate(() => window.__hyokaHost.select("6 具体的取組", "G8"));
    await inspector.getByRole("heading", { name: /【6-3-1】/ }).waitFor();
    await page.evaluate(() => window.__hyokaHost.type("6 具体的取組", "G8", [["③"]]));
    await page.waitForFunction(
      (text) =>
        Array.from(document.querySelectorAll("h2")).some(
          (h) => /^指摘 \(\d+\)$/.test(h.textContent ?? "") && h.textContent !== text
        ),
      before
    );
    const errorsRegion = page.getByRole("region", { name: "エラー" });
    expect(await errorsRegion.textContent()).toMatch(/G8.*記録は ③ ですが、規則では ②/);
    expect(await inspector.textContent()).toMatch(/記録 ③ \/ 規則 ② — 不一致/);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "live-recheck.png"), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("the page registers the HYOKA custom functions, which answer in Office's display language", async () => {
    for (const [language, answers] of [
      ["ja-JP", ["該当", "③", "判定不可"]],
      ["en-US", ["hit", "③", "cannot judge"]],
    ] as const) {
      const { page, errors } = await openPane(language);
      await page
        .getByRole("button", { name: language === "ja-JP" ? "検証" : "Validate" })
        .waitFor();
      const got = await page.evaluate(() => {
        const f = window.__hyokaHost.customFunctions;
        return {
          ids: [...f.keys()],
          answers: [
            f.get("WITHDRAWAL")!("5件以下であれば事業を再構築する", "反映させた件数：５件"),
            f.get("ACHIEVEMENT")!("10件", "5件以下であれば事業を再構築する", "５件"),
            f.get("WITHDRAWAL")!("適切に対応できなかった場合は事業を再構築する", "73.1％"),
          ],
        };
      });
      expect(got).toEqual({ ids: ["WITHDRAWAL", "ACHIEVEMENT", "EXPLAIN"], answers: [...answers] });
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 60_000);

  test("follows Office's display language: English outside Japanese", async () => {
    const { page } = await openPane("en-US");
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByRole("region", { name: "Warnings" }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-en.png"), fullPage: true });
    await page.close();
  }, 60_000);
});

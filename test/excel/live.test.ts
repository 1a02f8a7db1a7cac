import ExcelJS from "exceljs";
import { defaultProfile } from "../../src/core/profile";
import { runAction } from "../../src/excel/session";
import { LiveSession, noteCellsAfterColor, rowsOf, type LiveUpdate } from "../../src/excel/live";
import { MockExcelHost, type HostOptions } from "../host/mockExcel";
import { bookFromJson, type BookJson } from "../host/mockBook";
import { bookJsonFromWorkbook } from "../host/fromXlsx";
import { SAMPLE } from "../helpers/seed";

/**
 * The pane following the workbook through the stand-in's events, raised with the arguments Microsoft's reference
 * gives: WorksheetChangedEventArgs (address, changeType, source Local/Remote, worksheetId, triggerSource from ExcelApi
 * 1.14; learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs) and
 * WorksheetSelectionChangedEventArgs (address, worksheetId; excel.worksheetselectionchangedeventargs), from
 * WorksheetCollection.onChanged / onSelectionChanged (ExcelApi 1.9). Handlers are removed with the context that added
 * them (officeextension.eventhandlerresult); Runtime.enableEvents turns this add-in's events off
 * (excel-add-ins-events, "Enable and disable events").
 */
const SIX = "6 具体的取組";
let sampleJson: BookJson;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  sampleJson = bookJsonFromWorkbook(wb);
});

async function open(options: HostOptions = {}, action: "check" | "color" = "check") {
  const excel = new MockExcelHost(bookFromJson(sampleJson), options);
  const notes = (options.apiVersion ?? 18) >= 18;
  const run = excel.run.bind(excel) as Parameters<typeof runAction>[1]["run"];
  const pressed = await runAction(action, { profile: defaultProfile, lang: "ja", run, notes });
  const selected: { sheet: string; address: string }[] = [];
  const updates: LiveUpdate[] = [];
  const errors: unknown[] = [];
  const session = new LiveSession(
    { run, runIn: excel.run.bind(excel) as never, notes },
    pressed.live,
    {
      onSelect: (sheet, address) => selected.push({ sheet, address }),
      onUpdate: (u) => updates.push(u),
      onError: (e) => errors.push(e),
    },
    { lang: "ja", debounceMs: 20 },
    action === "color" && pressed.outcome?.applied
      ? noteCellsAfterColor(pressed.live.result.findings, pressed.outcome.skipped)
      : null
  );
  excel.resetCounters();
  const startSyncs = await session.start();
  return { excel, session, selected, updates, errors, run, startSyncs, pressed };
}

/** Waits until `done` holds (events arrive later, as in Office), failing after two seconds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}

/** Events are delivered later, as Office does: let them arrive and the debounced re-check finish. */
async function settle(session: LiveSession): Promise<void> {
  await new Promise((r) => setTimeout(r, 5));
  await session.settled();
}

function cellText(excel: MockExcelHost, sheet: string, cell: string): string {
  const col = cell.charCodeAt(0) - 65;
  const row = Number(cell.slice(1)) - 1;
  return String(excel.sheet(sheet)!.values[row][col]);
}

describe("the live pane in the Excel stand-in", () => {
  test("registers both handlers and reads the sheet ids in one sync; stop() removes them in their context", async () => {
    const { excel, session, startSyncs } = await open();
    expect(startSyncs).toBe(1);
    expect(excel.syncs).toBe(1);
    expect(excel.handlers.map((h) => h.event).sort()).toEqual(["changed", "selection"]);
    excel.resetCounters();
    await session.stop();
    expect(excel.handlers).toEqual([]);
    expect(excel.syncs).toBe(1);
    // Nothing reaches the pane once the handlers are gone.
    excel.type(SIX, "G8", [["③"]]);
    await settle(session);
    expect(excel.raised.filter((r) => r.event === "changed")).toHaveLength(1);
  });

  test("a selection names its sheet and cells without a round trip; a sheet added since takes one small read", async () => {
    const { excel, session, selected } = await open();
    excel.resetCounters();
    excel.select(SIX, "F8");
    await until(() => selected.length === 1);
    expect(selected).toEqual([{ sheet: SIX, address: "F8" }]);
    expect(excel.syncs).toBe(0);
    excel.book.sheets.push({ ...excel.book.sheets[0], name: "新しいシート" });
    excel.select("新しいシート", "A1:B2");
    await until(() => selected.length === 2);
    expect(selected[1]).toEqual({ sheet: "新しいシート", address: "A1:B2" });
    expect(excel.syncs).toBe(1);
    await session.stop();
  });

  test("an edit that turns a row into a ③ case: one sync reads the row, the finding changes, one sync writes its note", async () => {
    const { excel, session, updates } = await open({}, "color");
    const noteBefore = excel.sheet(SIX)!.notes.get("G8");
    const actual = cellText(excel, SIX, "F8");
    expect(actual).toContain("51.1");
    excel.resetCounters();
    excel.type(SIX, "F8", [[actual.replace("51.1", "35.0")]]);
    await settle(session);
    expect(updates).toHaveLength(1);
    const [u] = updates;
    expect(u.recheck.how).toBe("rows");
    expect([u.readSyncs, u.noteSyncs]).toEqual([1, 1]);
    expect(excel.syncs).toBe(2);
    const finding = u.recheck.live.result.findings.find((f) => f.sheet === SIX && f.cell === "G8");
    expect(finding?.severity).toBe("error");
    expect(finding?.message.ja).toMatch(/記録は ② ですが、規則では ③/);
    const note = excel.sheet(SIX)!.notes.get("G8");
    expect(note).not.toEqual(noteBefore);
    expect(note).toMatch(/^\[Hyoka\]\n■エラー: .*規則では ③/s);
    // Typing ③ (and ×) there makes it agree: the finding and its note go.
    excel.type(SIX, "G8", [["③", "×"]]);
    await settle(session);
    const last = updates[updates.length - 1];
    expect(last.recheck.live.result.findings.some((f) => f.sheet === SIX && f.cell === "G8")).toBe(
      false
    );
    expect(excel.sheet(SIX)!.notes.has("G8")).toBe(false);
    await session.stop();
  });

  test("edits typed in quick succession are re-checked once, their rows read in one sync", async () => {
    const { excel, session, updates } = await open();
    excel.resetCounters();
    excel.type(SIX, "G6", [["②(ii)"]]);
    excel.type(SIX, "G9", [["②(i)"]]);
    excel.type(SIX, "H9", [["×"]]);
    await settle(session);
    expect(updates).toHaveLength(1);
    expect(updates[0].readSyncs).toBe(1);
    expect(updates[0].noteSyncs).toBeNull(); // 色分け was not applied: no note is written
    expect(excel.syncs).toBe(1);
    await session.stop();
  });

  test("a coauthor's edit (source Remote) is re-checked like one's own", async () => {
    const { excel, session, updates } = await open();
    excel.type(SIX, "G8", [["③"]], "Remote");
    await settle(session);
    expect(excel.raised.at(-1)?.args.source).toBe("Remote");
    expect(updates).toHaveLength(1);
    const findings = updates[0].recheck.live.result.findings.filter(
      (f) => f.sheet === SIX && f.cell === "G8"
    );
    expect(findings.map((f) => f.message.ja).join()).toMatch(/記録は ③ ですが、規則では ②/);
    await session.stop();
  });

  test("Hyoka's own writes (集計表) are told by triggerSource ThisLocalAddin and re-check nothing", async () => {
    const { excel, session, updates, run } = await open();
    await runAction("summary", { profile: defaultProfile, lang: "ja", run, notes: true });
    await settle(session);
    const own = excel.raised.filter((r) => r.event === "changed");
    expect(own.length).toBeGreaterThan(0);
    expect(
      own.every((r) => r.args.triggerSource === "ThisLocalAddin" && r.args.source === "Local")
    ).toBe(true);
    expect(session.ignoredOwn).toBe(own.length);
    expect(updates).toEqual([]);
    await session.stop();
  });

  test("on an Excel without triggerSource (ExcelApi 1.13), Hyoka turns events off while it writes: none is raised", async () => {
    const { excel, session, updates, run } = await open({ apiVersion: 13 });
    const result = await runAction("summary", {
      profile: defaultProfile,
      lang: "ja",
      run,
      notes: false,
      quietEvents: true,
    });
    await settle(session);
    expect(result.outcome?.applied).toBe(true);
    expect(excel.raised).toEqual([]);
    expect(excel.eventsEnabled).toBe(true); // turned back on, in one more sync
    expect(updates).toEqual([]);
    // A person's edit after it is re-checked; its arguments carry no triggerSource on this Excel.
    excel.type(SIX, "G8", [["③"]]);
    await settle(session);
    expect("triggerSource" in excel.raised[0].args).toBe(false);
    expect(updates).toHaveLength(1);
    await session.stop();
  });

  test("paused (the pane's switch off), edits are not re-checked", async () => {
    const { excel, session, updates } = await open();
    session.paused = true;
    excel.type(SIX, "G8", [["③"]]);
    await settle(session);
    expect(updates).toEqual([]);
    await session.stop();
  });

  test("rows inserted: the workbook is read again and judged as a whole", async () => {
    const { excel, session, updates } = await open();
    excel.raise("changed", excel.changedArgs(SIX, "11:11", "Local", false, "RowInserted"));
    await settle(session);
    expect(updates).toHaveLength(1);
    expect(updates[0].recheck.how).toBe("full");
    expect(updates[0].readSyncs).toBe(2);
    await session.stop();
  });

  test("addresses as rows", () => {
    expect(rowsOf("F8")).toEqual({ top: 7, bottom: 7, right: 5 });
    expect(rowsOf("B5:D9")).toEqual({ top: 4, bottom: 8, right: 3 });
    expect(rowsOf("3:5")).toEqual({ top: 2, bottom: 4, right: 0 });
    expect(rowsOf("A2, C7:D8")).toEqual({ top: 1, bottom: 7, right: 3 });
    expect(rowsOf("C:C")).toBeNull();
  });

  test("a cell typed past the sheet's last column is read and the sheet judged as a whole", async () => {
    const { excel, session, updates } = await open();
    excel.type(SIX, "M8", [["メモ"]]);
    await settle(session);
    expect(updates).toHaveLength(1);
    expect(updates[0].readSyncs).toBe(1);
    expect(updates[0].recheck.how).toBe("full");
    expect(updates[0].recheck.live.workbook.find((g) => g.name === SIX)!.cells[7][12]).toBe("メモ");
    await session.stop();
  });
});

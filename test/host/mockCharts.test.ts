/**
 * The stand-in's Worksheet.charts does what Microsoft's reference says Excel does, where Hyoka's chart code depends on
 * it. Pages on learn.microsoft.com, source files in OfficeDev/office-js-docs-reference
 * (docs/docs-ref-autogen/excel/excel/): excel.chartcollection.yml, excel.chart.yml, excel.chartaxis.yml,
 * excel.chartseries.yml. Where the reference says a call fails but names no error code, the code is the stand-in's
 * own choice and Hyoka never relies on it.
 */
import { MockExcelHost, OfficeError } from "./mockExcel";
import { emptySheet, type MockBook } from "./mockBook";

function book(): MockBook {
  const sheet = emptySheet("集計");
  sheet.values = [
    ["課題", "", "達成", "未達成"],
    ["経営課題1", "", 5, 1],
    ["経営課題6", "", 2, 4],
  ];
  return { sheets: [sheet], workbookProtected: false };
}

async function failure(p: Promise<unknown>): Promise<OfficeError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(OfficeError);
  return error as OfficeError;
}

describe("the stand-in's charts, as the Office.js reference documents them", () => {
  test("charts.add(type, sourceData, seriesBy) creates a chart; name, title and setPosition change it in the same batch", async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
    // "Creates a new chart." add(type: Excel.ChartType, sourceData: Range, seriesBy?: Excel.ChartSeriesBy), ExcelApi
    // 1.1. excel.chart: name "Specifies the name of a chart object."; title "Represents the title of the specified
    // chart"; setPosition(startCell, endCell?) "Positions the chart relative to cells on the worksheet", endCell "If
    // specified, the chart's width and height will be set to fully cover up this cell/range". excel.chartseries: name
    // "Specifies the name of a series in a chart." excel.chartaxis (ExcelApi 1.7): setCategoryNames(sourceData: Range)
    // "Sets all the category names for the specified axis." excel.chartfill setSolidColor(color): "Sets the fill
    // formatting of a chart element to a uniform color." (ExcelApi 1.1).
    const host = new MockExcelHost(book());
    const context = host.context();
    const ws = context.workbook.worksheets.getItem("集計");
    const chart = ws.charts.add("BarStacked", ws.getRange("C2:D3"), "Columns");
    chart.name = "Hyoka 集計グラフ";
    chart.title.text = "達成状況";
    chart.series.getItemAt(0).name = "達成";
    chart.series.getItemAt(1).name = "未達成";
    chart.series.getItemAt(1).format.fill.setSolidColor("#E07B00");
    chart.axes.categoryAxis.setCategoryNames(ws.getRange("A2:A3"));
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = "Maximum";
    chart.setPosition("F1", "M15");
    expect(host.sheet("集計")!.charts).toHaveLength(0); // queued until sync, as every write
    await context.sync();
    expect(host.sheet("集計")!.charts).toEqual([
      {
        id: expect.any(Number),
        name: "Hyoka 集計グラフ",
        type: "BarStacked",
        title: "達成状況",
        source: "C2:D3",
        seriesBy: "Columns",
        seriesNames: ["達成", "未達成"],
        seriesColors: ["", "#E07B00"],
        categories: "A2:A3",
        reversed: true,
        valueAxisAt: "Maximum",
        from: "F1",
        to: "M15",
      },
    ]);
  });

  test("getItem(name) gives the first chart of that name; a name no chart has fails the batch (ItemNotFound)", async () => {
    // excel.chartcollection getItem(name): "Gets a chart using its name. If there are multiple charts with the same
    // name, the first one will be returned." A missing item: the *OrNullObject article (docs/develop/application-
    // specific-api-model.md in office-js-docs-pr) says the plain method throws an ItemNotFound error.
    const b = book();
    const base = { type: "ColumnClustered", title: "", source: "C2:D3", seriesBy: "Columns", seriesNames: [], seriesColors: [], categories: "", reversed: false, valueAxisAt: "Automatic", from: "", to: "" };
    b.sheets[0].charts.push({ ...base, id: 1, name: "グラフ", title: "一つ目" }, { ...base, id: 2, name: "グラフ", title: "二つ目" });
    const host = new MockExcelHost(b);
    const context = host.context();
    const charts = context.workbook.worksheets.getItem("集計").charts;
    charts.getItem("グラフ").delete();
    await context.sync();
    expect(host.sheet("集計")!.charts.map((c) => c.title)).toEqual(["二つ目"]);
    charts.getItem("ない");
    expect((await failure(context.sync())).code).toBe("ItemNotFound");
  });

  test("getItemOrNullObject(name) is a null object when no chart has the name, and a found chart can be deleted", async () => {
    // excel.chartcollection getItemOrNullObject(name): "If the chart doesn't exist, then this method returns an object
    // with its isNullObject property set to true." excel.chart delete(): "Deletes the chart object."
    const host = new MockExcelHost(book());
    const context = host.context();
    const ws = context.workbook.worksheets.getItem("集計");
    const added = ws.charts.add("BarStacked", ws.getRange("C2:D3"), "Columns");
    added.name = "Hyoka 集計グラフ";
    await context.sync();
    const missing = ws.charts.getItemOrNullObject("ない").load("name");
    const found = ws.charts.getItemOrNullObject("Hyoka 集計グラフ").load("name");
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(found.isNullObject).toBe(false);
    found.delete();
    await context.sync();
    expect(host.sheet("集計")!.charts).toHaveLength(0);
  });

  test("a new chart is named by Excel until the add-in names it; a protected sheet takes no chart", async () => {
    // Excel gives a new chart a default name ("Chart 1" in English Excel); Hyoka always sets its own name.
    // Protection: "The cell or chart you're trying to change is on a protected sheet" is Excel's message for any
    // change on a protected sheet; the stand-in refuses adding, renaming and deleting charts there.
    const b = book();
    const host = new MockExcelHost(b);
    const context = host.context();
    const ws = context.workbook.worksheets.getItem("集計");
    ws.charts.add("BarStacked", ws.getRange("C2:D3"), "Columns");
    await context.sync();
    expect(b.sheets[0].charts[0].name).toBe("Chart 1");
    b.sheets[0].protected = true;
    ws.charts.add("BarStacked", ws.getRange("C2:D3"), "Columns");
    expect((await failure(context.sync())).code).toBe("AccessDenied");
    expect(b.sheets[0].charts).toHaveLength(1);
  });
});

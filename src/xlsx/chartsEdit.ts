/**
 * Hyoka's tally chart in a package: a DrawingML chart part (ECMA-376 Part 1, 21.2 — c:chartSpace with one stacked
 * c:barChart), anchored by a xdr:twoCellAnchor in the sheet's drawing part (20.5). A sheet that already has a
 * drawing gets Hyoka's anchor added to it, so a person's pictures and charts stay as they are; otherwise Hyoka
 * creates the drawing. Removing the chart cuts exactly what was added, so the package comes back to what it was.
 */
import { parseA1, rangeBounds } from "../core/grid";
import type { ChartPlan } from "../core/plan";
import { NS } from "./opc";
import { XML_DECLARATION, type PackageEdit } from "./packageEdit";
import { insertionOffset } from "./worksheetEdit";
import {
  applySplices,
  childSpans,
  escapeXml,
  prefixFor,
  rootSpan,
  type ElementSpan,
} from "./xmlSpans";

const DRAWING_NS = {
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};

export const CHART_REL = {
  drawing: `${NS.officeRel}/drawing`,
  chart: `${NS.officeRel}/chart`,
};

export const CHART_CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/** Used when a recorded chart names no colour. */
const FALLBACK_COLORS = ["2F6EBA", "B85C00"];

/** A drawing part as Hyoka creates it, around its anchors; one left like this after removal was Hyoka's. */
function drawingPartXml(anchors: string): string {
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${DRAWING_NS.xdr}" xmlns:a="${DRAWING_NS.a}">${anchors}</xdr:wsDr>`;
}

/** An absolute reference to a range on a sheet, as a chart's c:f holds it: '集計'!$A$3:$A$4. */
function sheetRef(sheet: string, range: string): string {
  const b = rangeBounds(range);
  const cell = (r: number, c: number) => {
    let col = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
      col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
    return `$${col}$${r + 1}`;
  };
  return `'${sheet.replace(/'/g, "''")}'!${cell(b.top, b.left)}:${cell(b.bottom, b.right)}`;
}

function points(values: (string | number)[], kind: "str" | "num"): string {
  const pts = values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)
    .join("");
  return kind === "num"
    ? `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`
    : `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function solidFill(color: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
}

function richText(text: string, size: number): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="ja-JP" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

/**
 * The chart part: 達成 and 未達成 stacked per 経営課題 as horizontal bars (barDir bar, grouping stacked, overlap 100),
 * first 経営課題 at the top (category axis maxMin, value axis crossing at the maximum, i.e. below the bars). Each
 * series refers to the tally's cells and caches their values, so a reader that does not recalculate shows them.
 * Elements in the order CT_ChartSpace, CT_Chart, CT_BarChart, CT_BarSer, CT_CatAx and CT_ValAx require.
 */
export function chartPartXml(chart: ChartPlan): string {
  const categories = `<c:cat><c:strRef><c:f>${escapeXml(sheetRef(chart.sheet, chart.categories))}</c:f>${points(chart.cache.categories, "str")}</c:strRef></c:cat>`;
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        solidFill((s.color ?? "").replace(/^#/, "") || FALLBACK_COLORS[i % FALLBACK_COLORS.length]) +
        `<c:invertIfNegative val="0"/>${categories}` +
        `<c:val><c:numRef><c:f>${escapeXml(sheetRef(chart.sheet, s.values))}</c:f>${points(chart.cache.values[i] ?? [], "num")}</c:numRef></c:val></c:ser>`
    )
    .join("");
  const CAT = 500100;
  const VAL = 500200;
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${DRAWING_NS.c}" xmlns:a="${DRAWING_NS.a}" xmlns:r="${NS.officeRel}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${richText(chart.title, 1200)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${CAT}"/><c:axId val="${VAL}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VAL}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT}"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The anchor that places the chart over its cells: from the `from` cell to the end of the `to` cell. */
function anchorXml(chart: ChartPlan, shapeId: number, relId: string): string {
  const from = parseA1(chart.from);
  const to = parseA1(chart.to);
  const marker = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    // Namespaces declared on the anchor itself, so it reads the same inside a drawing with other prefixes.
    `<xdr:twoCellAnchor xmlns:xdr="${DRAWING_NS.xdr}" xmlns:a="${DRAWING_NS.a}">` +
    marker("from", from.row, from.col) +
    marker("to", to.row + 1, to.col + 1) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chart.name)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${DRAWING_NS.c}"><c:chart xmlns:c="${DRAWING_NS.c}" xmlns:r="${NS.officeRel}" r:id="${escapeXml(relId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The sheet's drawing part (through its <drawing> relationship), if it has one. */
async function drawingOf(
  edit: PackageEdit,
  sheetPart: string
): Promise<{ id: string; part: string } | undefined> {
  const rel = (await edit.relationships(sheetPart)).find(
    (r) => r.type === CHART_REL.drawing && r.part && edit.has(r.part)
  );
  return rel?.part ? { id: rel.id, part: rel.part } : undefined;
}

function anchorName(xml: string, anchor: ElementSpan): string | undefined {
  const m = /<(?:[\w.-]+:)?cNvPr\b[^>]*?\bname="([^"]*)"/.exec(xml.slice(anchor.start, anchor.end));
  return m ? m[1].replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&lt;/g, "<") : undefined;
}

function anchorChartRelId(xml: string, anchor: ElementSpan): string | undefined {
  const m = /<(?:[\w.-]+:)?chart\b[^>]*?\b[\w.-]+:id="([^"]*)"/.exec(xml.slice(anchor.start, anchor.end));
  return m?.[1];
}

/** The sheet's <drawing> element, or where a new one goes (after the elements the schema puts before it). */
function drawingElement(xml: string): { root: ElementSpan; children: ElementSpan[]; drawing?: ElementSpan } {
  const root = rootSpan(xml);
  const children = childSpans(xml, root);
  return { root, children, drawing: children.find((c) => c.local === "drawing") };
}

/**
 * Takes Hyoka's charts named `names` off a sheet: their anchors, chart parts and relationships; a drawing Hyoka
 * created goes when nothing else is left in it, with the sheet's <drawing>. Returns how many charts it took off.
 */
export async function removeCharts(
  edit: PackageEdit,
  sheetPart: string,
  names: Set<string>
): Promise<number> {
  if (names.size === 0 || !edit.has(sheetPart)) return 0;
  const drawing = await drawingOf(edit, sheetPart);
  if (!drawing) return 0;
  const xml = await edit.text(drawing.part);
  const anchors = childSpans(xml, rootSpan(xml)).filter((a) => {
    const name = anchorName(xml, a);
    return name !== undefined && names.has(name) && a.local.endsWith("Anchor");
  });
  if (anchors.length === 0) return 0;
  const rels = await edit.relationships(drawing.part);
  for (const a of anchors) {
    const id = anchorChartRelId(xml, a);
    const rel = rels.find((r) => r.id === id);
    if (rel?.part && edit.has(rel.part)) {
      // Excel saves a chart with style and colour parts of its own (chartStyle, chartColorStyle): they go with it.
      for (const own of await edit.relationships(rel.part))
        if (own.part && edit.has(own.part) && /\/chart(Style|ColorStyle)$/.test(own.type))
          await edit.removePart(own.part);
      await edit.removePart(rel.part);
    }
    if (id) await edit.removeRelationships(drawing.part, (r) => r.id === id);
  }
  const left = applySplices(
    xml,
    anchors.map((a) => ({ at: a.start, remove: a.end - a.start, insert: "" }))
  );
  if (left === drawingPartXml("")) {
    await edit.removePart(drawing.part);
    await edit.removeRelationships(sheetPart, (r) => r.id === drawing.id);
    const sheetXml = await edit.text(sheetPart);
    const { drawing: element } = drawingElement(sheetXml);
    if (element)
      edit.set(
        sheetPart,
        applySplices(sheetXml, [{ at: element.start, remove: element.end - element.start, insert: "" }])
      );
  } else {
    edit.set(drawing.part, left);
  }
  return anchors.length;
}

/** Adds a chart to a sheet: its chart part, and an anchor in the sheet's drawing (created when it has none). */
export async function addChart(edit: PackageEdit, sheetPart: string, chart: ChartPlan): Promise<void> {
  const chartPart = edit.freeName("xl/charts/chart#.xml");
  const existing = await drawingOf(edit, sheetPart);
  const drawingPart = existing?.part ?? edit.freeName("xl/drawings/drawing#.xml");
  if (!existing) edit.set(drawingPart, drawingPartXml(""));
  const relId = await edit.addPart(
    drawingPart,
    chartPart,
    chartPartXml(chart),
    CHART_CONTENT_TYPE.chart,
    CHART_REL.chart,
    "Chart"
  );
  const xml = await edit.text(drawingPart);
  const root = rootSpan(xml);
  let maxId = 0;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\bid="(\d+)"/g))
    maxId = Math.max(maxId, Number(m[1]));
  const anchor = anchorXml(chart, maxId + 1, relId);
  edit.set(
    drawingPart,
    root.selfClosing
      ? applySplices(xml, [
          {
            at: root.start,
            remove: root.end - root.start,
            insert: `<${root.name}${xml.slice(root.start + root.name.length + 1, root.end - 2)}>${anchor}</${root.name}>`,
          },
        ])
      : applySplices(xml, [{ at: root.closeStart, remove: 0, insert: anchor }])
  );
  if (existing) return;
  // A new drawing: its content type, the sheet's relationship to it and the sheet's <drawing>.
  await edit.addOverride(drawingPart, CHART_CONTENT_TYPE.drawing);
  const id = await edit.freeRelationshipId(sheetPart, "Drawing");
  await edit.addRelationship(sheetPart, id, CHART_REL.drawing, drawingPart);
  const sheetXml = await edit.text(sheetPart);
  const { root: sheetRoot, children } = drawingElement(sheetXml);
  const prefix = sheetRoot.name.includes(":") ? sheetRoot.name.slice(0, sheetRoot.name.indexOf(":") + 1) : "";
  const r = prefixFor(sheetXml, sheetRoot, NS.officeRel);
  const element = r
    ? `<${prefix}drawing ${r}:id="${id}"/>`
    : `<${prefix}drawing xmlns:r="${NS.officeRel}" r:id="${id}"/>`;
  edit.set(
    sheetPart,
    applySplices(sheetXml, [
      { at: insertionOffset(sheetRoot, children, "drawing"), remove: 0, insert: element },
    ])
  );
}

import { parseA1 } from "../core/grid";
import { NOTE_PREFIX, type NotePlan } from "../core/plan";
import { CONTENT_TYPE, NS, REL } from "./opc";
import { XML_DECLARATION, type PackageEdit } from "./packageEdit";
import {
  applySplices,
  attributes,
  childSpans,
  escapeXml,
  innerText,
  prefixFor,
  rootSpan,
  type ElementSpan,
  type Splice,
} from "./xmlSpans";

const AUTHOR = "Hyoka";
const VML = {
  v: "urn:schemas-microsoft-com:vml",
  o: "urn:schemas-microsoft-com:office:office",
  x: "urn:schemas-microsoft-com:office:excel",
};

/** A comments part as Hyoka creates it, around its comments; one left like this after removal was Hyoka's. */
function commentsPartXml(comments: string): string {
  return `${XML_DECLARATION}<comments xmlns="${NS.main}"><authors><author>${AUTHOR}</author></authors><commentList>${comments}</commentList></comments>`;
}
const EMPTY_COMMENTS_LEFT = `${XML_DECLARATION}<comments xmlns="${NS.main}"><authors></authors><commentList></commentList></comments>`;

/** A VML drawing as Hyoka creates it, around its shapes. */
function vmlPartXml(block: number, shapes: string): string {
  return (
    `<xml xmlns:v="${VML.v}" xmlns:o="${VML.o}" xmlns:x="${VML.x}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
    `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`
  );
}

function elementPrefix(root: ElementSpan): string {
  return root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
}

interface Comment {
  span: ElementSpan;
  ref: string;
  authorId: number;
  text: string;
}

function commentsOf(xml: string): {
  root: ElementSpan;
  authors?: ElementSpan;
  list?: ElementSpan;
  comments: Comment[];
} {
  const root = rootSpan(xml);
  const children = childSpans(xml, root);
  const authors = children.find((c) => c.local === "authors");
  const list = children.find((c) => c.local === "commentList");
  const comments = list
    ? childSpans(xml, list)
        .filter((c) => c.local === "comment")
        .map((span) => {
          const a = attributes(xml, span);
          const text = childSpans(xml, span).find((c) => c.local === "text");
          return {
            span,
            ref: a.ref,
            authorId: Number(a.authorId ?? 0),
            text: text ? innerText(xml, text) : "",
          };
        })
    : [];
  return { root, authors, list, comments };
}

/** A VML note shape's cell, from its <x:Row> and <x:Column> (0-based). */
function shapeCell(xml: string, shape: ElementSpan): string | undefined {
  const body = xml.slice(shape.openEnd, shape.closeStart);
  if (!/ObjectType="Note"/.test(body)) return undefined;
  const row = /<(?:[\w.-]+:)?Row>\s*(\d+)\s*</.exec(body);
  const col = /<(?:[\w.-]+:)?Column>\s*(\d+)\s*</.exec(body);
  if (!row || !col) return undefined;
  return `${Number(col[1])},${Number(row[1])}`;
}

function cellKey(ref: string): string {
  const { row, col } = parseA1(ref);
  return `${col},${row}`;
}

/**
 * Takes Hyoka's notes out of a sheet: its comments (text starting with [Hyoka]) and their VML shapes. Parts Hyoka
 * created go when nothing else is left in them. Returns the relationship ids whose <legacyDrawing> must go.
 */
export async function removeHyokaNotes(edit: PackageEdit, sheetPart: string): Promise<Set<string>> {
  const gone = new Set<string>();
  const rels = await edit.relationships(sheetPart);
  const commentsRel = rels.find((r) => r.type === REL.comments && r.part && edit.has(r.part));
  if (!commentsRel?.part) return gone;
  const xml = await edit.text(commentsRel.part);
  if (!xml.includes(NOTE_PREFIX)) return gone;
  const { authors, comments } = commentsOf(xml);
  const mine = comments.filter((c) => c.text.startsWith(NOTE_PREFIX));
  if (mine.length === 0) return gone;
  const splices: Splice[] = mine.map((c) => ({
    at: c.span.start,
    remove: c.span.end - c.span.start,
    insert: "",
  }));
  const remaining = comments.filter((c) => !mine.includes(c));
  if (authors) {
    const names = childSpans(xml, authors);
    const last = names.length - 1;
    if (
      last >= 0 &&
      innerText(xml, names[last]) === AUTHOR &&
      !remaining.some((c) => c.authorId === last)
    )
      splices.push({
        at: names[last].start,
        remove: names[last].end - names[last].start,
        insert: "",
      });
  }
  const left = applySplices(xml, splices);
  if (left === EMPTY_COMMENTS_LEFT) {
    await edit.removePart(commentsRel.part);
    await edit.removeRelationships(sheetPart, (r) => r.id === commentsRel.id);
  } else {
    edit.set(commentsRel.part, left);
  }

  const cells = new Set(mine.map((c) => cellKey(c.ref)));
  const vmlRel = rels.find((r) => r.type === REL.vmlDrawing && r.part && edit.has(r.part));
  if (!vmlRel?.part) return gone;
  const vml = await edit.text(vmlRel.part);
  const root = rootSpan(vml);
  const shapes = childSpans(vml, root).filter((c) => c.local === "shape");
  const mineShapes = shapes.filter((s) => {
    const cell = shapeCell(vml, s);
    return cell !== undefined && cells.has(cell);
  });
  if (mineShapes.length === 0) return gone;
  const vmlLeft = applySplices(
    vml,
    mineShapes.map((s) => ({ at: s.start, remove: s.end - s.start, insert: "" }))
  );
  const block = /<o:idmap v:ext="edit" data="(\d+)"\/>/.exec(vmlLeft)?.[1];
  if (block !== undefined && vmlLeft === vmlPartXml(Number(block), "")) {
    await edit.removePart(vmlRel.part);
    await edit.removeRelationships(sheetPart, (r) => r.id === vmlRel.id);
    gone.add(vmlRel.id);
  } else {
    edit.set(vmlRel.part, vmlLeft);
  }
  return gone;
}

/** Cells of a sheet that already have a note or a threaded comment: Hyoka leaves them alone. */
export async function cellsWithComments(
  edit: PackageEdit,
  sheetPart: string
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const r of await edit.relationships(sheetPart)) {
    if (!r.part || !edit.has(r.part)) continue;
    if (r.type === REL.comments) {
      for (const c of commentsOf(await edit.text(r.part)).comments) out.add(c.ref.toUpperCase());
    } else if (r.type === REL.threadedComment) {
      const xml = await edit.text(r.part);
      for (const m of xml.matchAll(/<(?:[\w.-]+:)?threadedComment\b[^>]*\bref="([^"]+)"/g))
        out.add(m[1].toUpperCase());
    }
  }
  return out;
}

function noteShape(
  p: { v: string; o: string; x: string },
  id: number,
  ref: string,
  typed: boolean
): string {
  const { row, col } = parseA1(ref);
  const kind = typed
    ? `type="#_x0000_t202"`
    : `coordsize="21600,21600" ${p.o}:spt="202" path="m,l,21600r21600,l21600,xe"`;
  return (
    `<${p.v}:shape id="_x0000_s${id}" ${kind} style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" ${p.o}:insetmode="auto">` +
    `<${p.v}:fill color2="#ffffe1"/><${p.v}:shadow on="t" color="black" obscured="t"/><${p.v}:path ${p.o}:connecttype="none"/>` +
    `<${p.v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${p.v}:textbox>` +
    `<${p.x}:ClientData ObjectType="Note"><${p.x}:MoveWithCells/><${p.x}:SizeWithCells/>` +
    `<${p.x}:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 5}, 4</${p.x}:Anchor>` +
    `<${p.x}:AutoFill>False</${p.x}:AutoFill><${p.x}:Row>${row}</${p.x}:Row><${p.x}:Column>${col}</${p.x}:Column></${p.x}:ClientData></${p.v}:shape>`
  );
}

function commentXml(prefix: string, ref: string, authorId: number, text: string): string {
  const p = prefix;
  return `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}r></${p}text></${p}comment>`;
}

/** The largest o:idmap block in use, per package being edited: scanned once, then counted up as drawings are made. */
const idmapBlocks = new WeakMap<PackageEdit, number>();

/** A fresh o:idmap block for a new VML drawing, so its shape ids clash with no other drawing's. */
async function nextIdmap(edit: PackageEdit): Promise<number> {
  let max = idmapBlocks.get(edit);
  if (max === undefined) {
    max = 0;
    for (const name of edit.names()) {
      if (!name.toLowerCase().endsWith(".vml")) continue;
      const xml = await edit.text(name);
      for (const m of xml.matchAll(/<(?:[\w.-]+:)?idmap\b[^>]*\bdata="([^"]*)"/g))
        for (const n of m[1].split(",")) if (Number(n) > max) max = Number(n);
    }
  }
  idmapBlocks.set(edit, max + 1);
  return max + 1;
}

/**
 * Adds Hyoka's notes to a sheet: into its comments part and VML drawing when it has them, else into parts Hyoka
 * creates (with their relationships and content types). Returns the relationship id of a drawing it created,
 * which the sheet's <legacyDrawing> must name.
 */
export async function addNotes(
  edit: PackageEdit,
  sheetPart: string,
  notes: NotePlan[]
): Promise<string | undefined> {
  if (notes.length === 0) return undefined;
  const rels = await edit.relationships(sheetPart);
  const commentsRel = rels.find((r) => r.type === REL.comments && r.part && edit.has(r.part));
  if (commentsRel?.part) {
    const xml = await edit.text(commentsRel.part);
    const { root, authors, list } = commentsOf(xml);
    const p = elementPrefix(root);
    const splices: Splice[] = [];
    let authorId: number;
    if (authors) {
      const names = childSpans(xml, authors).map((a) => innerText(xml, a));
      authorId = names.indexOf(AUTHOR);
      if (authorId < 0) {
        authorId = names.length;
        splices.push(
          authors.selfClosing
            ? {
                at: authors.start,
                remove: authors.end - authors.start,
                insert: `<${authors.name}><${p}author>${AUTHOR}</${p}author></${authors.name}>`,
              }
            : { at: authors.closeStart, remove: 0, insert: `<${p}author>${AUTHOR}</${p}author>` }
        );
      }
    } else {
      authorId = 0;
      splices.push({
        at: root.openEnd,
        remove: 0,
        insert: `<${p}authors><${p}author>${AUTHOR}</${p}author></${p}authors>`,
      });
    }
    const added = notes.map((n) => commentXml(p, n.cell, authorId, n.text)).join("");
    if (!list)
      splices.push({
        at: root.closeStart,
        remove: 0,
        insert: `<${p}commentList>${added}</${p}commentList>`,
      });
    else if (list.selfClosing)
      splices.push({
        at: list.start,
        remove: list.end - list.start,
        insert: `<${list.name}>${added}</${list.name}>`,
      });
    else splices.push({ at: list.closeStart, remove: 0, insert: added });
    edit.set(commentsRel.part, applySplices(xml, splices));
  } else {
    const part = edit.freeName("xl/comments#.xml");
    const xml = commentsPartXml(notes.map((n) => commentXml("", n.cell, 0, n.text)).join(""));
    await edit.addPart(sheetPart, part, xml, CONTENT_TYPE.comments, REL.comments, "Comments");
  }

  const vmlRel = rels.find((r) => r.type === REL.vmlDrawing && r.part && edit.has(r.part));
  if (vmlRel?.part) {
    const vml = await edit.text(vmlRel.part);
    const root = rootSpan(vml);
    const p = {
      v: prefixFor(vml, root, VML.v) || "v",
      o: prefixFor(vml, root, VML.o) || "o",
      x: prefixFor(vml, root, VML.x) || "x",
    };
    const declared =
      prefixFor(vml, root, VML.v) && prefixFor(vml, root, VML.o) && prefixFor(vml, root, VML.x);
    let next = 0;
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) next = Math.max(next, Number(m[1]));
    const typed = vml.includes('id="_x0000_t202"');
    let shapes = notes.map((n) => noteShape(p, ++next, n.cell, typed)).join("");
    // A drawing whose root does not declare the VML prefixes gets them on each new shape.
    if (!declared)
      shapes = shapes.replace(
        new RegExp(`<${p.v}:shape `, "g"),
        `<${p.v}:shape xmlns:${p.v}="${VML.v}" xmlns:${p.o}="${VML.o}" xmlns:${p.x}="${VML.x}" `
      );
    edit.set(vmlRel.part, applySplices(vml, [{ at: root.closeStart, remove: 0, insert: shapes }]));
    return undefined;
  }
  const block = await nextIdmap(edit);
  const vml = vmlPartXml(
    block,
    notes
      .map((n, i) => noteShape({ v: "v", o: "o", x: "x" }, block * 1024 + i + 1, n.cell, true))
      .join("")
  );
  const part = edit.freeName("xl/drawings/vmlDrawing#.vml");
  return edit.addPart(sheetPart, part, vml, CONTENT_TYPE.vml, REL.vmlDrawing, "Vml");
}

/** The sheet's <legacyDrawing> pointing at a drawing Hyoka created. */
export function legacyDrawingXml(
  elementPrefix: string,
  relPrefix: string | undefined,
  id: string
): string {
  const p = elementPrefix;
  return relPrefix
    ? `<${p}legacyDrawing ${relPrefix}:id="${id}"/>`
    : `<${p}legacyDrawing xmlns:r="${NS.officeRel}" r:id="${id}"/>`;
}

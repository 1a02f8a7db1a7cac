/** Open Packaging Conventions: part names, relationships and content types (ECMA-376 Part 2). */
import { attributes, childSpans, rootSpan } from "./xmlSpans";

export const NS = {
  relationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  officeRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
};

export const REL = {
  officeDocument: `${NS.officeRel}/officeDocument`,
  worksheet: `${NS.officeRel}/worksheet`,
  sharedStrings: `${NS.officeRel}/sharedStrings`,
  styles: `${NS.officeRel}/styles`,
  comments: `${NS.officeRel}/comments`,
  vmlDrawing: `${NS.officeRel}/vmlDrawing`,
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
};

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
};

export const CONTENT_TYPES_PART = "[Content_Types].xml";

/** The rels part that holds a part's relationships: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part, as a zip entry name (no leading slash). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.map((s) => decodeURIComponent(s)).join("/");
}

/** `to` as a target relative to the folder of `from` (both zip entry names). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The resolved part name; undefined for external targets. */
  part?: string;
}

export function parseRelationships(source: string, xml: string): Relationship[] {
  const root = rootSpan(xml);
  return childSpans(xml, root)
    .filter((c) => c.local === "Relationship")
    .map((c) => {
      const a = attributes(xml, c);
      const external = a.TargetMode === "External";
      return {
        id: a.Id,
        type: a.Type,
        target: a.Target,
        part: external ? undefined : resolveTarget(source, a.Target),
      };
    });
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const root = rootSpan(xml);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const c of childSpans(xml, root)) {
    const a = attributes(xml, c);
    if (c.local === "Default") defaults.set(a.Extension.toLowerCase(), a.ContentType);
    else if (c.local === "Override") overrides.set(a.PartName.replace(/^\//, ""), a.ContentType);
  }
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = [...types.overrides].find(([p]) => p.toLowerCase() === part.toLowerCase());
  if (override) return override[1];
  const dot = part.lastIndexOf(".");
  return dot < 0 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
}

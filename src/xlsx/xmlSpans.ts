/**
 * Where elements sit in a part's XML text, so a part can be edited by splicing in and cutting out Hyoka's own
 * elements while every other character stays as the writer left it. Parts reaching here were already parsed
 * by the SAX reader, so they are well-formed; this only finds tag boundaries (skipping comments, CDATA,
 * processing instructions and quoted attribute values).
 */

export interface ElementSpan {
  /** Qualified name as written (with any prefix). */
  name: string;
  /** Name without its prefix. */
  local: string;
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset of "<" of the end tag (equal to `end` for an empty element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
}

interface Tag {
  kind: "open" | "close" | "empty";
  name: string;
  start: number;
  end: number;
}

/** The next start, end or empty-element tag at or after `from`; null at the end of the text. */
function nextTag(xml: string, from: number): Tag | null {
  let i = xml.indexOf("<", from);
  while (i >= 0) {
    if (xml.startsWith("<!--", i)) {
      i = xml.indexOf("<", xml.indexOf("-->", i + 4) + 3);
      continue;
    }
    if (xml.startsWith("<![CDATA[", i)) {
      i = xml.indexOf("<", xml.indexOf("]]>", i + 9) + 3);
      continue;
    }
    if (xml.startsWith("<?", i)) {
      i = xml.indexOf("<", xml.indexOf("?>", i + 2) + 2);
      continue;
    }
    if (xml.startsWith("<!", i)) {
      i = xml.indexOf("<", xml.indexOf(">", i + 2) + 1);
      continue;
    }
    const closing = xml.charCodeAt(i + 1) === 47; // "/"
    let j = i + (closing ? 2 : 1);
    const nameStart = j;
    while (j < xml.length && !/[\s/>]/.test(xml[j])) j++;
    const name = xml.slice(nameStart, j);
    // Find the tag's ">" outside quoted attribute values.
    let quote = "";
    for (; j < xml.length; j++) {
      const ch = xml[j];
      if (quote) {
        if (ch === quote) quote = "";
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === ">") break;
    }
    const empty = !closing && xml.charCodeAt(j - 1) === 47;
    return { kind: closing ? "close" : empty ? "empty" : "open", name, start: i, end: j + 1 };
  }
  return null;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The document's root element. Only comments, instructions and spaces may follow it: its end tag is the last. */
export function rootSpan(xml: string): ElementSpan {
  const tag = nextTag(xml, 0);
  if (!tag || tag.kind === "close") throw new Error("no root element");
  if (tag.kind === "empty") return finish(xml, tag);
  const close = xml.lastIndexOf(`</${tag.name}`);
  if (close < tag.end) throw new Error(`<${tag.name}> is not closed`);
  return {
    name: tag.name,
    local: localName(tag.name),
    start: tag.start,
    openEnd: tag.end,
    closeStart: close,
    end: xml.indexOf(">", close) + 1,
    selfClosing: false,
  };
}

function finish(xml: string, open: Tag): ElementSpan {
  if (open.kind === "empty")
    return {
      name: open.name,
      local: localName(open.name),
      start: open.start,
      openEnd: open.end,
      closeStart: open.end,
      end: open.end,
      selfClosing: true,
    };
  if (localName(open.name) === "sheetData") {
    // A sheet's cells are most of its text and hold no nested <sheetData>; markup inside cell text is escaped,
    // so its end tag is the first one. One search instead of a walk over every row and cell.
    const close = xml.indexOf(`</${open.name}`, open.end);
    if (close < 0) throw new Error(`<${open.name}> is not closed`);
    return {
      name: open.name,
      local: "sheetData",
      start: open.start,
      openEnd: open.end,
      closeStart: close,
      end: xml.indexOf(">", close) + 1,
      selfClosing: false,
    };
  }
  let depth = 1;
  let at = open.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t) throw new Error(`<${open.name}> is not closed`);
    at = t.end;
    if (t.kind === "open") depth++;
    else if (t.kind === "close" && --depth === 0)
      return {
        name: open.name,
        local: localName(open.name),
        start: open.start,
        openEnd: open.end,
        closeStart: t.start,
        end: t.end,
        selfClosing: false,
      };
  }
}

/** The child elements of `parent`, in order. */
export function childSpans(xml: string, parent: ElementSpan): ElementSpan[] {
  const out: ElementSpan[] = [];
  if (parent.selfClosing) return out;
  let at = parent.openEnd;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t || t.start >= parent.closeStart) return out;
    const span = finish(xml, t);
    out.push(span);
    at = span.end;
  }
}

export function firstChild(
  xml: string,
  parent: ElementSpan,
  local: string
): ElementSpan | undefined {
  return childSpans(xml, parent).find((c) => c.local === local);
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      );
    return ENTITIES[e] ?? m;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot" }[c]};`);
}

/** The attributes of an element's start tag, unescaped, by qualified name. */
export function attributes(xml: string, span: ElementSpan): Record<string, string> {
  const tag = xml.slice(span.start + span.name.length + 1, span.openEnd);
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/** The element's text content with tags dropped (for short elements such as a comment's runs). */
export function innerText(xml: string, span: ElementSpan): string {
  return unescapeXml(xml.slice(span.openEnd, span.closeStart).replace(/<[^>]*>/g, ""));
}

/** The prefix bound to a namespace on the root element ("" for the default namespace), or undefined. */
export function prefixFor(xml: string, root: ElementSpan, namespace: string): string | undefined {
  for (const [name, value] of Object.entries(attributes(xml, root))) {
    if (value !== namespace) continue;
    if (name === "xmlns") return "";
    if (name.startsWith("xmlns:")) return name.slice(6);
  }
  return undefined;
}

/** Text with the given ranges cut out and strings inserted, applied from the end so offsets stay valid. */
export interface Splice {
  at: number;
  /** Characters removed from `at`. */
  remove: number;
  insert: string;
}

export function applySplices(xml: string, splices: Splice[]): string {
  // At one offset, an insertion goes before a removal that starts there.
  const sorted = [...splices].sort((a, b) => a.at - b.at || a.remove - b.remove);
  let out = "";
  let pos = 0;
  for (const s of sorted) {
    if (s.at < pos) throw new Error("overlapping edits");
    out += xml.slice(pos, s.at) + s.insert;
    pos = s.at + s.remove;
  }
  return out + xml.slice(pos);
}

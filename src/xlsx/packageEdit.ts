import {
  CONTENT_TYPES_PART,
  NS,
  parseRelationships,
  relativeTarget,
  relsPartOf,
  type Relationship,
} from "./opc";
import { applySplices, attributes, childSpans, escapeXml, rootSpan, type Splice } from "./xmlSpans";
import type { PartSource, ZipPackage } from "./zipPackage";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A rels part exactly as Hyoka writes one it creates; when removals bring a rels part back to this, it goes. */
export const EMPTY_RELS = `${XML_DECLARATION}<Relationships xmlns="${NS.relationships}"></Relationships>`;

/** The prefix of the relationship ids Hyoka gives what it creates. */
export const HYOKA_ID = "hyoka";

/**
 * The edits to a package: parts whose text Hyoka changed, parts it added and parts it removed. Every other part
 * is copied from the original package as it is, so what Hyoka has no reason to touch is never re-serialized.
 */
export class PackageEdit {
  private readonly texts = new Map<string, string>();
  /** Text of the original parts as first read, to tell an edit that came back to the original. */
  private readonly originals = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];

  constructor(readonly pkg: ZipPackage) {}

  has(part: string): boolean {
    if (this.removed.has(part)) return false;
    return this.texts.has(part) || this.pkg.has(part);
  }

  /** Every part name the edited package will hold. */
  names(): string[] {
    return [
      ...this.pkg.parts.map((p) => p.name).filter((n) => !this.removed.has(n)),
      ...this.added.filter((n) => !this.removed.has(n)),
    ];
  }

  async text(part: string): Promise<string> {
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const text = await this.pkg.text(part);
    this.texts.set(part, text);
    if (this.pkg.has(part)) this.originals.set(part, text);
    return text;
  }

  set(part: string, text: string): void {
    if (this.texts.get(part) === text && !this.removed.has(part)) return;
    this.texts.set(part, text);
    this.removed.delete(part);
    if (this.pkg.has(part)) this.changed.add(part);
    else if (!this.added.includes(part)) this.added.push(part);
  }

  remove(part: string): void {
    this.removed.add(part);
    this.texts.delete(part);
    this.changed.delete(part);
  }

  /** True when the part's text differs from the original (so it must be written from text). */
  async isChanged(part: string): Promise<boolean> {
    if (!this.changed.has(part)) return false;
    const original = this.originals.get(part) ?? (await this.pkg.text(part));
    return this.texts.get(part) !== original;
  }

  /** A free part name from a pattern such as xl/hyoka/sheet#.xml. */
  freeName(pattern: string): string {
    for (let i = 1; ; i++) {
      const name = pattern.replace("#", String(i));
      if (!this.has(name)) return name;
    }
  }

  async entries(): Promise<PartSource[]> {
    const out: PartSource[] = [];
    for (const p of this.pkg.parts) {
      if (this.removed.has(p.name)) continue;
      if (p.directory) out.push({ name: p.name, directory: p.mtime });
      else if (await this.isChanged(p.name))
        out.push({ name: p.name, data: Buffer.from(this.texts.get(p.name)!, "utf8") });
      else out.push({ name: p.name, from: this.pkg });
    }
    for (const name of this.added)
      if (!this.removed.has(name))
        out.push({ name, data: Buffer.from(this.texts.get(name)!, "utf8") });
    return out;
  }

  // Relationships

  async relationships(source: string): Promise<Relationship[]> {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return [];
    return parseRelationships(source, await this.text(rels));
  }

  /** Adds a relationship from `source` to `target` (a part name); creates the rels part if there is none. */
  async addRelationship(source: string, id: string, type: string, target: string): Promise<void> {
    const rels = relsPartOf(source);
    const xml = this.has(rels) ? await this.text(rels) : EMPTY_RELS;
    const root = rootSpan(xml);
    const element = `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(source, target))}"/>`;
    const at = root.selfClosing ? root.end : root.closeStart;
    const insert = root.selfClosing
      ? `<${root.name}${xml.slice(root.start + root.name.length + 1, root.end - 2)}>${element}</${root.name}>`
      : element;
    this.set(
      rels,
      applySplices(xml, [
        {
          at: root.selfClosing ? root.start : at,
          remove: root.selfClosing ? root.end - root.start : 0,
          insert,
        },
      ])
    );
  }

  /** Removes `source`'s relationships that `drop` selects; a rels part Hyoka created and that is left empty goes. */
  async removeRelationships(
    source: string,
    drop: (r: { id: string; type: string }) => boolean
  ): Promise<void> {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return;
    const xml = await this.text(rels);
    const root = rootSpan(xml);
    const splices: Splice[] = [];
    for (const c of childSpans(xml, root)) {
      const a = attributes(xml, c);
      if (c.local === "Relationship" && drop({ id: a.Id, type: a.Type }))
        splices.push({ at: c.start, remove: c.end - c.start, insert: "" });
    }
    if (splices.length === 0) return;
    const next = applySplices(xml, splices);
    if (next === EMPTY_RELS) this.remove(rels);
    else this.set(rels, next);
  }

  /** An id for a new relationship of `source`: hyoka + a name, unique in its rels part. */
  async freeRelationshipId(source: string, name: string): Promise<string> {
    const taken = new Set((await this.relationships(source)).map((r) => r.id));
    for (let i = 1; ; i++) {
      const id = `${HYOKA_ID}${name}${i > 1 ? i : ""}`;
      if (!taken.has(id)) return id;
    }
  }

  // Content types

  async addOverride(part: string, contentType: string): Promise<void> {
    const xml = await this.text(CONTENT_TYPES_PART);
    const root = rootSpan(xml);
    this.set(
      CONTENT_TYPES_PART,
      applySplices(xml, [
        {
          at: root.closeStart,
          remove: 0,
          insert: `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`,
        },
      ])
    );
  }

  async removeOverride(part: string): Promise<void> {
    const xml = await this.text(CONTENT_TYPES_PART);
    const root = rootSpan(xml);
    const splices: Splice[] = [];
    for (const c of childSpans(xml, root))
      if (c.local === "Override" && attributes(xml, c).PartName?.replace(/^\//, "") === part)
        splices.push({ at: c.start, remove: c.end - c.start, insert: "" });
    if (splices.length > 0) this.set(CONTENT_TYPES_PART, applySplices(xml, splices));
  }

  /** Adds a part with its content type and a relationship to it from `source`. */
  async addPart(
    source: string,
    part: string,
    text: string,
    contentType: string,
    relType: string,
    relName: string
  ): Promise<string> {
    this.set(part, text);
    await this.addOverride(part, contentType);
    const id = await this.freeRelationshipId(source, relName);
    await this.addRelationship(source, id, relType, part);
    return id;
  }

  /** Removes a part, its own relationships part and its content type (not the relationships pointing at it). */
  async removePart(part: string): Promise<void> {
    this.remove(part);
    const rels = relsPartOf(part);
    if (this.has(rels)) this.remove(rels);
    await this.removeOverride(part);
  }
}

export { XML_DECLARATION };

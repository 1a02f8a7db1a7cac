import { promises as fs } from "fs";
import { readZip } from "./zip";

/** A package's parts by name, decompressed. */
export async function partsOf(file: string): Promise<Map<string, Buffer>> {
  return new Map(readZip(await fs.readFile(file)).map((e) => [e.name, e.data]));
}

export interface PartsDiff {
  kept: string[];
  edited: string[];
  lost: string[];
  added: string[];
}

/** Which parts of `before` are in `after` with the same decompressed bytes, which differ, which are gone. */
export function diffParts(before: Map<string, Buffer>, after: Map<string, Buffer>): PartsDiff {
  const diff: PartsDiff = { kept: [], edited: [], lost: [], added: [] };
  for (const [name, data] of before) {
    const now = after.get(name);
    if (!now) diff.lost.push(name);
    else if (now.equals(data)) diff.kept.push(name);
    else diff.edited.push(name);
  }
  for (const name of after.keys()) if (!before.has(name)) diff.added.push(name);
  return diff;
}

import { promises as fs } from "fs";
import * as path from "path";

const WILD = /[*?]/;

function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .split("")
    .map((ch) =>
      ch === "*" ? "[^/]*" : ch === "?" ? "[^/]" : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")
    )
    .join("");
  return new RegExp(`^${body}$`);
}

async function walk(dir: string, recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && recursive) out.push(...(await walk(full, true)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** .xlsx and macro-enabled .xlsm; Office's lock files (~$book.xlsx) are not workbooks. */
function isWorkbookName(file: string): boolean {
  const base = path.basename(file);
  return /\.xls[xm]$/i.test(base) && !base.startsWith("~$");
}

/**
 * The workbooks named on the command line: files as given, every .xlsx in a directory, and quoted globs
 * (`"wards/*.xlsx"`, `"city/**\/*.xlsx"`) when the shell did not expand them. Sorted, without duplicates.
 */
export async function expandInputs(
  inputs: string[]
): Promise<{ files: string[]; unmatched: string[] }> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const input of inputs) {
    if (WILD.test(input)) {
      const recursive = input.includes("**/");
      const [base] = input.split(/[*?]/);
      const root = base.endsWith("/") || base === "" ? base || "." : path.dirname(base);
      const relPattern = input
        .slice(root === "." && !input.startsWith("./") ? 0 : root.length)
        .replace(/^\//, "");
      const re = patternToRegExp(relPattern.replace("**/", ""));
      let found = 0;
      try {
        for (const file of await walk(root, recursive)) {
          const rel = path.relative(root, file).split(path.sep).join("/");
          const name = recursive ? path.basename(rel) : rel;
          if (re.test(recursive ? name : rel) && isWorkbookName(file)) {
            files.add(file);
            found++;
          }
        }
      } catch {
        // An unreadable directory matches nothing; reported below.
      }
      if (found === 0) unmatched.push(input);
      continue;
    }
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      const inDir = (await walk(input, false)).filter(isWorkbookName);
      if (inDir.length === 0) unmatched.push(input);
      inDir.forEach((f) => files.add(f));
    } else {
      files.add(input); // a missing file is reported as unusable by the check itself
    }
  }
  return { files: [...files].sort(), unmatched };
}

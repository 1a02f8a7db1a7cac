import * as fs from "fs";
import * as path from "path";

/** The two seed documents; tests may read ../shared, product code never does. */
export function seedText(): string {
  const dir = path.resolve(__dirname, "../../../shared/seeds");
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n") : "";
}

export const SAMPLE = path.resolve(__dirname, "../fixtures/minato-h28.xlsx");

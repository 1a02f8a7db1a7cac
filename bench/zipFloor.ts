/** The floor under `hyoka check --out`: unzip every entry of an .xlsx and zip it again, with the adapter's zip library. */
import { promises as fs } from "fs";
import { writeZip, ZipPackage } from "../src/xlsx/zipPackage";

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const pkg = await ZipPackage.open(await fs.readFile(input));
  const entries = await Promise.all(
    pkg.parts.map(async (p) =>
      p.directory
        ? { name: p.name, directory: p.mtime }
        : { name: p.name, data: await pkg.read(p.name) }
    )
  );
  await writeZip(output, entries);
}

void main();

/** The unavoidable file work, for comparison with `hyoka check --out`: load an .xlsx with ExcelJS and save it. */
import ExcelJS from "exceljs";

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
  process.stderr.write(`${process.resourceUsage().maxRSS * 1024}\n`);
}

void main();

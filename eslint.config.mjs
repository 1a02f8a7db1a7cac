import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const nodeGlobals = { process: "readonly", Buffer: "readonly", __dirname: "readonly", require: "readonly", module: "writable", console: "readonly" };

export default [
  { ignores: ["dist/**", "out/**", "node_modules/**", "coverage/**", "test/artifacts/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    // The Office.js rules are for code that talks to Excel through proxies; the engine, the CLI and the
    // .xlsx adapter never do, and ExcelJS objects (cell.note) are plain objects.
    files: ["src/core/**", "src/cli/**", "src/xlsx/**", "bench/**"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, "off"])),
  },
  { files: ["src/cli/**", "src/xlsx/**", "bench/**"], languageOptions: { globals: nodeGlobals } },
  // Office.js types and globals: the Office adapter and the task pane.
  { files: ["src/excel/**", "src/taskpane/**", "src/functions/**"], languageOptions: { globals: { Office: "readonly", Excel: "readonly", navigator: "readonly" } } },
];

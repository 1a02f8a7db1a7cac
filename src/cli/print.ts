import type { JsonReport, Lang, ReportOverview } from "../core/report";
import { isEvaluationRole, roleName } from "../core/recognize";

const T = {
  ja: {
    sheets: "シート",
    header: "見出し",
    row: "行目",
    counts: "記録された状況",
    findings: "指摘",
    none: "指摘はありません",
    tally: "業績目標の達成状況",
    achieved: "達成",
    notAchieved: "未達成",
    total: "計",
    unmet: "目標未達成の取組み",
    uncounted: "未記入・無効のため集計していない取組",
    severity: { error: "エラー", warning: "注意", info: "情報" },
    cannotDecide: "規則で判定できない項目",
  },
  en: {
    sheets: "Sheets",
    header: "header",
    row: "",
    counts: "Recorded statuses",
    findings: "Findings",
    none: "no findings",
    tally: "Achievement by management issue",
    achieved: "achieved",
    notAchieved: "not achieved",
    total: "total",
    unmet: "Unmet initiatives",
    uncounted: "Not counted (empty or invalid code)",
    severity: { error: "error", warning: "warning", info: "info" },
    cannotDecide: "items no rule can decide",
  },
} as const;

function count<T>(items: T[], key: (t: T) => string | null): string {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i) ?? "—";
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join("  ");
}

/**
 * Which column each field was read from (with the header and why, where the header is not the field's own word),
 * the fields not found, and the columns set aside.
 */
function sheetColumns(s: JsonReport["sheets"][number], lang: Lang): string[] {
  const ja = lang === "ja";
  const out = [
    `      ${ja ? "列" : "columns"}: ${s.fields
      .map((f) => `${f.name}=${f.column}${f.match === "exact" ? "" : ` (${f.header}: ${f.why})`}`)
      .join(ja ? "、" : ", ")}`,
  ];
  if (s.notFound.length)
    out.push(
      `      ${ja ? "見つからない列" : "not found"}: ${s.notFound
        .map((n) => n.lookedFor.join(ja ? "・" : "/"))
        .join(ja ? "、" : ", ")}`
    );
  for (const i of s.ignored)
    out.push(`      ${ja ? "使わない列" : "set aside"} ${i.column} ${i.header}: ${i.why}`);
  return out;
}

/** The readable summary the command line prints: sheets, status counts, findings by sheet, the tally. */
export function formatReport(report: ReportOverview, lang: Lang): string {
  const t = T[lang];
  const lines: string[] = [];
  lines.push(`Hyoka ${report.version} — ${report.file ?? ""}`);
  lines.push("", `${t.sheets}:`);
  for (const s of report.sheets) {
    const header = s.headerRows.length
      ? ` (${t.header} ${s.headerRows[0]}${s.headerRows.length > 1 ? `–${s.headerRows[s.headerRows.length - 1]}` : ""}${t.row})`
      : "";
    lines.push(
      `  ${s.name}: ${roleName(s.role, lang)}${header}${s.role === "other" || s.missing.length ? ` — ${s.reason}` : ""}`
    );
    if (isEvaluationRole(s.role)) lines.push(...sheetColumns(s, lang));
  }
  lines.push("", `${t.counts}:`);
  lines.push(
    `  ①②③: ${count(report.initiatives, (i) => i.recorded.achievement)}   ○×: ${count(report.initiatives, (i) => i.recorded.effectiveness)}`
  );
  lines.push(
    `  A/B: ${count(report.outcomes, (o) => o.recorded)}   a/b: ${count(report.strategies, (s) => s.recordedProgress)}`
  );

  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) bySeverity[f.severity]++;
  lines.push(
    "",
    `${t.findings}: ${t.severity.error} ${bySeverity.error} / ${t.severity.warning} ${bySeverity.warning} / ${t.severity.info} ${bySeverity.info}`
  );
  if (report.findings.length === 0) lines.push(`  ${t.none}`);
  let sheet: string | null = null;
  for (const f of report.findings) {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      lines.push(`  [${f.sheet || (lang === "ja" ? "ブック全体" : "workbook")}]`);
    }
    lines.push(`    ${t.severity[f.severity]} ${f.cell ?? ""} ${f.message}  (${f.rule})`);
  }

  lines.push("", `${t.tally}:`);
  const width = Math.max(...report.summary.byIssue.map((b) => b.name.length), 4);
  for (const b of report.summary.byIssue) {
    lines.push(
      `  経営課題${b.issueNo} ${b.name.padEnd(width, "　")}  ${t.achieved} ${String(b.achieved).padStart(3)}  ${t.notAchieved} ${String(b.notAchieved).padStart(3)}`
    );
  }
  const total = report.summary.total;
  lines.push(
    `  ${t.total}${" ".repeat(7)}${"　".repeat(width)}  ${t.achieved} ${String(total.achieved).padStart(3)}  ${t.notAchieved} ${String(total.notAchieved).padStart(3)}`
  );
  if (report.summary.uncounted.length)
    lines.push(`  ${t.uncounted}: ${report.summary.uncounted.join(", ")}`);
  if (report.summary.unmet.length) {
    lines.push("", `${t.unmet}:`);
    for (const u of report.summary.unmet)
      lines.push(`  【${u.code}】${u.title}\n      ${u.situation.replace(/\n/g, "\n      ")}`);
  }
  return lines.join("\n");
}

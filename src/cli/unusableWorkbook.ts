import type { JsonReport } from "../core/report";
import type { Profile } from "../core/profile";
import { headerKeywords, isUsableEvaluationSheet, roleName } from "../core/recognize";

/**
 * A workbook with no evaluation sheet Hyoka can read is unusable input, not a workbook with nothing wrong:
 * the message names the sheets seen and the headers looked for. Null when some evaluation sheet is usable.
 */
export function noEvaluationSheet(
  report: Pick<JsonReport, "sheets">,
  profile: Profile
): { ja: string; en: string } | null {
  if (report.sheets.some(isUsableEvaluationSheet)) return null;
  const looked = (lang: "ja" | "en") =>
    (["outcome", "initiative"] as const)
      .map(
        (role) =>
          `${roleName(role, lang)}: ${headerKeywords(profile, role).join(lang === "ja" ? "・" : ", ")}`
      )
      .join(" / ");
  const sheets = report.sheets.map((s) => s.name);
  return {
    ja: `評価シートが見つかりません（シート: ${sheets.join("、") || "なし"}。探した見出し ${looked("ja")}）`,
    en: `no evaluation sheet found (sheets: ${sheets.join(", ") || "none"}; headers looked for ${looked("en")})`,
  };
}

import type { Lang } from "../core/report";
import type { ActionResult } from "../excel/session";
import { t, tDone } from "./strings";
import { describeError } from "../excel/errors";

export interface PaneMessage {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  body: string;
}

/** What the pane says after a button that writes: what was added, what was left alone, or why nothing was. */
export function outcomeMessage(result: ActionResult, lang: Lang): PaneMessage | null {
  const o = result.outcome;
  if (!o || result.action === "check") return null;
  const ja = lang === "ja";
  if (!o.applied && o.reason === "failed") {
    const cause = describeError(o.error)[lang];
    return {
      intent: "error",
      title: o.restored
        ? ja
          ? "途中で止まったため、元に戻しました"
          : "Stopped part way; the workbook is back as it was"
        : ja
          ? "途中で止まりました（一部だけ書き込まれています）"
          : "Stopped part way (partly written)",
      body: o.restored
        ? `${cause} ${ja ? "ブックは押す前と同じです。" : "The workbook is as it was before."}`
        : `${cause} ${ja ? "「クリア」を押すと Hyoka が加えたものをすべて取り除けます。" : "Press Clear to remove everything Hyoka added."}`,
    };
  }
  if (!o.applied) {
    const parts = [
      ...(o.protectedSheets.length > 0
        ? [
            ja
              ? `保護されているシート: ${o.protectedSheets.join("、")}`
              : `Protected sheets: ${o.protectedSheets.join(", ")}`,
          ]
        : []),
      ...(o.workbookProtected
        ? [ja ? "ブックの構成が保護されています" : "The workbook structure is protected"]
        : []),
    ];
    return {
      intent: "warning",
      title: t("protectedTitle", lang),
      body: `${parts.join(ja ? "。" : ". ")}${ja ? "。保護を解除してから、もう一度押してください。ブックは変わっていません。" : ". Unprotect, then try again. The workbook is unchanged."}`,
    };
  }
  const action = result.action as "color" | "summary" | "clear";
  const lines: string[] = [];
  if (action === "color") {
    lines.push(
      ja
        ? `色分けの規則 ${o.added.formatRules} 件（${o.added.formatRanges} 列範囲）、ドロップダウン ${o.added.validations} 範囲、メモ ${o.added.notes} 件。`
        : `${o.added.formatRules} color rules (${o.added.formatRanges} column ranges), ${o.added.validations} dropdown ranges, ${o.added.notes} notes.`
    );
    if (o.notesSkipped)
      lines.push(
        ja
          ? "この Excel はメモの追加に対応していないため（ExcelApi 1.18 未満）、指摘はこの画面だけに表示しています。"
          : "This Excel cannot add notes (ExcelApi below 1.18); findings are shown in this pane only."
      );
  }
  if (action === "summary")
    lines.push(
      ja
        ? `達成 ${result.report.summary.total.achieved}・未達成 ${result.report.summary.total.notAchieved}。${o.added.sheets > 0 ? `新しいシート ${o.added.sheets} 枚を作りました。` : "既存の集計シートに書き込みました。"}`
        : `Met ${result.report.summary.total.achieved}, not met ${result.report.summary.total.notAchieved}. ${o.added.sheets > 0 ? `Created ${o.added.sheets} sheet(s).` : "Filled the existing summary sheets."}`
    );
  if (action === "clear")
    lines.push(
      ja
        ? `規則 ${o.removed.formatRules} 件・ドロップダウン ${o.removed.validations} 範囲・メモ ${o.removed.notes} 件・シート ${o.removed.sheets} 枚を取り除きました。`
        : `Removed ${o.removed.formatRules} rules, ${o.removed.validations} dropdown ranges, ${o.removed.notes} notes and ${o.removed.sheets} sheets.`
    );
  for (const s of o.skipped) lines.push(skippedLine(s, ja));
  return {
    intent: o.skipped.length > 0 || o.notesSkipped ? "warning" : "success",
    title: tDone(action, lang),
    body: lines.join(" "),
  };
}

function skippedLine(
  s: Extract<NonNullable<ActionResult["outcome"]>, { applied: true }>["skipped"][number],
  ja: boolean
): string {
  const at = `${s.sheet}!${s.cell}`;
  if (s.what === "comment")
    return ja
      ? `${at} にはスレッド形式のコメントがあり、メモと同じセルには置けないため、メモを付けませんでした（指摘はこの画面に表示しています）。`
      : `${at} has a threaded comment, and a cell cannot hold a note too: no note was added (the finding is shown here).`;
  if (s.what === "merged")
    return ja
      ? `${at} は結合セルの左上以外のため、値を書き込めませんでした。`
      : `${at} lies under a merged cell (not its top-left), so its value was not written.`;
  return ja
    ? `${at} には人が付けた${s.what === "note" ? "メモ" : "入力規則"}があるため、そのままにしました。`
    : `${at} has a ${s.what === "note" ? "note" : "validation"} someone set; left as it is.`;
}

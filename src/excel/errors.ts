import type { Lang } from "../core/report";

export interface UserMessage {
  ja: string;
  en: string;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : "";
}

/** An Office error as a sentence for the task pane; never a stack trace. */
export function describeError(error: unknown): UserMessage {
  const code = codeOf(error);
  if (code === "InvalidOperationInCellEditMode")
    return {
      ja: "セルを編集中のため実行できませんでした。Enter か Esc で編集を終えてから、もう一度押してください。",
      en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
    };
  // The delay-in-cell-edit article names InvalidOperation for a batch refused while a cell is edited; it is also
  // Excel's word for other refusals, so the message names editing as the likely cause, not the only one.
  if (code === "InvalidOperation")
    return {
      ja: "Excel がこの操作を受け付けませんでした（InvalidOperation）。セルを編集中のときは Enter か Esc で編集を終えてから、もう一度押してください。",
      en: "Excel refused the operation (InvalidOperation). If you are editing a cell, press Enter or Esc to finish editing, then try again.",
    };
  if (code === "AccessDenied" || /protect/i.test(String((error as Error)?.message ?? "")))
    return {
      ja: "シートまたはブックが保護されているため書き込めませんでした。保護を解除してから、もう一度押してください。",
      en: "A sheet or the workbook is protected. Unprotect it, then try again.",
    };
  if (/PayloadSizeLimitExceeded/.test(code))
    return {
      ja: "ブックが大きすぎて一度に読み書きできませんでした。不要なシートを分けてから、もう一度押してください。",
      en: "The workbook is too large to read or write at once. Split off sheets you do not need, then try again.",
    };
  if (code === "ItemNotFound")
    return {
      ja: "シートが途中で削除または名前変更されました。もう一度「検証」を押してください。",
      en: "A sheet was deleted or renamed meanwhile. Press Validate again.",
    };
  const detail = code || String((error as Error)?.message ?? error);
  return {
    ja: `Excel でエラーが発生しました（${detail}）。もう一度押してください。`,
    en: `Excel reported an error (${detail}). Please try again.`,
  };
}

export function say(message: UserMessage, lang: Lang): string {
  return message[lang];
}

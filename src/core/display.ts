/**
 * The text a person sees in a cell, from its value and number format. Both adapters use it, so a workbook reads
 * the same in Excel and from a file (Range.text would depend on column widths: "####" in a narrow column).
 */

function percentText(value: number, numFmt: string): string {
  const m = /0(?:\.(0+))?\s*%/.exec(numFmt);
  const decimals = m?.[1]?.length ?? 0;
  return `${(value * 100).toFixed(decimals)}%`;
}

/** Date formats use y, m, d, or the era letters e and g (和暦); quoted text, [colors] and General do not count. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/general/gi, "");
  return /[ymdeg]/i.test(bare);
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Excel's serial day number (1900 system; 1 = 1900-01-01, with its phantom 1900-02-29) as a UTC date. */
export function serialToDate(serial: number): Date {
  const epoch = Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86400000));
}

export function numberText(value: number, numFmt: string | undefined): string {
  if (numFmt && numFmt.includes("%")) return percentText(value, numFmt);
  if (isDateFormat(numFmt) && value >= 1) return isoDate(serialToDate(Math.floor(value)));
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/** A plain cell value (string, number, boolean, Date or empty) as displayed text. */
export function displayText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  return String(value);
}

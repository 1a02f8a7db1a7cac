import * as React from "react";
import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { JsonReport, Lang } from "../../core/report";
import { isEvaluationRole, roleName } from "../../core/recognize";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  columns: { margin: 0, paddingLeft: tokens.spacingHorizontalL, wordBreak: "break-all" },
  summary: { cursor: "pointer", color: tokens.colorNeutralForeground2 },
});

const COLOR = { outcome: "brand", initiative: "brand", tallySummary: "informative", unmetSummary: "informative", other: "subtle" } as const;

type SheetEntry = JsonReport["sheets"][number];

const T = {
  columns: { ja: "列の対応", en: "Columns read" },
  notFound: { ja: "見つからない列", en: "Not found" },
  setAside: { ja: "使わない列", en: "Set aside" },
};

/** Which column each field was read from and why, what was not found, and what was set aside (中間振り返り…). */
function SheetColumns({ sheet, lang }: { sheet: SheetEntry; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  const sep = lang === "ja" ? "・" : " / ";
  return (
    <>
      {sheet.ignored.map((i) => (
        <Caption1 key={i.column}>{`${T.setAside[lang]} ${i.column}「${i.header}」: ${i.why}`}</Caption1>
      ))}
      {sheet.notFound.length > 0 && (
        <Caption1>{`${T.notFound[lang]}: ${sheet.notFound.map((n) => n.lookedFor[0]).join(sep)}`}</Caption1>
      )}
      <details>
        <summary className={styles.summary}>
          <Caption1>{`${T.columns[lang]} (${sheet.fields.length})`}</Caption1>
        </summary>
        <ul className={styles.columns}>
          {sheet.fields.map((f) => (
            <li key={f.field}>
              <Caption1>{`${f.name} = ${f.column}${f.match === "exact" ? "" : `「${f.header}」: ${f.why}`}`}</Caption1>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** Every sheet, its recognized role, and why (or why not); for evaluation sheets, the columns read. */
export function SheetList({ report, lang }: { report: JsonReport; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {report.sheets.map((s) => (
        <li key={s.name} className={styles.row}>
          <span className={styles.head}>
            <span className={styles.name}>{s.name}</span>
            <Badge appearance="tint" color={s.missing.length > 0 ? "danger" : COLOR[s.role]}>
              {roleName(s.role, lang)}
            </Badge>
          </span>
          <Caption1>{s.reason}</Caption1>
          {isEvaluationRole(s.role) && <SheetColumns sheet={s} lang={lang} />}
        </li>
      ))}
    </ul>
  );
}

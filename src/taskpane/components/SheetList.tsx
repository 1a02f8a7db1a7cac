import * as React from "react";
import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { JsonReport, Lang } from "../../core/report";
import { roleName } from "../../core/recognize";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
});

const COLOR = { outcome: "brand", initiative: "brand", tallySummary: "informative", unmetSummary: "informative", other: "subtle" } as const;

/** Every sheet, its recognized role, and why (or why not). */
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
        </li>
      ))}
    </ul>
  );
}

import * as React from "react";
import { Badge, Body1, Button, Caption1, makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import type { JsonReport, Lang } from "../../core/report";
import { matchesFilter, WITHDRAWAL_FILTERS, withdrawalRows, type WithdrawalFilter, type WithdrawalRow } from "../withdrawalRows";
import { tFilter, tVerdict, tw } from "../withdrawalStrings";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    minWidth: 0,
    height: "auto",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  head: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline" },
  code: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  pair: { display: "block" },
  label: { color: tokens.colorNeutralForeground3 },
  why: { display: "block", color: tokens.colorNeutralForeground2 },
  where: { color: tokens.colorNeutralForeground3 },
});

const VERDICT_COLOR = { hit: "danger", notHit: "success", undecidable: "informative" } as const;

export interface WithdrawalViewProps {
  report: JsonReport;
  lang: Lang;
  onSelect: (sheet: string, cell: string) => void;
}

/** What one row says: the criterion as read, the actual paired with it, the verdict and why, the recorded code. */
function RowContent({ row, lang }: { row: WithdrawalRow; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <span className={styles.head}>
        <span className={styles.code}>{`【${row.code}】`}</span>
        <span>{row.title}</span>
      </span>
      <span className={styles.line}>
        <Badge appearance="filled" color={VERDICT_COLOR[row.verdict]}>
          {tVerdict(row.verdict, lang)}
        </Badge>
        <span>{`${tw("recorded", lang)} ${row.recorded ?? tw("empty", lang)}`}</span>
        {row.disagrees && (
          <Badge appearance="tint" color="warning">
            {tw("disagrees", lang)}
          </Badge>
        )}
      </span>
      {row.thresholds.map((t, i) => (
        <span key={i} className={styles.pair}>
          <span className={styles.label}>{`${tw("threshold", lang)} `}</span>
          {t.read ?? t.source}
          <span className={styles.label}>{` → ${tw("actual", lang)} `}</span>
          {t.actual ?? tw("none", lang)}
        </span>
      ))}
      {row.verdict === "undecidable" && <span className={styles.why}>{row.reason}</span>}
      <Caption1 className={styles.where}>{row.cell ? `${row.sheet}!${row.cell}` : `${row.sheet} — ${tw("noColumn", lang)}`}</Caption1>
    </>
  );
}

/**
 * Every initiative's withdrawal criterion: what was read, the actual it was paired with, the verdict and the recorded
 * code, disagreements first. A row is a button that selects its 撤退基準 cell in Excel.
 */
export function WithdrawalView({ report, lang, onSelect }: WithdrawalViewProps): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const [filter, setFilter] = React.useState<WithdrawalFilter>("all");
  const rows = React.useMemo(() => withdrawalRows(report), [report]);
  const shown = rows.filter((r) => matchesFilter(r, filter));
  const id = "hyoka-withdrawal-view";
  return (
    <div className={styles.view}>
      <Button aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {`${tw(open ? "close" : "open", lang)} (${rows.length})`}
      </Button>
      {open && (
        <div id={id} className={styles.view}>
          <div role="group" aria-label={tw("filters", lang)} className={styles.filters}>
            {WITHDRAWAL_FILTERS.map((f) => (
              <ToggleButton
                key={f}
                size="small"
                appearance={filter === f ? "primary" : "secondary"}
                checked={filter === f}
                onClick={() => setFilter(f)}
              >
                {`${tFilter(f, lang)} ${rows.filter((r) => matchesFilter(r, f)).length}`}
              </ToggleButton>
            ))}
          </div>
          {shown.length === 0 ? (
            <Body1>{tw("nothing", lang)}</Body1>
          ) : (
            <ul className={styles.list} aria-label={tw("list", lang)}>
              {shown.map((row) => (
                <li key={row.key}>
                  {row.cell ? (
                    <Button
                      className={styles.row}
                      appearance="subtle"
                      title={tw("selectHint", lang)}
                      onClick={() => onSelect(row.sheet, row.cell!)}
                    >
                      <RowContent row={row} lang={lang} />
                    </Button>
                  ) : (
                    <div className={styles.row}>
                      <RowContent row={row} lang={lang} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

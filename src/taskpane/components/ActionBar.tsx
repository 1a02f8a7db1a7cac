import * as React from "react";
import { Button, makeStyles, tokens, Tooltip } from "@fluentui/react-components";
import type { Lang } from "../../core/report";
import type { Action } from "../../excel/session";
import { t } from "../strings";

const useStyles = makeStyles({
  bar: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

const ACTIONS: { action: Action; hint: "checkHint" | "colorHint" | "summaryHint" | "clearHint" }[] = [
  { action: "check", hint: "checkHint" },
  { action: "color", hint: "colorHint" },
  { action: "summary", hint: "summaryHint" },
  { action: "clear", hint: "clearHint" },
];

export interface ActionBarProps {
  lang: Lang;
  disabled: boolean;
  onAction: (action: Action) => void;
}

/** 検証 / 色分け / 集計表 / クリア: one press, one Excel.run. */
export function ActionBar({ lang, disabled, onAction }: ActionBarProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="toolbar" aria-label="Hyoka">
      {ACTIONS.map(({ action, hint }) => (
        <Tooltip key={action} content={t(hint, lang)} relationship="description" withArrow>
          <Button
            appearance={action === "check" ? "primary" : "secondary"}
            disabled={disabled}
            onClick={() => onAction(action)}
          >
            {t(action, lang)}
          </Button>
        </Tooltip>
      ))}
    </div>
  );
}

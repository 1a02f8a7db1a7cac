import * as React from "react";
import { Body1, Caption1, Card, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { RULES } from "../core/rules/registry";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface AppProps {
  lang: "ja" | "en";
  host: string | null;
}

/** The task pane's first screen: what Hyoka checks. The workbook actions come with the Office adapter. */
export function App({ lang, host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const ja = lang === "ja";
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">Hyoka {ja ? "自己評価チェック" : "self-evaluation check"}</Subtitle1>
      <Body1>
        {ja
          ? "区政運営方針の自己評価シートを、業績目標・撤退基準・実績から検証します。検証する規則:"
          : "Checks the ward operating-policy self-evaluation sheets against their targets, thresholds and actuals. Rules:"}
      </Body1>
      <Card>
        <ul className={styles.list}>
          {RULES.map((r) => (
            <li key={r.id}>
              <Caption1>{r.title[lang]}</Caption1>
            </li>
          ))}
        </ul>
      </Card>
      <Caption1 role="status">
        {host
          ? ja
            ? `${host} に接続しています`
            : `Connected to ${host}`
          : ja
            ? "Excel の外で開かれています"
            : "Opened outside Excel"}
      </Caption1>
    </main>
  );
}

import * as React from "react";
import { Caption1, makeStyles, Switch } from "@fluentui/react-components";

const useStyles = makeStyles({ box: { display: "flex", flexDirection: "column" } });
import type { Lang } from "../../core/report";
import { tl } from "../liveStrings";

export interface LiveSwitchProps {
  lang: Lang;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** Turns the re-check of edits on and off; says what each does. */
export function LiveSwitch({
  lang,
  checked,
  disabled,
  onChange,
}: LiveSwitchProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <Switch
        label={tl("liveSwitch", lang)}
        checked={checked}
        disabled={disabled}
        onChange={(_, data) => onChange(data.checked)}
      />
      <Caption1 as="p" style={{ margin: 0 }}>
        {tl(checked ? "liveOn" : "liveOff", lang)}
      </Caption1>
    </div>
  );
}

import * as React from "react";
import { Caption1, Switch } from "@fluentui/react-components";
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
  return (
    <div>
      <Switch
        label={tl("liveSwitch", lang)}
        checked={checked}
        disabled={disabled}
        onChange={(_, data) => onChange(data.checked)}
      />
      <Caption1 as="p">{tl(checked ? "liveOn" : "liveOff", lang)}</Caption1>
    </div>
  );
}

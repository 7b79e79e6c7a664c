/** @jsxImportSource react */
/**
 * The command bar. Dynamics names every command `<entity>|<relationship>|<context>|<command id>`
 * and puts that in the button's `data-id` (only there: a wrapper carrying it too would be a second
 * element with the same anchor). The Unified Interface renders a `ul[role=menubar]` of
 * `button[role=menuitem]`; the Fluent v9 version here is a `Toolbar` of plain buttons.
 */
import type { ReactElement } from 'react';
import { Toolbar, ToolbarButton, makeStyles, tokens } from '@fluentui/react-components';

export interface Command {
  /** The Ribbon command id, e.g. `Mscrm.Form.opportunity.Save`. */
  command: string;
  label: string;
  /** What Dynamics announces, shortcut included: "Save (CTRL+S)". */
  ariaLabel?: string;
  icon: ReactElement;
  onClick: () => void;
  disabled?: boolean;
}

const useStyles = makeStyles({
  bar: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    paddingLeft: '12px',
    paddingRight: '12px',
    minHeight: '44px',
    columnGap: '2px',
  },
});

/** `opportunity|NoRelationship|Form|Mscrm.Form.opportunity.Save` */
export function formCommandId(entity: string, name: string): string {
  return `${entity}|NoRelationship|Form|Mscrm.Form.${entity}.${name}`;
}

/** `opportunity|NoRelationship|HomePageGrid|Mscrm.HomepageGrid.opportunity.NewRecord` */
export function gridCommandId(entity: string, name: string): string {
  return `${entity}|NoRelationship|HomePageGrid|Mscrm.HomepageGrid.${entity}.${name}`;
}

export function CommandBar(props: {
  /** `Form:opportunity`, `HomePageGrid:opportunity`: Dynamics' `data-lp-id` for the bar. */
  context: string;
  label: string;
  commands: Command[];
}) {
  const styles = useStyles();
  return (
    <Toolbar
      aria-label={props.label}
      data-id="CommandBar"
      data-lp-id={`commandbar-${props.context}`}
      className={styles.bar}
    >
      {props.commands.map((c) => (
        <ToolbarButton
          key={c.command}
          data-id={c.command}
          aria-label={c.ariaLabel ?? c.label}
          title={c.ariaLabel ?? c.label}
          icon={c.icon}
          disabled={c.disabled}
          onClick={c.onClick}
        >
          {c.label}
        </ToolbarButton>
      ))}
    </Toolbar>
  );
}

/** @jsxImportSource react */
/**
 * Form fields laid out as the Unified Interface lays them out. For a column with logical name
 * `nextstep`:
 *
 *   div[data-id="nextstep-FieldSectionItemContainer"]           the field's cell in the section
 *     label[data-id="nextstep-field-label"][for=<control id>]   its label
 *     input[data-id="nextstep.fieldControl-text-box-text"]      the control itself
 *
 * Element ids follow Dynamics' shape too: `id-<form guid>-<n>-<logical name>-field-label`, and the
 * control's id ends in its data-id. Fluent v9's Input, Select and Textarea put unknown props
 * (`id`, `data-*`, `aria-*`) on the native element, not on their wrapping span, which is what makes
 * the data-id land on the `<input>` as it does in Dynamics.
 */
import type { ChangeEvent, ReactNode } from 'react';
import {
  Field,
  Input,
  Label,
  Link,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { followLink } from './routes';

/** The form's id as it appears in every element id on it. */
const FORM_ID = '5f1b7a2e-4c3d-4e8f-9a6b-2d1e0c9b8a71';

export type ControlKind =
  | 'text-box-text'
  | 'whole-number-text-input'
  | 'currency-text-input'
  | 'date-time-input'
  | 'option-set-select';

export const fieldIds = (name: string) => ({
  container: `id-${FORM_ID}-1-${name}-FieldSectionItemContainer`,
  label: `id-${FORM_ID}-1-${name}-field-label`,
  control: (kind: ControlKind) => `id-${FORM_ID}-1-${name}-${name}.fieldControl-${kind}`,
});

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 33%) 1fr',
    alignItems: 'start',
    columnGap: '12px',
    paddingTop: '6px',
    paddingBottom: '6px',
  },
  label: {
    paddingTop: '6px',
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  required: {
    color: tokens.colorPaletteRedForeground1,
  },
  control: { width: '100%', minWidth: 0 },
  lookup: {
    display: 'flex',
    alignItems: 'center',
    minHeight: '32px',
    boxSizing: 'border-box',
    paddingLeft: '10px',
    paddingRight: '10px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    margin: 0,
    listStyleType: 'none',
  },
  lookupEmpty: { color: tokens.colorNeutralForeground4 },
});

/** Fluent Label's required slot, marked the way Dynamics marks its required icon. */
function requiredMark(name: string, className: string) {
  const slot = { children: '*', className, 'data-id': `${name}-required-icon` };
  return slot;
}

function FieldItem(props: { name: string; children: ReactNode }) {
  const styles = useStyles();
  const ids = fieldIds(props.name);
  return (
    <div
      data-id={`${props.name}-FieldSectionItemContainer`}
      id={ids.container}
      className={styles.item}
    >
      {props.children}
    </div>
  );
}

function FieldLabel(props: { name: string; label: string; htmlFor?: string }) {
  const styles = useStyles();
  return (
    <Label
      id={fieldIds(props.name).label}
      data-id={`${props.name}-field-label`}
      htmlFor={props.htmlFor}
      className={styles.label}
    >
      {props.label}
    </Label>
  );
}

interface ControlProps {
  /** The column's logical name: `nextstep`. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

const onText =
  (set: (value: string) => void) =>
  (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    set(event.target.value);

/**
 * A business-required text column, through Fluent's `Field`: its root is the field container,
 * its `label` slot a Fluent Label whose required asterisk Fluent renders as
 * `<span aria-hidden="true" class="fui-Label__required">*</span>` inside the `<label>`, and it
 * hands the control `required` and, when invalid, `aria-invalid` plus the message's id.
 */
export function RequiredTextField(props: ControlProps & { error?: string }) {
  const styles = useStyles();
  const ids = fieldIds(props.name);
  const controlId = ids.control('text-box-text');
  const label = {
    children: props.label,
    id: ids.label,
    htmlFor: controlId,
    className: styles.label,
    'data-id': `${props.name}-field-label`,
    required: requiredMark(props.name, styles.required),
  };
  return (
    <Field
      data-id={`${props.name}-FieldSectionItemContainer`}
      id={ids.container}
      className={styles.item}
      required
      label={label}
      validationMessage={props.error}
    >
      <Input
        id={controlId}
        data-id={`${props.name}.fieldControl-text-box-text`}
        aria-label={props.label}
        placeholder="---"
        autoComplete="off"
        className={styles.control}
        value={props.value}
        onChange={onText(props.onChange)}
      />
    </Field>
  );
}

/** Single-line text, whole number, currency and date columns: a Fluent Input. */
export function TextField(props: ControlProps & { kind?: ControlKind; ariaLabel?: string }) {
  const styles = useStyles();
  const kind = props.kind ?? 'text-box-text';
  const controlId = fieldIds(props.name).control(kind);
  return (
    <FieldItem name={props.name}>
      <FieldLabel name={props.name} label={props.label} htmlFor={controlId} />
      <Input
        id={controlId}
        data-id={`${props.name}.fieldControl-${kind}`}
        aria-label={props.ariaLabel ?? props.label}
        placeholder="---"
        autoComplete="off"
        inputMode={kind === 'whole-number-text-input' ? 'numeric' : undefined}
        className={styles.control}
        value={props.value}
        onChange={onText(props.onChange)}
      />
    </FieldItem>
  );
}

/** Multiple lines of text: a Fluent Textarea, with the same data-id suffix as single-line. */
export function MultilineField(props: ControlProps) {
  const styles = useStyles();
  const controlId = fieldIds(props.name).control('text-box-text');
  return (
    <FieldItem name={props.name}>
      <FieldLabel name={props.name} label={props.label} htmlFor={controlId} />
      <Textarea
        id={controlId}
        data-id={`${props.name}.fieldControl-text-box-text`}
        aria-label={props.label}
        placeholder="---"
        resize="vertical"
        rows={4}
        className={styles.control}
        value={props.value}
        onChange={onText(props.onChange)}
      />
    </FieldItem>
  );
}

/** A choice (option set) column: Fluent's Select, a native `<select>` under its styling. */
export function OptionSetField(props: ControlProps & { options: readonly string[] }) {
  const styles = useStyles();
  const controlId = fieldIds(props.name).control('option-set-select');
  return (
    <FieldItem name={props.name}>
      <FieldLabel name={props.name} label={props.label} htmlFor={controlId} />
      <Select
        id={controlId}
        data-id={`${props.name}.fieldControl-option-set-select`}
        aria-label={props.label}
        className={styles.control}
        value={props.value}
        onChange={onText(props.onChange)}
      >
        <option value="">---</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </FieldItem>
  );
}

/**
 * A read-only lookup: the selected record as a link in a box, under the data-ids Dynamics gives
 * its lookup control. There is no input to label, so the label names the selected-record list.
 */
export function ReadOnlyLookupField(props: {
  name: string;
  label: string;
  value: string;
  href: string;
}) {
  const styles = useStyles();
  const ids = fieldIds(props.name);
  const base = `${props.name}.fieldControl-LookupResultsDropdown_${props.name}`;
  return (
    <FieldItem name={props.name}>
      <FieldLabel name={props.name} label={props.label} />
      <div data-id={`${props.name}.fieldControl-Lookup_${props.name}`}>
        <ul
          className={styles.lookup}
          data-id={`${base}_SelectedRecordList`}
          aria-labelledby={ids.label}
        >
          {props.value ? (
            <li>
              <Link href={props.href} data-id={`${base}_selected_tag`} onClick={followLink}>
                {props.value}
              </Link>
            </li>
          ) : (
            <li className={styles.lookupEmpty}>---</li>
          )}
        </ul>
      </div>
    </FieldItem>
  );
}

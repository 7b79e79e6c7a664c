/**
 * The snapshot's filters: CRM, role, cohort, guide and guide version. Each choice is applied at
 * once (the endpoint narrows the rows before computing anything) and kept in the address with
 * the period, so a filtered view can be bookmarked and shared.
 */
import { CRM_IDS, type CrmId } from '../../core/adapters';
import type { SnapshotFilter } from '../../core/snapshot';
import { COHORTS, type Cohort } from '../../core/usage';
import { TEXT } from '../pageText';

const T = TEXT.overview;

/** What the filters may name: the organisation's roles and guides, by id with their names. */
export interface FilterChoices {
  roles: Record<string, string>;
  guides: Record<string, string>;
  /** The versions of the chosen guide the snapshot knows. */
  versions: number[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** A filter from the address's parameters; anything malformed is left out, never guessed. */
export function filterFromQuery(query: URLSearchParams): SnapshotFilter {
  const filter: SnapshotFilter = {};
  const crm = query.get('crm');
  if (crm && (CRM_IDS as readonly string[]).includes(crm)) filter.crm = crm as CrmId;
  const role = query.get('role');
  if (role && ID.test(role) && role.length <= 64) filter.role = role;
  const cohort = query.get('cohort');
  if (cohort && (COHORTS as readonly string[]).includes(cohort)) filter.cohort = cohort as Cohort;
  const guide = query.get('guide');
  if (guide && ID.test(guide)) {
    filter.guide = guide;
    const version = query.get('version');
    if (version && /^[1-9][0-9]{0,6}$/.test(version)) filter.version = Number(version);
  }
  return filter;
}

/** The filter's parameters, in a fixed order, for the address and the endpoint's query. */
export function setFilterQuery(query: URLSearchParams, filter: SnapshotFilter): void {
  for (const name of ['crm', 'role', 'cohort', 'guide', 'version'] as const) {
    const value = filter[name];
    if (value !== undefined) query.set(name, String(value));
  }
}

/** The filter in words, for the report and the line above the sections. */
export function filterInWords(
  filter: SnapshotFilter,
  choices: Pick<FilterChoices, 'roles' | 'guides'>,
): string {
  const parts: string[] = [];
  if (filter.crm) parts.push(`${T.filterCrm}: ${T.crmNames[filter.crm]}`);
  if (filter.role) parts.push(`${T.filterRole}: ${choices.roles[filter.role] ?? filter.role}`);
  if (filter.cohort) parts.push(`${T.filterCohort}: ${TEXT.workflows.cohorts[filter.cohort]}`);
  if (filter.guide) {
    const guide = choices.guides[filter.guide] ?? filter.guide;
    parts.push(
      `${T.filterGuide}: ${filter.version ? TEXT.snapshot.guideVersion(guide, filter.version) : guide}`,
    );
  }
  return parts.length > 0 ? parts.join(' · ') : T.noFilter;
}

function Choice({
  id,
  label,
  value,
  options,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{T.filterAll}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SnapshotFilters({
  value,
  choices,
  busy,
  onChange,
}: {
  value: SnapshotFilter;
  choices: FilterChoices;
  busy: boolean;
  onChange: (filter: SnapshotFilter) => void;
}) {
  // Through the address's own form, so a choice is checked exactly as a bookmarked one.
  const set = (name: keyof SnapshotFilter, choice: string) => {
    const query = new URLSearchParams();
    setFilterQuery(query, value);
    if (choice) query.set(name, choice);
    else query.delete(name);
    // A version belongs to its guide: another guide clears it.
    if (name === 'guide') query.delete('version');
    onChange(filterFromQuery(query));
  };
  const narrowed = Object.keys(value).length > 0;
  const named = (record: Record<string, string>) =>
    Object.entries(record).sort((a, b) => a[1].localeCompare(b[1]));
  const filters: { name: keyof SnapshotFilter; label: string; options: [string, string][] }[] = [
    { name: 'crm', label: T.filterCrm, options: CRM_IDS.map((crm) => [crm, T.crmNames[crm]]) },
    { name: 'role', label: T.filterRole, options: named(choices.roles) },
    {
      name: 'cohort',
      label: T.filterCohort,
      options: COHORTS.map((cohort) => [cohort, TEXT.workflows.cohorts[cohort]]),
    },
    { name: 'guide', label: T.filterGuide, options: named(choices.guides) },
    {
      name: 'version',
      label: T.filterVersion,
      options: choices.versions.map((v) => [String(v), String(v)]),
    },
  ];
  return (
    <fieldset class="snapshot-filters" aria-describedby={value.guide ? 'filters-note' : undefined}>
      <legend>{T.filters}</legend>
      {filters.map((filter) => (
        <Choice
          key={filter.name}
          id={`filter-${filter.name}`}
          label={filter.label}
          value={value[filter.name] === undefined ? '' : String(value[filter.name])}
          options={filter.options}
          // A version is chosen once its guide is.
          disabled={busy || (filter.name === 'version' && !value.guide)}
          onChange={(choice) => set(filter.name, choice)}
        />
      ))}
      {narrowed && (
        <button type="button" class="secondary" disabled={busy} onClick={() => onChange({})}>
          {T.clearFilters}
        </button>
      )}
      {value.guide && (
        <p id="filters-note" class="filters-note">
          {T.filterGuideOnly}
        </p>
      )}
    </fieldset>
  );
}

/** @jsxImportSource react */
/**
 * The Opportunity main form: command bar, header, tabs and sections. Like the Unified Interface,
 * the command bar and header come first and the tab's body a moment later.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import {
  Avatar,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CommandBar, formCommandId } from './commandBar';
import {
  PIPELINE_PHASES,
  RATINGS,
  deleteOpportunity,
  saveOpportunity,
  type EditableAttribute,
  type Opportunity,
} from './data';
import {
  MultilineField,
  OptionSetField,
  ReadOnlyLookupField,
  RequiredTextField,
  TextField,
} from './fields';
import { AddIcon, DeleteIcon, DismissIcon, SaveAndCloseIcon, SaveIcon } from './icons';
import { listUrl, navigate, newRecordUrl, recordUrl } from './routes';
import { useLateRender } from './useLateRender';

const ENTITY = 'opportunity';
const TABS = ['Summary', 'Details'] as const;
type TabName = (typeof TABS)[number];

type Notice = { intent: 'success' | 'error'; text: string };

/** A notice that survives the reload-in-place after creating a record. */
let carriedNotice: Notice | null = null;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', minHeight: '100%' },
  notice: { marginTop: '8px', marginLeft: '16px', marginRight: '16px' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '12px',
    paddingTop: '12px',
    paddingBottom: '24px',
    paddingLeft: '16px',
    paddingRight: '16px',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    columnGap: '24px',
    rowGap: '12px',
    paddingTop: '12px',
    paddingBottom: '4px',
  },
  titleBlock: { display: 'flex', alignItems: 'center', columnGap: '12px', minWidth: 0 },
  titleText: { minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  saveStatus: {
    whiteSpace: 'pre',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  subtitle: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  headerFields: { display: 'flex', flexWrap: 'wrap', margin: 0, padding: 0 },
  headerField: {
    display: 'flex',
    flexDirection: 'column-reverse',
    justifyContent: 'flex-end',
    minWidth: '120px',
    paddingLeft: '16px',
    paddingRight: '16px',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headerLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  headerValue: {
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    alignItems: 'center',
    columnGap: '6px',
  },
  tabs: { marginLeft: '-10px' },
  body: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))',
    gap: '12px',
    alignItems: 'start',
  },
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    paddingTop: '12px',
    paddingBottom: '12px',
    paddingLeft: '16px',
    paddingRight: '16px',
  },
  sectionTitle: {
    margin: 0,
    paddingBottom: '6px',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  loading: { paddingTop: '48px' },
});

function HeaderField(props: { name: string; label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div data-id={`header_${props.name}-FieldSectionItemContainer`} className={styles.headerField}>
      <dt className={styles.headerLabel}>{props.label}</dt>
      <dd data-id={`header_${props.name}`} className={styles.headerValue}>
        {props.children}
      </dd>
    </div>
  );
}

function FormHeader(props: {
  title: string;
  status: 'saved' | 'unsaved' | null;
  values: Opportunity;
}) {
  const styles = useStyles();
  const { values } = props;
  return (
    <div data-id="form-header" className={styles.header}>
      <div className={styles.titleBlock}>
        <Avatar
          name={props.title || 'New Opportunity'}
          shape="square"
          color="brand"
          size={48}
          aria-hidden="true"
        />
        <div className={styles.titleText}>
          <h1 data-id="header_title" title={props.title} className={styles.title}>
            {props.title}
            {props.status && (
              <span className={styles.saveStatus}>
                {props.status === 'saved' ? ' - Saved' : ' - Unsaved'}
              </span>
            )}
          </h1>
          <div className={styles.subtitle}>
            <span data-id="entity_name_span">Opportunity</span>
            {' \u00b7 '}
            <span data-id="form-selector">Opportunity</span>
          </div>
        </div>
      </div>
      <dl id="headerControlsList" className={styles.headerFields}>
        <HeaderField name="estimatedclosedate" label="Est. Close Date">
          {values.estimatedclosedate || '---'}
        </HeaderField>
        <HeaderField name="estimatedvalue" label="Est. Revenue">
          {values.estimatedvalue || '---'}
        </HeaderField>
        <HeaderField name="statuscode" label="Status">
          {values.statuscode}
        </HeaderField>
        <HeaderField name="ownerid" label="Owner">
          <Avatar name={values.ownerid} size={20} aria-hidden="true" />
          {values.ownerid}
        </HeaderField>
      </dl>
    </div>
  );
}

function Section(props: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section data-id={props.id} aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId} className={styles.sectionTitle}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function ConfirmDelete(props: { open: boolean; onCancel: () => void; onDelete: () => void }) {
  return (
    <Dialog open={props.open} onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Confirm Deletion</DialogTitle>
          <DialogContent>
            Do you want to permanently delete this opportunity? You can&apos;t undo this.
          </DialogContent>
          <DialogActions>
            <Button
              id="confirmButton"
              data-id="confirmButton"
              appearance="primary"
              onClick={props.onDelete}
            >
              Delete
            </Button>
            <Button id="cancelButton" data-id="cancelButton" onClick={props.onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function OpportunityForm(props: { record: Opportunity }) {
  const styles = useStyles();
  const [saved, setSaved] = useState(props.record);
  const [values, setValues] = useState(props.record);
  const [tab, setTab] = useState<TabName>('Summary');
  const [notice, setNotice] = useState<Notice | null>(() => {
    const carried = carriedNotice;
    carriedNotice = null;
    return carried;
  });
  const [status, setStatus] = useState<'saved' | 'unsaved' | null>(
    notice?.intent === 'success' ? 'saved' : null,
  );
  const [topicError, setTopicError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const bodyReady = useLateRender(saved.id);
  const isNew = saved.id === '';
  const tabIds = { Summary: useId(), Details: useId() };

  const set = (name: EditableAttribute) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setStatus('unsaved');
    setNotice(null);
    if (name === 'name' && value.trim()) setTopicError(undefined);
  };

  /** Saves, or explains why not as Dynamics does; returns the saved record. */
  const save = (): Opportunity | null => {
    if (!values.name.trim()) {
      setTopicError('Required fields must be filled in.');
      setNotice({ intent: 'error', text: 'Topic: Required fields must be filled in.' });
      return null;
    }
    const stored = saveOpportunity(values);
    setSaved(stored);
    setValues(stored);
    setTopicError(undefined);
    setStatus('saved');
    setNotice({ intent: 'success', text: 'Your changes were saved.' });
    return stored;
  };

  const saveAndNavigate = () => {
    const stored = save();
    if (stored && isNew) {
      carriedNotice = { intent: 'success', text: 'Your changes were saved.' };
      navigate(recordUrl(stored.id), { replace: true });
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveAndNavigate();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    document.title = `Opportunity: ${saved.name || 'New Opportunity'} - Dynamics 365`;
  }, [saved.name]);

  const commands = [
    {
      command: formCommandId(ENTITY, 'Save'),
      label: 'Save',
      ariaLabel: 'Save (CTRL+S)',
      icon: <SaveIcon />,
      onClick: saveAndNavigate,
    },
    {
      command: formCommandId(ENTITY, 'SaveAndClose'),
      label: 'Save & Close',
      icon: <SaveAndCloseIcon />,
      onClick: () => {
        if (save()) navigate(listUrl());
      },
    },
    {
      command: formCommandId(ENTITY, 'NewRecord'),
      label: 'New',
      icon: <AddIcon />,
      onClick: () => navigate(newRecordUrl()),
    },
    ...(isNew
      ? []
      : [
          {
            command: formCommandId(ENTITY, 'Delete'),
            label: 'Delete',
            icon: <DeleteIcon />,
            onClick: () => setConfirming(true),
          },
        ]),
  ];

  return (
    <div className={styles.page}>
      <CommandBar context={`Form:${ENTITY}`} label="Opportunity Commands" commands={commands} />
      <div data-id="notificationWrapper" className={styles.notice}>
        {notice && (
          <MessageBar intent={notice.intent} role="status" aria-labelledby={undefined}>
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label="Dismiss"
                  icon={<DismissIcon />}
                  onClick={() => setNotice(null)}
                />
              }
            />
          </MessageBar>
        )}
      </div>
      <div data-id="editFormRoot" className={styles.form}>
        <FormHeader title={saved.name || 'New Opportunity'} status={status} values={values} />
        <TabList
          aria-label="Opportunity Form"
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabName)}
        >
          {TABS.map((name) => (
            <Tab
              key={name}
              id={tabIds[name]}
              value={name}
              data-id={`tablist-${name}`}
              title={name}
              aria-controls={name === tab ? `${tabIds[name]}-panel` : undefined}
            >
              {name}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" id={`${tabIds[tab]}-panel`} aria-labelledby={tabIds[tab]}>
          {!bodyReady ? (
            <Spinner className={styles.loading} size="small" label="Loading..." />
          ) : tab === 'Summary' ? (
            <div className={styles.body}>
              <Section id="OPPORTUNITY_INFORMATION" title="Opportunity Information">
                <RequiredTextField
                  name="name"
                  label="Topic"
                  value={values.name}
                  onChange={set('name')}
                  error={topicError}
                />
                <ReadOnlyLookupField
                  name="parentaccountid"
                  label="Potential Customer"
                  value={values.parentaccountid}
                  href={listUrl('account')}
                />
                <TextField
                  name="estimatedclosedate"
                  label="Est. Close Date"
                  ariaLabel="Date of Est. Close Date"
                  kind="date-time-input"
                  value={values.estimatedclosedate}
                  onChange={set('estimatedclosedate')}
                />
                <TextField
                  name="estimatedvalue"
                  label="Est. Revenue"
                  kind="currency-text-input"
                  value={values.estimatedvalue}
                  onChange={set('estimatedvalue')}
                />
              </Section>
              <Section id="PIPELINE" title="Pipeline">
                <OptionSetField
                  name="stepname"
                  label="Pipeline Phase"
                  options={PIPELINE_PHASES}
                  value={values.stepname}
                  onChange={set('stepname')}
                />
                <TextField
                  name="nextstep"
                  label="Next Step"
                  value={values.nextstep}
                  onChange={set('nextstep')}
                />
                <MultilineField
                  name="description"
                  label="Description"
                  value={values.description}
                  onChange={set('description')}
                />
              </Section>
            </div>
          ) : (
            <div className={styles.body}>
              <Section id="DETAILS_FORECAST" title="Forecast">
                <TextField
                  name="closeprobability"
                  label="Probability"
                  kind="whole-number-text-input"
                  value={values.closeprobability}
                  onChange={set('closeprobability')}
                />
                <OptionSetField
                  name="opportunityratingcode"
                  label="Rating"
                  options={RATINGS}
                  value={values.opportunityratingcode}
                  onChange={set('opportunityratingcode')}
                />
                <ReadOnlyLookupField
                  name="transactioncurrencyid"
                  label="Currency"
                  value={values.transactioncurrencyid}
                  href={listUrl('transactioncurrency')}
                />
              </Section>
            </div>
          )}
        </div>
      </div>
      <ConfirmDelete
        open={confirming}
        onCancel={() => setConfirming(false)}
        onDelete={() => {
          setConfirming(false);
          deleteOpportunity(saved.id);
          navigate(listUrl());
        }}
      />
    </div>
  );
}

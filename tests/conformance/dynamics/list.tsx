/** @jsxImportSource react */
/**
 * The "My Open Opportunities" view: a grid whose primary column links to each record. The link
 * is a real `href` (open in a new tab works) that a plain click follows with pushState.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  SearchBox,
  Spinner,
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { CommandBar, gridCommandId } from './commandBar';
import { listOpportunities, type Opportunity } from './data';
import { AddIcon, RefreshIcon } from './icons';
import { followLink, navigate, newRecordUrl, recordUrl } from './routes';
import { useLateRender } from './useLateRender';

const ENTITY = 'opportunity';
const VIEW_NAME = 'My Open Opportunities';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', minHeight: '100%' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '12px',
    paddingTop: '16px',
    paddingBottom: '24px',
    paddingLeft: '16px',
    paddingRight: '16px',
  },
  viewBar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    rowGap: '8px',
  },
  viewName: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    paddingTop: '4px',
    paddingBottom: '4px',
    paddingLeft: '8px',
    paddingRight: '8px',
    overflowX: 'auto',
  },
  grid: { minWidth: '760px' },
  topic: { minWidth: '220px', flexGrow: 2 },
  footer: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    paddingTop: '8px',
    paddingBottom: '8px',
    paddingLeft: '12px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  loading: { paddingTop: '48px', paddingBottom: '48px' },
});

function useColumns(): TableColumnDefinition<Opportunity>[] {
  return useMemo(
    () => [
      createTableColumn<Opportunity>({
        columnId: 'name',
        renderHeaderCell: () => 'Topic',
        renderCell: (item) => (
          <Link href={recordUrl(item.id)} onClick={followLink}>
            {item.name}
          </Link>
        ),
      }),
      createTableColumn<Opportunity>({
        columnId: 'parentaccountid',
        renderHeaderCell: () => 'Potential Customer',
        renderCell: (item) => item.parentaccountid,
      }),
      createTableColumn<Opportunity>({
        columnId: 'estimatedclosedate',
        renderHeaderCell: () => 'Est. Close Date',
        renderCell: (item) => item.estimatedclosedate,
      }),
      createTableColumn<Opportunity>({
        columnId: 'estimatedvalue',
        renderHeaderCell: () => 'Est. Revenue',
        renderCell: (item) => item.estimatedvalue,
      }),
      createTableColumn<Opportunity>({
        columnId: 'stepname',
        renderHeaderCell: () => 'Pipeline Phase',
        renderCell: (item) => item.stepname,
      }),
      createTableColumn<Opportunity>({
        columnId: 'ownerid',
        renderHeaderCell: () => 'Owner',
        renderCell: (item) => item.ownerid,
      }),
    ],
    [],
  );
}

export function OpportunityList() {
  const styles = useStyles();
  const columns = useColumns();
  const [loads, setLoads] = useState(0);
  const [filter, setFilter] = useState('');
  const ready = useLateRender(`${ENTITY}:${loads}`);
  const wanted = filter.trim().toLowerCase();
  const items = listOpportunities().filter(
    (o) =>
      !wanted ||
      o.name.toLowerCase().includes(wanted) ||
      o.parentaccountid.toLowerCase().includes(wanted),
  );

  useEffect(() => {
    document.title = `Opportunities: ${VIEW_NAME} - Dynamics 365`;
  }, []);

  return (
    <div className={styles.page}>
      <CommandBar
        context={`HomePageGrid:${ENTITY}`}
        label="Opportunity Commands"
        commands={[
          {
            command: gridCommandId(ENTITY, 'NewRecord'),
            label: 'New',
            icon: <AddIcon />,
            onClick: () => navigate(newRecordUrl()),
          },
          {
            command: gridCommandId(ENTITY, 'RefreshModernButton'),
            label: 'Refresh',
            icon: <RefreshIcon />,
            onClick: () => setLoads((n) => n + 1),
          },
        ]}
      />
      <div className={styles.content}>
        <div className={styles.viewBar}>
          <h1 className={styles.viewName}>{VIEW_NAME}</h1>
          <div data-id="data-set-quickFind-container">
            <SearchBox
              id="quickFind_text_1"
              aria-label="Filter by keyword"
              placeholder="Filter by keyword"
              value={filter}
              onChange={(_, data) => setFilter(data.value)}
            />
          </div>
        </div>
        <div data-id="entity_control-powerapps_onegrid_control_container" className={styles.card}>
          {!ready ? (
            <Spinner className={styles.loading} size="small" label="Loading..." />
          ) : (
            <>
              <DataGrid
                data-id="grid-container"
                aria-label={VIEW_NAME}
                className={styles.grid}
                items={items}
                columns={columns}
                getRowId={(item: Opportunity) => item.id}
              >
                <DataGridHeader>
                  <DataGridRow aria-rowindex={1}>
                    {({ renderHeaderCell, columnId }) => (
                      <DataGridHeaderCell className={columnId === 'name' ? styles.topic : ''}>
                        {renderHeaderCell()}
                      </DataGridHeaderCell>
                    )}
                  </DataGridRow>
                </DataGridHeader>
                <DataGridBody<Opportunity>>
                  {({ item, rowId }) => (
                    <DataGridRow<Opportunity> key={rowId} aria-rowindex={items.indexOf(item) + 2}>
                      {({ renderCell, columnId }) => (
                        <DataGridCell className={columnId === 'name' ? styles.topic : ''}>
                          {renderCell(item)}
                        </DataGridCell>
                      )}
                    </DataGridRow>
                  )}
                </DataGridBody>
              </DataGrid>
              <div className={styles.footer}>Rows: {items.length}</div>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * The records the page shows, as the record API would return them. Saved edits live here for the
 * life of the page, so list and record stay consistent across navigations.
 */
export const STAGES = [
  'Prospecting',
  'Qualification',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
];

const records = new Map(
  [
    {
      Id: '006Dn00000AbCdEIAZ',
      Name: 'Acme — 200 licences',
      AccountName: 'Acme Corporation',
      CloseDate: '2026-06-30',
      StageName: 'Qualification',
      Amount: '48000',
      NextStep: '',
      Description: 'Renewal and expansion to the support team.',
      OwnerName: 'Jamie Rivera',
    },
    {
      Id: '006Dn00000XyZaBIAV',
      Name: 'Globex — pilot',
      AccountName: 'Globex',
      CloseDate: '2026-05-15',
      StageName: 'Proposal',
      Amount: '12500',
      NextStep: 'Send the pilot plan',
      Description: '',
      OwnerName: 'Jamie Rivera',
    },
    {
      Id: '006Dn00000QrStUIA3',
      Name: 'Initech — renewal',
      AccountName: 'Initech',
      CloseDate: '2026-09-01',
      StageName: 'Negotiation',
      Amount: '30000',
      NextStep: '',
      Description: '',
      OwnerName: 'Jamie Rivera',
    },
  ].map((record) => [record.Id, record]),
);

export function listRecords() {
  return [...records.values()].map((record) => ({ ...record }));
}

/** Any well-formed id opens a record: unknown ids get a copy of the first one, as a fixture. */
export function getRecord(recordId) {
  const known = records.get(recordId);
  if (known) return { ...known };
  const [first] = records.values();
  return { ...first, Id: recordId };
}

/** Resolves after `delay` ms, as the record API answers asynchronously. */
export function loadRecord(recordId, delay) {
  return new Promise((resolve) => {
    setTimeout(() => resolve(getRecord(recordId)), delay);
  });
}

export function saveRecord(record) {
  records.set(record.Id, { ...record });
}

const activities = new Map();

export function listActivities(recordId) {
  if (!activities.has(recordId)) {
    activities.set(recordId, [
      {
        key: `${recordId}-seed`,
        subject: 'Discovery call',
        comments: 'Budget confirmed for next quarter.',
        when: 'Last week',
      },
    ]);
  }
  return activities.get(recordId).map((activity) => ({ ...activity }));
}

export function addActivity(recordId, subject, comments) {
  const list = listActivities(recordId);
  list.unshift({ key: `${recordId}-${list.length}`, subject, comments, when: 'Today' });
  activities.set(recordId, list);
  return list.map((activity) => ({ ...activity }));
}

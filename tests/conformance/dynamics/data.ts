/**
 * The org's opportunities, kept in memory: Save writes here, so list → form → back shows saved
 * values, and a reload starts over.
 */

export const PIPELINE_PHASES = ['1-Qualify', '2-Develop', '3-Propose', '4-Close'] as const;
export const RATINGS = ['Hot', 'Warm', 'Cold'] as const;

/** Attribute values by logical name, as the form edits them (strings, formatted for display). */
export interface Opportunity {
  id: string;
  name: string;
  parentaccountid: string;
  estimatedclosedate: string;
  estimatedvalue: string;
  stepname: string;
  nextstep: string;
  description: string;
  closeprobability: string;
  opportunityratingcode: string;
  transactioncurrencyid: string;
  statuscode: string;
  ownerid: string;
}

export type EditableAttribute = Exclude<keyof Opportunity, 'id'>;

const OWNER = 'Dana Reyes';

const records: Opportunity[] = [
  {
    id: '3f2a6c1e-8d4b-4f7a-9c2e-1b5d7e9f0a13',
    name: 'Acme \u2014 200 licences',
    parentaccountid: 'Acme Corporation',
    estimatedclosedate: '6/30/2026',
    estimatedvalue: '$240,000.00',
    stepname: '2-Develop',
    nextstep: '',
    description: 'Renewal of 150 seats plus 50 for the new EMEA sales team.',
    closeprobability: '60',
    opportunityratingcode: 'Warm',
    transactioncurrencyid: 'US Dollar',
    statuscode: 'In Progress',
    ownerid: OWNER,
  },
  {
    id: '8b1d4e7f-2a3c-4b5d-8e9f-0a1b2c3d4e5f',
    name: 'Globex \u2014 CRM rollout',
    parentaccountid: 'Globex Inc.',
    estimatedclosedate: '7/15/2026',
    estimatedvalue: '$120,000.00',
    stepname: '1-Qualify',
    nextstep: 'Schedule the discovery call',
    description: 'Replacing three regional tools with one CRM.',
    closeprobability: '20',
    opportunityratingcode: 'Hot',
    transactioncurrencyid: 'US Dollar',
    statuscode: 'In Progress',
    ownerid: OWNER,
  },
  {
    id: 'c4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70',
    name: 'Initech \u2014 support renewal',
    parentaccountid: 'Initech',
    estimatedclosedate: '5/31/2026',
    estimatedvalue: '$48,500.00',
    stepname: '3-Propose',
    nextstep: 'Send the revised quote',
    description: '',
    closeprobability: '70',
    opportunityratingcode: 'Warm',
    transactioncurrencyid: 'US Dollar',
    statuscode: 'In Progress',
    ownerid: OWNER,
  },
  {
    id: 'd9e8f7a6-b5c4-4d3e-8f2a-1b0c9d8e7f61',
    name: 'Umbrella \u2014 pilot',
    parentaccountid: 'Umbrella Health',
    estimatedclosedate: '9/1/2026',
    estimatedvalue: '$18,000.00',
    stepname: '1-Qualify',
    nextstep: '',
    description: 'Ten-seat pilot in the Boston clinic.',
    closeprobability: '10',
    opportunityratingcode: 'Cold',
    transactioncurrencyid: 'US Dollar',
    statuscode: 'In Progress',
    ownerid: OWNER,
  },
  {
    id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a52',
    name: 'Stark \u2014 enterprise agreement',
    parentaccountid: 'Stark Industries',
    estimatedclosedate: '12/15/2026',
    estimatedvalue: '$1,250,000.00',
    stepname: '4-Close',
    nextstep: 'Legal review of the MSA',
    description: 'Three-year agreement covering all divisions.',
    closeprobability: '85',
    opportunityratingcode: 'Hot',
    transactioncurrencyid: 'US Dollar',
    statuscode: 'In Progress',
    ownerid: OWNER,
  },
];

export function listOpportunities(): readonly Opportunity[] {
  return records;
}

export function getOpportunity(id: string): Opportunity | undefined {
  return records.find((r) => r.id === id);
}

export function blankOpportunity(): Opportunity {
  return {
    id: '',
    name: '',
    parentaccountid: '',
    estimatedclosedate: '',
    estimatedvalue: '',
    stepname: '',
    nextstep: '',
    description: '',
    closeprobability: '',
    opportunityratingcode: '',
    transactioncurrencyid: 'US Dollar',
    statuscode: 'In Progress',
    ownerid: OWNER,
  };
}

/** Creates the record when it has no id yet; returns what was stored. */
export function saveOpportunity(values: Opportunity): Opportunity {
  const saved = { ...values, id: values.id || crypto.randomUUID() };
  const at = records.findIndex((r) => r.id === saved.id);
  if (at >= 0) records[at] = saved;
  else records.push(saved);
  return saved;
}

export function deleteOpportunity(id: string): void {
  const at = records.findIndex((r) => r.id === id);
  if (at >= 0) records.splice(at, 1);
}

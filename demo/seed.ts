/**
 * Deterministic seed data for the demo CRM. No randomness: the same records, in the same order,
 * every time the server starts, so tests and benchmarks can name them.
 */

import { STAGES } from './app/picklists.js';

export interface Opportunity {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  stage: string;
  amount: number;
  closeDate: string;
  nextStep: string;
  description: string;
  owner: string;
  probability: number;
}

export interface Account {
  id: string;
  name: string;
  industry: string;
  phone: string;
  website: string;
  annualRevenue: number;
  billingCity: string;
  owner: string;
}

const ACCOUNT_SEED: ReadonlyArray<readonly [name: string, industry: string, city: string]> = [
  ['Acme Logistics', 'Transportation', 'Chicago, IL'],
  ['Northwind Traders', 'Retail', 'Seattle, WA'],
  ['Blue Harbor Health', 'Healthcare', 'Boston, MA'],
  ['Cedar & Pine Realty', 'Real Estate', 'Portland, OR'],
  ['Helios Solar', 'Energy', 'Phoenix, AZ'],
  ['Granite Peak Capital', 'Financial Services', 'New York, NY'],
  ['Lumen Analytics', 'Technology', 'Austin, TX'],
  ['Riverbend Foods', 'Food & Beverage', 'Minneapolis, MN'],
  ['Orchid Biotech', 'Biotechnology', 'San Diego, CA'],
  ['Vantage Aerospace', 'Aerospace', 'Wichita, KS'],
  ['Keystone Manufacturing', 'Manufacturing', 'Pittsburgh, PA'],
  ['Silverline Telecom', 'Telecommunications', 'Dallas, TX'],
  ['Brightwater Utilities', 'Utilities', 'Sacramento, CA'],
  ['Crescent Hotels', 'Hospitality', 'Las Vegas, NV'],
  ['Evergreen Insurance', 'Insurance', 'Hartford, CT'],
  ['Falcon Freight', 'Transportation', 'Memphis, TN'],
  ['Ironclad Security', 'Technology', 'Arlington, VA'],
  ['Juniper Education', 'Education', 'Denver, CO'],
  ['Maple Street Retail', 'Retail', 'Columbus, OH'],
  ['Nimbus Cloud Systems', 'Technology', 'San Jose, CA'],
  ['Oakridge Pharmaceuticals', 'Healthcare', 'Raleigh, NC'],
  ['Pioneer Construction', 'Construction', 'Salt Lake City, UT'],
  ['Quantum Robotics', 'Manufacturing', 'Detroit, MI'],
  ['Redwood Media', 'Media', 'Los Angeles, CA'],
  ['Starlight Entertainment', 'Media', 'Atlanta, GA'],
];

const PRODUCTS = [
  'Fleet Telematics Renewal',
  'Enterprise License Expansion',
  'Data Platform Pilot',
  'Customer Portal Rollout',
  'Premium Support Upgrade',
  'Field Service Add-on',
  'Analytics Suite',
  'Security Compliance Package',
  'Multi-year Subscription',
  'Onboarding Services',
  'Integration Bundle',
  'Regional Expansion',
] as const;

const NEXT_STEPS = [
  'Schedule discovery call',
  'Send pricing proposal',
  'Technical review with IT',
  'Confirm budget with CFO',
  'Legal review of MSA',
  'Executive sponsor meeting',
  'Demo for operations team',
  'Collect security questionnaire',
] as const;

const OWNERS = ['Jordan Rivera', 'Priya Natarajan', 'Sam Okafor', 'Elena Petrova'] as const;

/** The signed-in demo user; "My open opportunities" are the ones this person owns. */
export const CURRENT_USER = 'Jordan Rivera';

const PROBABILITY: Record<string, number> = {
  Prospecting: 10,
  Qualification: 20,
  Proposal: 50,
  Negotiation: 75,
  'Closed Won': 100,
  'Closed Lost': 0,
};

export function probabilityFor(stage: string): number {
  return PROBABILITY[stage] ?? 10;
}

function pick<T>(list: readonly T[], index: number): T {
  const item = list[index % list.length];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');
}

export function seedAccounts(): Account[] {
  return ACCOUNT_SEED.map(([name, industry, city], i) => ({
    id: `acc-${2001 + i}`,
    name,
    industry,
    phone: `(${200 + ((i * 37) % 700)}) 555-${String(100 + i * 13).padStart(4, '0')}`,
    website: `https://www.${slug(name)}.example`,
    annualRevenue: (((i * 7919) % 480) + 20) * 250_000,
    billingCity: city,
    owner: pick(OWNERS, i),
  }));
}

export function seedOpportunities(accounts: readonly Account[]): Opportunity[] {
  const out: Opportunity[] = [];
  for (let i = 0; i < 60; i++) {
    const account = pick(accounts, (i * 7) % accounts.length);
    const product = pick(PRODUCTS, (i * 5) % PRODUCTS.length);
    // Roughly two thirds open, one third closed, mixed through the list.
    const spread = (i * 11) % 9;
    const stageIndex = spread < 4 ? spread : i % 3 === 0 ? 5 : i % 9 === 4 ? 4 : (i * 3) % 4;
    const stage = pick(STAGES, stageIndex);
    const closed = stage === 'Closed Won' || stage === 'Closed Lost';
    const amount = (((i * 7919 + 13) % 96) + 4) * 2_500;
    // Closed deals closed between Jul and mid-Nov 2026; open deals close Dec 2026–Mar 2027.
    const closeDate = closed
      ? isoDate(2026, 7 + (i % 5), 1 + ((i * 7) % 15))
      : isoDate(2026, 12 + (i % 4), 1 + ((i * 5) % 27));
    out.push({
      id: `opp-${1001 + i}`,
      name: `${account.name} - ${product}`,
      accountId: account.id,
      accountName: account.name,
      stage,
      amount,
      closeDate,
      nextStep: closed ? '' : pick(NEXT_STEPS, i),
      description: `${product} for ${account.name} (${account.industry}, ${account.billingCity}).`,
      owner: pick(OWNERS, (i * 3) % OWNERS.length),
      probability: probabilityFor(stage),
    });
  }
  return out;
}

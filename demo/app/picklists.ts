/** Picklist values shared by the demo server's seed data and the demo app's forms. */
export const STAGES = [
  'Prospecting',
  'Qualification',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
] as const;

export const INDUSTRIES = [
  'Aerospace',
  'Biotechnology',
  'Construction',
  'Education',
  'Energy',
  'Financial Services',
  'Food & Beverage',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Manufacturing',
  'Media',
  'Real Estate',
  'Retail',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
] as const;

/**
 * Dynamics 365 (and Power Apps model-driven apps) serve each region from its own `crmN` domain;
 * a match pattern cannot say `*.crm*.dynamics.com`, so every public region is listed. The rest
 * of dynamics.com (Finance and Operations, Business Central, home.dynamics.com) is not a CRM.
 */
const DYNAMICS_REGIONS = [
  'crm', // North America
  'crm2', // South America
  'crm3', // Canada
  'crm4', // Europe, Middle East, Africa
  'crm5', // Asia Pacific
  'crm6', // Oceania
  'crm7', // Japan
  'crm8', // India
  'crm9', // North America 2 (US Government GCC)
  'crm11', // United Kingdom
  'crm12', // France
  'crm14', // South Africa
  'crm15', // United Arab Emirates
  'crm16', // Germany
  'crm17', // Switzerland
  'crm19', // Norway
  'crm20', // Singapore
  'crm21', // Korea
];

/** Pages the extension runs on: the CRMs Waymark has adapters for, and the local demo CRM. */
export const CRM_MATCHES = [
  // Salesforce: Lightning Experience, and My Domain (Classic, and where Lightning signs in).
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  ...DYNAMICS_REGIONS.map((region) => `https://*.${region}.dynamics.com/*`),
  // HubSpot's app in each of its data centres; never the marketing site.
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://app-na2.hubspot.com/*',
  'https://app-na3.hubspot.com/*',
  'https://app-ap1.hubspot.com/*',
  // The demo CRM (npm run demo) and an endpoint run on this machine.
  'http://127.0.0.1/*',
  'http://localhost/*',
];

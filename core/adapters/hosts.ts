/** Pages the extension runs on: the CRMs Waymark has adapters for, and the local demo CRM. */
export const CRM_MATCHES = [
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.dynamics.com/*',
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'http://127.0.0.1/*',
  'http://localhost/*',
];

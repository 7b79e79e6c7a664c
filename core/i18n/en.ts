/**
 * Waymark's own words in English: the source of truth for every other language. Each export is
 * one area of the UI, so that a bundle takes only the areas it shows (the guide UI injected into
 * CRM pages carries `page`, not the dashboard's words). Guide text is not here: it comes from
 * guides, with their own `locales`.
 */
import type { Policy } from '../policy';
import type { Area } from './area';

/** Counts inside sentences, grouped as the language writes them. */
const count = (n: number) => n.toLocaleString('en');

/** The walkthrough UI in the CRM page: step cards, hotspots, surveys, a missing target. */
export const page = {
  close: 'Close guide',
  back: 'Back',
  next: 'Next',
  done: 'Done',
  skip: 'Skip',
  reveal: 'Show me',
  progress: (n: number, total: number) => `Step ${n} of ${total}`,
  openTip: (title: string) => `Open tip: ${title}`,
  score: (n: number, max: number) => `${n} out of ${max}`,
  missingTitle: "Can't find this on the page",
  missingBody: (title: string) =>
    `The next step of "${title}" points at something that is not on this page right now. It may still be loading, or the page may have changed.`,
  retry: 'Try again',
  skipStep: 'Skip this step',
  exit: 'Exit guide',
  askChampion: (name: string) => `Stuck? Ask ${name}`,
  announcement: 'Announcement',
  dismissAnnouncement: 'Dismiss announcement',
} satisfies Area;

/** The trainer's authoring panel in the CRM page. */
export const author = {
  title: 'Write a guide',
  lang: 'en',
  description: 'Description',
  version: (n: number) => `Version ${n}`,
  openGuide: 'Open a guide',
  chooseGuide: 'Choose a guide…',
  openable: (title: string, version: number, source: string) => `${title} (v${version}, ${source})`,
  source: { bundled: 'built in', remote: 'organisation', imported: 'imported' },
  open: 'Open',
  openFailed: 'The guide could not be opened.',
  replaceDraft: 'Opening replaces the guide you are writing.',
  replace: 'Replace it',
  keepWriting: 'Keep writing',
  opened: (title: string, version: number) => `Opened “${title}” as version ${version}.`,
  whereAndWhen: 'Where, when and for whom',
  pages: 'Page types (one per line)',
  urlPattern: 'Address pattern',
  launch: 'Starts',
  launchManual: 'When the user starts it',
  launchAuto: 'By itself on a matching page',
  launchOnce: 'Only until finished or closed once',
  inChecklist: 'Listed in the onboarding checklist',
  limitRollout: 'Only for some users',
  percent: 'Share of users (%)',
  cohorts: 'Cohorts',
  allCohorts: 'all cohorts',
  fromDay: 'From',
  untilDay: 'Until',
  languages: 'Languages',
  addLanguage: 'Add a language',
  add: 'Add',
  remove: 'Remove',
  removeLanguage: (tag: string) => `Remove the language ${tag}`,
  badLanguage: 'Type a locale tag such as fr or pt-BR.',
  languageThere: (tag: string) => `${tag} is already there.`,
  translatedTitle: (language: string) => `Title in ${language}`,
  translatedText: (language: string) => `Text in ${language}`,
  question: 'Question',
  scale: 'Scale',
  toPage: 'To page type',
  anyPage: 'any page',
  stepPage: 'Shown on page type',
  waitMs: 'Wait for it (ms)',
  defaultWait: 'default',
  needsQuestion: 'Give the survey its question.',
  fieldRules: 'Field rules',
  noRules: 'No field rules.',
  addRule: 'Add a field rule',
  newRule: 'New field rule',
  rule: (n: number) => `Field rule ${n}`,
  editRule: (n: number) => `Edit field rule ${n}`,
  deleteRule: (n: number) => `Delete field rule ${n}`,
  pickField: 'Pick the field',
  formPage: 'Page type of the form',
  format: 'Format',
  noFormat: 'Any value',
  customPattern: 'custom pattern',
  pattern: 'Pattern (RE2)',
  tip: 'Tip while empty or wrong',
  suggestions: 'Values to suggest (one per line)',
  ruleId: 'Name in figures',
  ruleIdDefault: 'its label',
  required: 'required',
  saveRule: 'Save rule',
  ruleSaved: (n: number) => `Field rule ${n} saved.`,
  ruleDeleted: (n: number) => `Field rule ${n} deleted.`,
  needsField: 'Pick the field this rule is for.',
  needsTip: 'Write the tip shown beside the field.',
  needsRequirement: 'Make the field required or give it a format.',
  checkPasses: 'The guide passes the guide check.',
  fixCount: (n: number) =>
    `${n} thing${n === 1 ? '' : 's'} to fix before preview, download or publish`,
  publish: 'Publish to the organisation',
  publishAs: 'Publish as',
  publishState: { draft: 'Draft (nobody sees it yet)', pilot: 'Pilot (part of the team)' },
  publishHelp: {
    draft: 'A draft waits in the organisation’s guides until it is promoted.',
    pilot: 'The users the rollout takes in see this version; everyone else keeps the live one.',
  },
  publishButton: { draft: 'Publish as draft', pilot: 'Publish as pilot' },
  publishedDraft: (version: number) => `Published version ${version} as a draft.`,
  publishedPilot: (version: number, percent: number) =>
    `Published version ${version} as a pilot to ${percent} % of users.`,
  publishFailed: 'Waymark could not publish the guide.',
  pilotProblems: 'The pilot’s rollout is not right yet:',
  close: 'Close the authoring panel',
  guideTitle: 'Guide title',
  guideId: 'Guide id',
  forRoles: 'For roles',
  startsOn: 'Starts on',
  youAreOn: '; you are on',
  steps: 'Steps',
  noSteps: 'No steps yet.',
  moveUp: (n: number) => `Move step ${n} up`,
  moveDown: (n: number) => `Move step ${n} down`,
  editStep: (n: number) => `Edit step ${n}`,
  deleteStep: (n: number) => `Delete step ${n}`,
  edit: 'Edit',
  delete: 'Delete',
  newStep: 'New step',
  step: (n: number) => `Step ${n}`,
  kind: 'Kind',
  pick: 'Pick the element',
  pickAgain: 'Pick again',
  waysToFind: 'Ways to find it',
  waysToFindChecked: 'Ways to find it (matches on this page)',
  use: 'Use',
  strategyHeading: 'Strategy',
  matches: 'Matches',
  useStrategy: (strategy: string) => `Use ${strategy}`,
  matchesElsewhere: (n: number) => `${n} (not this one)`,
  findsPicked: (candidates: number) =>
    `Together they find the picked element (${candidates} candidate${candidates === 1 ? '' : 's'} seen).`,
  missesPicked: 'Together they do not find the picked element: add a strategy.',
  stepTitle: 'Title',
  stepText: 'Step text',
  placement: 'Placement',
  doneWhen: 'Done when',
  saveStep: 'Save step',
  cancel: 'Cancel',
  addStep: 'Add a step',
  preview: 'Preview',
  download: 'Download JSON',
  startOver: 'Start over',
  fixFirst: 'Fix these first:',
  wholeGuide: 'guide',
  pickHelp: 'Point at an element and click it, or Tab to it and press Enter. Esc cancels.',
  previewingTitle: (title: string) => `Previewing “${title}”.`,
  backToEditing: 'Back to editing',
  picked: 'Element picked. Check the ways Waymark will find it.',
  pickCancelled: 'Picking cancelled.',
  needsTarget: 'Pick the element this step points at.',
  needsText: 'Give the step a title or some text.',
  stepSaved: (n: number) => `Step ${n} saved.`,
  stepMoved: (n: number) => `Step moved to position ${n}.`,
  stepDeleted: (n: number) => `Step ${n} deleted.`,
  previewing: 'Previewing the guide on this page.',
  downloaded: (file: string) => `Downloaded ${file}.`,
  startedNew: 'Started a new guide.',
  strategy: {
    anchor: 'CRM anchor',
    testId: 'Test id',
    role: 'Role and name',
    label: 'Label',
    text: 'Text',
    css: 'CSS path',
  },
  advance: {
    next: 'The Next button',
    click: 'A click on the element',
    input: 'Typing in the field',
    change: 'Changing the field',
    visible: 'The element appearing',
    route: 'Going to another page',
  },
} satisfies Area;

/** The options page as a whole. */
export const options = {
  documentTitle: 'Waymark – My activity, sync and guides',
} satisfies Area;

/** Waymark's roles, by id (an id Waymark does not know shows the name it came with). */
export const roles = {
  rep: 'Sales rep',
  manager: 'Sales manager',
  service: 'Service agent',
  admin: 'CRM admin',
  trainer: 'Trainer',
} satisfies Area;

/** What the organisation's managed policy decides: the options page's summary, and locks. */
export const managed = {
  /** Beside every value the user cannot change because the policy sets it. */
  setByOrg: 'set by your organization',
  title: 'Managed by your organization',
  intro:
    'Your organization set these for Waymark in this browser. Where they apply, they read “set by your organization” and cannot be changed here.',
  ignoredHeading: 'Ignored',
  ignoredIntro:
    'These policy values are not valid, so Waymark ignores each of them as a whole. Everything else applies.',
  readFailed: (reason: string) => `The organization’s settings could not be read: ${reason}`,
  tokenSet: 'set',
  on: 'on',
  off: 'off',
  yes: 'yes',
  no: 'no',
  share: (percent: string) => `${percent}% of installations`,
  everyMinutes: (n: number) => `every ${count(n)} minute${n === 1 ? '' : 's'}`,
  syncOnByOrg: 'Sync is turned on by your organization.',
  syncOffByOrg: 'Sync is turned off by your organization.',
  intervalByOrg: (n: number) =>
    `Deliveries every ${count(n)} minute${n === 1 ? '' : 's'}, set by your organization.`,
  allow: (origin: string) => `Allow Waymark to reach ${origin}`,
  permissionNeeded: (origin: string) =>
    `Waymark needs your permission to reach ${origin}, which your organization set.`,
  rule: (who: string, crm: string | undefined, role: string) =>
    `${who}${crm ? ` on ${crm}` : ''} → ${role}`,
  team: (name: string) => `team “${name}”`,
  profile: (name: string) => `profile “${name}”`,
  and: ' and ',
  forRole: (role: string) => `for ${role}`,
  forTeam: (team: string) => `for team “${team}”`,
  labels: {
    endpointUrl: 'Endpoint address',
    ingestToken: 'Ingest token',
    guidePackUrl: 'Guide pack address',
    defaultRole: 'Default role',
    allowedRoles: 'Roles people may choose',
    roleRules: 'Roles by CRM team or profile',
    cohort: 'Rollout cohort',
    syncEnabled: 'Sync',
    syncIntervalMinutes: 'Sync interval',
    locale: 'Language',
    crmHosts: 'CRM sites Waymark runs on',
    customCrms: 'Self-hosted CRMs',
    observeOnly: 'Measure only, without guidance',
    observeOnlyCohorts: 'Cohorts that only measure',
    controlShare: 'Control group',
    champions: 'Who to ask',
  } satisfies Record<keyof Policy, string>,
} satisfies Area;

/** "My activity" on the options page. */
export const activity = {
  title: 'My activity',
  intro:
    'This data stays in this browser. Waymark keeps your progress through guides and usage events by page type (which guide step was shown, completed or skipped, and on what kind of CRM page). It never keeps field values, record ids, names or addresses.',
  loading: 'Loading…',
  progressHeading: 'Guide progress',
  noGuides: 'You have not started any guides yet.',
  progressCaption: 'Guides you have started, most recent first',
  guide: 'Guide',
  status: 'Status',
  step: 'Step',
  lastActivity: 'Last activity',
  stepOf: (n: number, total: number) => `step ${n} of ${total}`,
  statuses: {
    active: 'In progress',
    completed: 'Done',
    dismissed: 'Closed',
    abandoned: 'Left unfinished',
  },
  eventsHeading: 'Recent events',
  noEvents: 'No events stored.',
  stored: (total: number) => `${count(total)} event${total === 1 ? '' : 's'} stored.`,
  storedLatest: (total: number, shown: number) =>
    `${count(total)} event${total === 1 ? '' : 's'} stored; the latest ${count(shown)} are shown here.`,
  eventsCaption: 'Recent events, newest first',
  time: 'Time',
  event: 'Event',
  pageType: 'Page type',
  details: 'Details',
  score: (score: number) => `score ${score}`,
  field: (field: string) => `field ${field}`,
  count: (n: number) => `count ${count(n)}`,
  dataHeading: 'Your data',
  dataIntro:
    'Export saves everything Waymark keeps about you as a JSON file. Erase removes it from this browser.',
  export: 'Export',
  eraseAll: 'Erase everything…',
  confirmTitle: 'Erase all your activity?',
  confirmText:
    'This erases the event log, your guide progress and anything waiting to be synced, from this browser. It cannot be undone. Your chosen role stays.',
  erase: 'Erase',
  cancel: 'Cancel',
  exported: (n: number) => `Exported ${count(n)} event${n === 1 ? '' : 's'}.`,
  erased: (n: number) => `Erased ${count(n)} event${n === 1 ? '' : 's'}.`,
  loadFailed: (reason: string) =>
    `Your activity could not be loaded. Reload the page to try again. (${reason})`,
  exportFailed: (reason: string) =>
    `The export did not work; nothing was changed. Try again. (${reason})`,
  eraseFailed: (reason: string) =>
    `Your activity could not be erased; nothing was removed. Try again. (${reason})`,
  refreshFailed: (reason: string) =>
    `Your activity was erased, but this page could not refresh. (${reason})`,
} satisfies Area;

/** The sync settings on the options page. */
export const sync = {
  title: 'Sync',
  intro:
    'When your organisation runs a Waymark endpoint, this browser sends it anonymous daily counters: how often each guide step was shown, completed or skipped, by role and page type. No name, email, record, field value or address is ever sent, and nothing links two deliveries to you.',
  endpoint: 'Endpoint address',
  token: 'Ingest token',
  tokenSaved: 'saved (enter a new one to replace it)',
  test: 'Test connection',
  save: 'Save',
  turnOff: 'Turn sync off',
  statusHeading: 'Status',
  endpointTerm: 'Endpoint',
  lastDelivery: 'Last delivery',
  waiting: 'Waiting',
  waitingValue: (batches: number, counters: number) =>
    `${count(batches)} batch${batches === 1 ? '' : 'es'} (${count(counters)} counter${counters === 1 ? '' : 's'})`,
  lastProblem: 'Last problem',
  nextTry: 'Next try',
  never: 'never',
  syncNow: 'Sync now',
  nextBatchHeading: 'What the next batch will send',
  nextBatchIntro:
    'Exactly these counters, as JSON. Batches already queued keep their random id until the endpoint confirms them.',
  nextBatchLabel: 'Next batch contents',
  loading: 'Loading…',
  readFailed: (reason: string) => `Could not read the sync status: ${reason}`,
  permissionNeeded: (origin: string) => `Waymark needs your permission to send to ${origin}.`,
  saved: 'Saved. Sync is on.',
  savedButFailed: (problem: string) => `Saved. The first delivery failed: ${problem}`,
  off: 'Sync is off. Nothing leaves this browser.',
  delivered: (waiting: number) =>
    `Delivered. ${count(waiting)} batch${waiting === 1 ? '' : 'es'} waiting.`,
} satisfies Area;

/** "Self-hosted CRMs" on the options page: CRMs Waymark has no adapter for, named by host. */
export const crms = {
  title: 'Self-hosted CRMs',
  intro:
    'Waymark knows Salesforce, Dynamics 365 and HubSpot. For another CRM (self-hosted, or your own app), name its host and its pages as route templates: the browser asks you once for access to that host, and Waymark runs there from then on.',
  none: 'No self-hosted CRM is named.',
  setByPolicy: 'named by your organization',
  allowed: 'Waymark runs here.',
  notAllowed: 'Waymark may not run here yet.',
  allow: (host: string) => `Allow access to ${host}`,
  remove: (host: string) => `Remove ${host}`,
  routesOf: (host: string) => `Pages of ${host}`,
  route: (template: string, pageType: string) => `${template} → ${pageType}`,
  addHeading: 'Name a CRM',
  host: 'Host',
  hostHint: 'crm.acme.com, or *.acme.com for every host under it (https only).',
  routes: 'Pages (route templates)',
  routesHint:
    'One per line: /contacts/:id/show or #/contacts/:id/show, optionally followed by = and its page type. Words are kept, :names and * stand for any segment. Other pages read "other".',
  add: 'Add and allow access',
  refused: (host: string) =>
    `The browser did not allow access to ${host}: Waymark does not run there.`,
  saved: (host: string) => `Saved. Waymark runs on ${host} from the next page load.`,
  readFailed: (reason: string) => `Could not read the self-hosted CRMs: ${reason}`,
  lineProblem: (line: number, problem: string) => `Line ${line}: ${problem}`,
} satisfies Area;

/** "My figures" on the options page: the snapshot views over this browser's own events. */
export const figures = {
  title: 'My figures',
  intro:
    'The views your organisation’s dashboard shows, computed here from this browser’s own event log only. Nothing is sent to compute them.',
} satisfies Area;

/**
 * "Guides" on the options page: the guides in this browser, the organisation's guide pack and
 * the import. Import problems stay as `npm run guides:check` words them, in English.
 */
export const library = {
  title: 'Guides',
  trainerHeading: 'Publishing guides',
  trainerIntro: (endpoint: string) =>
    `Trainers publish guides from the authoring panel to ${endpoint} with a trainer token (ask your Waymark admin for one). It is kept in this browser and sent only there.`,
  trainerNoEndpoint:
    'Trainers publish guides from the authoring panel to the organization’s endpoint: set its address under Sync first, then the trainer token here.',
  trainerToken: 'Trainer token',
  trainerTokenSet: 'A trainer token is set',
  trainerSave: 'Set trainer token',
  trainerForget: 'Forget trainer token',
  trainerSaved: 'The trainer token is set.',
  trainerForgotten: 'The trainer token is forgotten.',
  intro:
    'The guides Waymark runs in this browser: built into the extension, from your organization’s guide pack, or imported here. An imported guide runs like a built-in one, for the roles it names.',
  sources: {
    bundled: 'Built in',
    imported: 'Imported',
    remote: 'From your organization',
  },
  packStatus: (source: string, details: string) => `Guide pack from ${source} — ${details}`,
  packUpdated: (when: string, guides: number) =>
    `last updated ${when} (${count(guides)} guide${guides === 1 ? '' : 's'})`,
  packNotDownloaded: 'not downloaded yet',
  packUnchanged: (when: string) => `unchanged at ${when}`,
  packFailed: (reason: string, when: string) => `last attempt failed: ${reason} (${when})`,
  packMoved: (url: string) => `Now fetched from ${url}.`,
  allowPack: (origin: string) => `Allow Waymark to reach ${origin}`,
  checkPack: 'Check for new guides',
  upToDate: 'The guide pack is up to date.',
  checkFailed: (reason: string) => `The guide pack could not be checked. (${reason})`,
  permissionFailed: (origin: string, reason: string) =>
    `Waymark could not ask for permission to reach ${origin}. (${reason})`,
  importHeading: 'Import guides',
  /** `{command}` and `{version}` are shown as code. */
  importRules:
    'Each guide is checked as {command} checks it (its file name and layout aside). A guide whose id Waymark already has replaces it only with a higher {version}. If anything is wrong, nothing is imported.',
  files: 'Guide files (.json)',
  paste: 'Or paste a guide’s JSON',
  import: 'Import',
  problemsHeading: (n: number) => `Nothing was imported: ${count(n)} problem${n === 1 ? '' : 's'}`,
  imported: (guides: string) => `Imported ${guides}.`,
  importedGuide: (title: string, version: number) => `“${title}” (version ${version})`,
  importedReplacing: (title: string, version: number, replaced: number) =>
    `“${title}” (version ${version}, replacing version ${replaced})`,
  importedReplacingBuiltIn: (title: string, version: number, replaced: number) =>
    `“${title}” (version ${version}, replacing the built-in version ${replaced})`,
  importFailed: (reason: string) =>
    `The import did not work; nothing was changed. Try again. (${reason})`,
  tooManyFiles: (max: number) => `Choose at most ${count(max)} files at a time.`,
  filesUnreadable: (reason: string) =>
    `The files could not be read; nothing was imported. (${reason})`,
  loadFailed: (reason: string) =>
    `The guides could not be loaded. Reload the page to try again. (${reason})`,
  refreshFailed: (reason: string) =>
    `The guides were imported, but this list could not refresh. (${reason})`,
  listHeading: 'Guides in this browser',
  loading: 'Loading…',
  noGuides: 'No guides.',
  caption:
    'Every guide, with how often a step’s target could not be found in this browser (from your own event log)',
  guide: 'Guide',
  version: 'Version',
  source: 'Source',
  roles: 'Roles',
  targetMissing: 'Target missing here',
  actions: 'Actions',
  overBuiltIn: (version: number) => `(over built-in version ${version})`,
  times: (n: number) => `${count(n)}×`,
  none: 'none',
  missingEarlier: (n: number) => `(+${count(n)} in earlier versions)`,
  removeGuide: (title: string) => `Remove ${title}`,
  removeOpen: 'Remove…',
  removeTitle: (title: string) => `Remove “${title}”?`,
  removeText: 'This removes the imported guide from this browser.',
  removeBringsBack: (version: number) => `The built-in version ${version} comes back.`,
  removeImportAgain: 'To use it again, import it again.',
  removeKeeps: 'Your progress and events stay in My activity.',
  remove: 'Remove',
  cancel: 'Cancel',
  removed: (title: string) => `Removed “${title}”.`,
  restoredRemote: (version: number) => `Your organization’s version ${version} is back.`,
  restoredBuiltIn: (version: number) => `The built-in version ${version} is back.`,
  alreadyGone: (title: string) => `“${title}” was already gone.`,
  removeFailed: (reason: string) =>
    `The guide could not be removed; nothing was changed. (${reason})`,
} satisfies Area;

/** The rep's launcher in the toolbar. */
export const popup = {
  loading: 'Loading…',
  loadFailed: (reason: string) => `Waymark could not load: ${reason}`,
  role: 'Your role',
  pause: 'Pause guidance',
  notGuided:
    'Guidance is not shown for this installation: your organization is measuring how the CRM is used without it.',
  saveFailed: (reason: string) => `Could not save: ${reason}`,
  /** `{title}` is the guide's title, shown in bold. */
  active: 'In progress: {title}',
  authoringHeading: 'Authoring',
  writeGuide: 'Write a guide on this page',
  authoringFailed: 'The authoring panel could not open.',
  askChampion: (name: string) => `Stuck? Ask ${name}`,
  pageHeading: 'On this page',
  notHere: 'Waymark does not run on this page.',
  noGuides: (role: string) => `No guides for ${role} on this page.`,
  targetMissing: (n: number) => `target missing ${count(n)}× here`,
  start: 'Start',
  startGuide: (title: string) => `Start ${title}`,
  launchFailed: 'The guide could not start.',
  checklistHeading: 'Your onboarding checklist',
  checklistProgress: 'Checklist progress',
  checklistDone: (done: number, total: number) => `${count(done)} of ${count(total)} done`,
  statuses: {
    'not-started': 'Not started',
    active: 'In progress',
    completed: 'Done',
    dismissed: 'Closed',
    abandoned: 'Left unfinished',
  },
  activeStep: (n: number, total: number) => `In progress, step ${n} of ${total}`,
  myActivity: 'My activity',
  activityFailed: (reason: string) => `Could not open My activity: ${reason}`,
} satisfies Area;

/** Choosing a snapshot's period and baseline (dashboard and options page). */
export const period = {
  form: 'Period',
  presets: 'Quick periods',
  lastDays: (days: number) => `Last ${days} days`,
  period: 'Period',
  baseline: 'Baseline',
  from: 'From',
  to: 'To',
  compare: 'Compare with a baseline',
  usePrevious: 'Use the period before',
  show: 'Show',
  periodDatesMissing: 'Choose both dates of the period.',
  baselineDatesMissing: 'Choose both dates of the baseline.',
  periodReversed: 'The period ends before it starts.',
  baselineReversed: 'The baseline ends before it starts.',
  periodTooLong: (max: number) => `The period may span at most ${max} days.`,
  baselineTooLong: (max: number) => `The baseline may span at most ${max} days.`,
} satisfies Area;

/** The snapshot views (dashboard and options page): figures, charts and their tables. */
export const snapshot = {
  fewerThan: (k: number) => `fewer than ${k}`,
  none: 'none',
  percent: (value: string) => `${value}%`,
  points: (change: string) => `${change} pts`,
  range: (from: string, to: string, days: number) =>
    `${from} – ${to} (${days} day${days === 1 ? '' : 's'})`,
  periodLabel: 'Period:',
  baselineLabel: 'Baseline:',
  suppressedNote: (k: number) => `Figures from fewer than ${k} people read “fewer than ${k}”.`,
  withBaseline: (column: string) => `${column}, baseline`,
  withChange: (column: string) => `${column}, change`,
  dailyFigures: 'Daily figures',
  day: 'Day',
  role: 'Role',
  guide: 'Guide',
  step: 'Step',
  field: 'Field',
  thisPeriod: 'This period',
  baseline: 'Baseline',
  activeUsersTitle: 'Active users by role',
  activeUsersIntro:
    'People who used the CRM with Waymark each day. User-weeks count each person once per week they were active.',
  noActivity: 'No activity in this period.',
  activeUsersChart: 'Active users per day, by role',
  activeUsersDaily: 'Active users per day and role',
  baselineActiveUsersChart: 'Baseline period: active users per day, by role',
  baselineActiveUsersDaily: 'Baseline period: active users per day and role',
  activeUsersByRole: 'Active users per role over the period',
  busiestDay: 'Busiest day',
  userWeeks: 'User-weeks',
  guideVersion: (guide: string, version: number) => `${guide} (version ${version})`,
  funnelStep: (step: string) => `Step: ${step}`,
  runsCaption: (guide: string) => `${guide}: runs`,
  funnelTitle: (guide: string) => `${guide}: funnel, from start through every step to completion`,
  stepsCaption: (guide: string) => `${guide}: each step`,
  started: 'Started',
  completed: 'Completed',
  completion: 'Completion',
  dismissed: 'Dismissed',
  abandoned: 'Abandoned',
  targetMissing: 'Target missing',
  shown: 'Shown',
  reached: 'Reached',
  skipped: 'Skipped',
  dropOff: 'Drop-off',
  guidesTitle: 'Guide funnels',
  guidesIntro:
    'Runs started, how far they got, and how they ended. Drop-off is the share of showings of a step that were neither completed nor skipped.',
  noGuides: 'No guide ran in this period.',
  trainingTitle: 'Training completion by role',
  trainingIntro:
    "People of each role who have completed each guide of their onboarding checklist by the end of the period, against the role's users in its busiest week.",
  noTraining: 'No role has checklist figures in this period.',
  checklistByRole: 'Checklist completion by role',
  busiestWeekUsers: 'Users (busiest week)',
  checklistCompleted: 'Checklist completed',
  roleChecklist: (role: string) => `${role}: each checklist guide`,
  trainedUsers: 'People who completed it',
  share: 'Share of users',
  fieldsTitle: 'Fields left empty or invalid',
  fieldsIntro:
    'Saves where a field the guides ask for was empty or did not match its rule, worst first, by page type.',
  noFields: 'No field problems were recorded in this period.',
  worstFields: (n: number) =>
    n === 1 ? 'The field with the most problems' : `The ${n} fields with the most problems`,
  leftEmpty: 'Left empty',
  invalid: 'Invalid',
  pageTypeCaption: (pageType: string) => `Page type ${pageType}`,
  surveysTitle: 'Survey scores beside completion',
  surveysIntro: 'What people said about a guide next to what they did with it.',
  noSurveys: 'No survey was answered in this period.',
  surveysCaption: 'Survey answers and completion rate per guide',
  announcementsTitle: 'Announcements',
  announcementsIntro:
    'How many people saw each announcement for the first time, dismissed it or followed its link.',
  noAnnouncements: 'No announcement was shown in this period.',
  announcementsCaption: 'Announcements shown, dismissed and followed, per version',
  announcementShown: 'Shown',
  announcementDismissed: 'Dismissed',
  announcementClicked: 'Link followed',
  announcementClickRate: 'Followed per showing',
  answers: 'Answers',
  meanScore: 'Mean score',
} satisfies Area;

/** "Guided vs control" in the snapshot views: completion of each workflow per cohort. */
export const workflows = {
  guidanceStarted: (day: string) =>
    `Guidance started on ${day}: before it, installations only measured (observe only).`,
  title: 'Guided vs control',
  intro:
    'How often each workflow was completed by people shown the guides (guided), by people held back at random (control) and by installations that only measure (observe only). The range is the 95% interval: the true rate most likely lies within it.',
  none: 'No workflow was run in this period.',
  caption: (guide: string) => `${guide}: completion by cohort`,
  baselineCaption: (guide: string) => `${guide}: baseline period, completion by cohort`,
  cohort: 'Cohort',
  cohorts: {
    guided: 'Guided',
    control: 'Control',
    observe: 'Observe only',
  },
  started: 'Runs started',
  completed: 'Completed',
  rate: 'Completion rate',
  interval: '95% interval',
  range: (lower: string, upper: string) => `${lower} to ${upper}`,
  chart: 'Completion rate with its 95% interval',
  abandonPoint: 'Most abandoned at',
  abandonedAt: (step: string, runs: number) => `${step} (${count(runs)} runs)`,
  emptyFields: 'Fields left empty',
  emptyField: (field: string, times: number) => `${field} (${count(times)}×)`,
  difference: (change: string, lower: string, upper: string) =>
    `Guided − control: ${change} (95% interval ${lower} to ${upper}).`,
  baselineDifference: (change: string, lower: string, upper: string) =>
    `Guided now − observe only in the baseline: ${change} (95% interval ${lower} to ${upper}).`,
  realEffect: 'Likely a real effect: the interval does not include 0.',
  noise: 'Could be noise: the interval includes 0.',
  noDifference: 'No difference yet: both guided and control need figures.',
} satisfies Area;

/** The admin dashboard served by the endpoint. Its exports and the API's own errors stay English. */
export const dashboard = {
  documentTitle: 'Waymark adoption dashboard',
  signInTitle: 'Waymark adoption dashboard',
  signInIntro:
    'Usage snapshots of your organisation: anonymous counters only, and figures from fewer than k people are never shown. With a trainer token: your organisation’s guides and their versions.',
  adminToken: 'Admin or trainer token',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  pasteToken: 'Paste the admin or trainer token your endpoint gave you.',
  tokenHint: (refusal: string) =>
    `${refusal} Admin tokens are made with: npm run server -- token create --org YOUR-ORG --kind admin (trainer tokens, for guides only: --kind trainer --label "Your team")`,
  signInAgain: (refusal: string) => `${refusal} Sign in again.`,
  title: 'Adoption dashboard',
  titleOf: (org: string) => `Adoption dashboard · ${org}`,
  signOut: 'Sign out',
  downloadCsv: 'Download CSV',
  downloadJson: 'Download JSON',
  loading: 'Loading the snapshot…',
  loaded: 'Snapshot loaded.',
  csvDownloaded: 'CSV downloaded.',
  jsonDownloaded: 'JSON downloaded.',
  noAnswer: 'The endpoint did not answer. Is it running?',
  answered: (status: number) => `The endpoint answered ${status}.`,
} satisfies Area;

/** The dashboard's guides: versions and their states, differences between two, promote, roll back. */
export const guideLibrary = {
  views: 'Dashboard views',
  adoptionView: 'Adoption',
  guidesView: 'Guides',
  snapshotsNeedAdmin:
    'Usage snapshots need an admin token. This trainer token reads and changes your organisation’s guides only.',
  heading: 'Guides',
  intro:
    'Every guide your organisation published, with its versions. Promote a draft or a pilot to make it live for everyone; roll back to an earlier version to make its text live again, as a new version.',
  loading: 'Loading the guides…',
  loaded: (n: number) => (n === 1 ? 'One guide loaded.' : `${count(n)} guides loaded.`),
  none: 'Your organisation has published no guide yet: a trainer publishes with POST /v1/guides, or an admin imports a directory with npm run server -- guides import DIR --org YOUR-ORG.',
  live: (n: number) => `Live: version ${n}`,
  noLive: 'No version is live',
  pilot: (n: number, rollout: string) => `In pilot: version ${n}, ${rollout}`,
  drafts: (versions: string) => `Drafts: ${versions}`,
  rollout: {
    percent: (p: number) => `${p} % of users`,
    cohorts: (cohorts: string) => `in cohorts ${cohorts}`,
    from: (day: string) => `from ${day}`,
    until: (day: string) => `until ${day}`,
  },
  versions: 'Versions',
  version: 'Version',
  state: 'State',
  publishedBy: 'Published by',
  publishedAt: 'Published',
  actions: 'Actions',
  states: { draft: 'Draft', pilot: 'Pilot', live: 'Live', retired: 'Retired' },
  pilotState: (rollout: string) => `Pilot, ${rollout}`,
  promote: (n: number) => `Promote version ${n}`,
  rollBack: (n: number) => `Roll back to version ${n}`,
  confirmPromote: (n: number, title: string) =>
    `Make version ${n} of “${title}” live for everyone? The live version and any other pilot retire.`,
  confirmRollBack: (n: number, title: string, next: number) =>
    `Make the text of version ${n} of “${title}” live again for everyone? It becomes version ${next}; the live version and any pilot retire.`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  working: 'Sending…',
  promoted: (n: number, title: string) => `Version ${n} of “${title}” is live.`,
  rolledBack: (n: number, title: string, live: number) =>
    `“${title}” is rolled back: version ${live}, with the text of version ${n}, is live.`,
  history: 'Who changed what, and when',
  when: 'When',
  who: 'Who',
  what: 'What',
  changes: {
    publishDraft: (n: number) => `published version ${n} as a draft`,
    publishPilot: (n: number) => `published version ${n} to pilot`,
    promote: (n: number) => `promoted version ${n}`,
    rollback: (n: number) => `rolled back: version ${n} made live`,
    retire: (n: number) => `retired version ${n}`,
  },
  compare: 'Compare two versions',
  compareFrom: 'From version',
  compareTo: 'To version',
  differencesOf: (from: number, to: number) => `From version ${from} to version ${to}`,
  differenceCount: (n: number) =>
    n === 0
      ? 'The two versions have the same content.'
      : n === 1
        ? 'One difference.'
        : `${count(n)} differences.`,
  before: 'Before',
  after: 'After',
  yes: 'yes',
  no: 'no',
  guideSettings: 'Guide',
  step: (position: number, id: string) => `Step ${position} “${id}”`,
  fieldRule: (field: string) => `Field rule “${field}”`,
  settingChanged: (where: string, setting: string) => `${where} — ${setting} changed`,
  settingAdded: (where: string, setting: string) => `${where} — ${setting} added`,
  settingRemoved: (where: string, setting: string) => `${where} — ${setting} removed`,
  added: (what: string) => `${what} added`,
  removed: (what: string) => `${what} removed`,
  moved: (what: string, from: number) => `${what} moved (it was step ${from})`,
  inLocale: (setting: string, tag: string) => `${setting} (${tag})`,
  /** Settings by their path in the guide (and in a step or field rule); others show their path. */
  settings: {
    id: 'Id',
    title: 'Title',
    description: 'Description',
    body: 'Text',
    message: 'Tip',
    question: 'Question',
    scale: 'Score range',
    roles: 'Roles',
    crm: 'CRM',
    checklist: 'In the checklist',
    kind: 'Kind of step',
    page: 'Page',
    placement: 'Placement',
    wait: 'Wait for the target (ms)',
    'match.page': 'Offered on pages',
    'match.url': 'Offered at addresses',
    launch: 'Launch',
    'launch.mode': 'Launch: auto or manual',
    'launch.once': 'Launch: only once',
    rollout: 'Rollout',
    'rollout.percent': 'Rollout: share of users',
    'rollout.cohorts': 'Rollout: cohorts',
    'rollout.from': 'Rollout: first day',
    'rollout.until': 'Rollout: last day',
    advance: 'Advance',
    'advance.on': 'Advances on',
    'advance.page': 'Advances to page',
    target: 'Target',
    'target.anchor': 'Target: anchor',
    'target.label': 'Target: label',
    'target.text': 'Target: text',
    'target.role': 'Target: role',
    'target.name': 'Target: name',
    'target.css': 'Target: CSS selector',
    'target.testId': 'Target: test id',
    locales: 'Translations',
    required: 'Required',
    format: 'Format',
    pattern: 'Pattern',
    picklist: 'Suggested values',
  },
} satisfies Area;

/** Guide health at the top of the admin dashboard: steps whose targets went missing more. */
export const guideHealth = {
  title: 'Guide steps losing their target',
  intro:
    'On these steps the target was missing far more often than in the 7 days before: a CRM release may have changed what the step looks for.',
  step: (guide: string, version: number, step: string) =>
    `${guide}, version ${version}, step “${step}”`,
  onDay: (day: string) => `on ${day}`,
  onDays: (from: string, to: string) => `from ${from} to ${to}`,
  rate: (when: string, rate: string, runs: string, before: string, runsBefore: string) =>
    `Target missing ${when}: ${rate} of ${runs} runs, against ${before} of ${runsBefore} runs in the 7 days before.`,
  rateFewBefore: (when: string, rate: string, runs: string, runsBefore: string, people: string) =>
    `Target missing ${when}: ${rate} of ${runs} runs, against ${runsBefore} runs in the 7 days before, whose misses came from ${people} people.`,
  failed: (strategies: string) => `Found nothing: ${strategies}.`,
  noneFailed: 'Each strategy found something, but nothing shown.',
  strategyCount: (strategy: string, count: string) => `${strategy} (${count}×)`,
  pageType: (pageType: string) => `Page type: ${pageType}.`,
  doctor: 'Check it on such a page with:',
  doctorCommand: 'npm run guides:doctor -- --url URL-OF-THAT-PAGE',
} satisfies Area;

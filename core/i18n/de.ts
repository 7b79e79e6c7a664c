/**
 * Waymark's own words in German. Every area has exactly the keys of `en.ts` (the type checker
 * and tests/unit/i18n.test.ts report any missing, unknown, empty or with a parameter left out).
 */
import type { Messages } from './types';

const count = (n: number) => n.toLocaleString('de');

export const page = {
  close: 'Anleitung schließen',
  back: 'Zurück',
  next: 'Weiter',
  done: 'Fertig',
  skip: 'Überspringen',
  reveal: 'Zeig es mir',
  progress: (n, total) => `Schritt ${n} von ${total}`,
  openTip: (title) => `Tipp öffnen: ${title}`,
  score: (n, max) => `${n} von ${max}`,
  missingTitle: 'Auf dieser Seite nicht gefunden',
  missingBody: (title) =>
    `Der nächste Schritt von „${title}“ zeigt auf etwas, das gerade nicht auf dieser Seite ist. Vielleicht lädt es noch, oder die Seite hat sich geändert.`,
  retry: 'Erneut versuchen',
  skipStep: 'Diesen Schritt überspringen',
  exit: 'Anleitung beenden',
  askChampion: (name: string) => `Nicht weiter? Fragen Sie ${name}`,
} satisfies Messages['page'];

export const author = {
  title: 'Eine Anleitung schreiben',
  close: 'Bearbeitung schließen',
  guideTitle: 'Titel der Anleitung',
  guideId: 'ID der Anleitung',
  forRoles: 'Für Rollen',
  startsOn: 'Beginnt auf',
  youAreOn: '; Sie sind auf',
  steps: 'Schritte',
  noSteps: 'Noch keine Schritte.',
  moveUp: (n) => `Schritt ${n} nach oben`,
  moveDown: (n) => `Schritt ${n} nach unten`,
  editStep: (n) => `Schritt ${n} bearbeiten`,
  deleteStep: (n) => `Schritt ${n} löschen`,
  edit: 'Bearbeiten',
  delete: 'Löschen',
  newStep: 'Neuer Schritt',
  step: (n) => `Schritt ${n}`,
  kind: 'Art',
  pick: 'Element auswählen',
  pickAgain: 'Neu auswählen',
  waysToFind: 'So wird es gefunden',
  waysToFindChecked: 'So wird es gefunden (Treffer auf dieser Seite)',
  use: 'Nutzen',
  strategyHeading: 'Merkmal',
  matches: 'Treffer',
  useStrategy: (strategy) => `${strategy} nutzen`,
  matchesElsewhere: (n) => `${n} (nicht dieses)`,
  findsPicked: (candidates) =>
    `Zusammen finden sie das ausgewählte Element (${candidates} ${candidates === 1 ? 'Kandidat' : 'Kandidaten'} geprüft).`,
  missesPicked: 'Zusammen finden sie das ausgewählte Element nicht: Fügen Sie ein Merkmal hinzu.',
  stepTitle: 'Titel',
  stepText: 'Text des Schritts',
  placement: 'Position',
  doneWhen: 'Erledigt bei',
  saveStep: 'Schritt speichern',
  cancel: 'Abbrechen',
  addStep: 'Schritt hinzufügen',
  preview: 'Vorschau',
  download: 'JSON herunterladen',
  startOver: 'Neu beginnen',
  fixFirst: 'Bitte zuerst beheben:',
  wholeGuide: 'Anleitung',
  pickHelp:
    'Zeigen Sie auf ein Element und klicken Sie es an, oder gehen Sie mit Tab dorthin und drücken Sie Enter. Esc bricht ab.',
  previewingTitle: (title) => `Vorschau von „${title}“.`,
  backToEditing: 'Zurück zur Bearbeitung',
  picked: 'Element ausgewählt. Prüfen Sie, woran Waymark es erkennt.',
  pickCancelled: 'Auswahl abgebrochen.',
  needsTarget: 'Wählen Sie das Element aus, auf das dieser Schritt zeigt.',
  needsText: 'Geben Sie dem Schritt einen Titel oder einen Text.',
  stepSaved: (n) => `Schritt ${n} gespeichert.`,
  stepMoved: (n) => `Schritt an Position ${n} verschoben.`,
  stepDeleted: (n) => `Schritt ${n} gelöscht.`,
  previewing: 'Vorschau der Anleitung auf dieser Seite.',
  downloaded: (file) => `${file} heruntergeladen.`,
  startedNew: 'Neue Anleitung begonnen.',
  strategy: {
    anchor: 'CRM-Anker',
    testId: 'Test-ID',
    role: 'Rolle und Name',
    label: 'Beschriftung',
    text: 'Text',
    css: 'CSS-Pfad',
  },
  advance: {
    next: 'Die Schaltfläche „Weiter“',
    click: 'Ein Klick auf das Element',
    input: 'Eine Eingabe im Feld',
    change: 'Eine Änderung des Felds',
    visible: 'Das Erscheinen des Elements',
    route: 'Der Wechsel auf eine andere Seite',
  },
} satisfies Messages['author'];

export const options = {
  documentTitle: 'Waymark – Meine Aktivität, Synchronisierung und Anleitungen',
} satisfies Messages['options'];

export const roles = {
  rep: 'Vertrieb',
  manager: 'Vertriebsleitung',
  service: 'Kundenservice',
  admin: 'CRM-Administration',
  trainer: 'Schulung',
} satisfies Messages['roles'];

export const managed = {
  setByOrg: 'von Ihrer Organisation festgelegt',
  title: 'Von Ihrer Organisation verwaltet',
  intro:
    'Ihre Organisation hat diese Werte für Waymark in diesem Browser festgelegt. Wo sie gelten, steht „von Ihrer Organisation festgelegt“ daneben, und sie lassen sich hier nicht ändern.',
  ignoredHeading: 'Nicht beachtet',
  ignoredIntro:
    'Diese Richtlinienwerte sind ungültig, deshalb beachtet Waymark jeden von ihnen als Ganzes nicht. Alles andere gilt.',
  readFailed: (reason) =>
    `Die Einstellungen Ihrer Organisation konnten nicht gelesen werden: ${reason}`,
  tokenSet: 'festgelegt',
  on: 'an',
  off: 'aus',
  yes: 'ja',
  no: 'nein',
  share: (percent) => `${percent}\u00a0% der Installationen`,
  everyMinutes: (n) => (n === 1 ? 'jede Minute' : `alle ${count(n)} Minuten`),
  syncOnByOrg: 'Die Synchronisierung ist von Ihrer Organisation eingeschaltet.',
  syncOffByOrg: 'Die Synchronisierung ist von Ihrer Organisation ausgeschaltet.',
  intervalByOrg: (n) =>
    `${n === 1 ? 'Jede Minute' : `Alle ${count(n)} Minuten`} eine Lieferung, von Ihrer Organisation festgelegt.`,
  allow: (origin) => `Waymark erlauben, ${origin} zu erreichen`,
  permissionNeeded: (origin) =>
    `Waymark braucht Ihre Erlaubnis, ${origin} zu erreichen; Ihre Organisation hat diese Adresse festgelegt.`,
  rule: (who, crm, role) => `${who}${crm ? ` in ${crm}` : ''} → ${role}`,
  team: (name) => `Team „${name}“`,
  profile: (name) => `Profil „${name}“`,
  and: ' und ',
  forRole: (role) => `für ${role}`,
  forTeam: (team) => `für Team „${team}“`,
  labels: {
    endpointUrl: 'Adresse des Endpunkts',
    ingestToken: 'Ingest-Token',
    guidePackUrl: 'Adresse des Anleitungspakets',
    defaultRole: 'Standardrolle',
    allowedRoles: 'Wählbare Rollen',
    roleRules: 'Rollen nach CRM-Team oder -Profil',
    cohort: 'Einführungsgruppe',
    syncEnabled: 'Synchronisierung',
    syncIntervalMinutes: 'Synchronisierungsintervall',
    locale: 'Sprache',
    crmHosts: 'CRM-Seiten, auf denen Waymark läuft',
    customCrms: 'Selbst betriebene CRMs',
    observeOnly: 'Nur messen, ohne Anleitungen',
    observeOnlyCohorts: 'Gruppen, die nur messen',
    controlShare: 'Kontrollgruppe',
    champions: 'Ansprechpersonen',
  },
} satisfies Messages['managed'];

export const activity = {
  title: 'Meine Aktivität',
  intro:
    'Diese Daten bleiben in diesem Browser. Waymark speichert Ihren Fortschritt in Anleitungen und Nutzungsereignisse nach Seitentyp (welcher Schritt einer Anleitung gezeigt, erledigt oder übersprungen wurde, und auf welcher Art von CRM-Seite). Feldwerte, Datensatz-IDs, Namen oder Adressen werden nie gespeichert.',
  loading: 'Wird geladen …',
  progressHeading: 'Fortschritt in Anleitungen',
  noGuides: 'Sie haben noch keine Anleitung begonnen.',
  progressCaption: 'Begonnene Anleitungen, die neuesten zuerst',
  guide: 'Anleitung',
  status: 'Status',
  step: 'Schritt',
  lastActivity: 'Zuletzt aktiv',
  stepOf: (n, total) => `Schritt ${n} von ${total}`,
  statuses: {
    active: 'Läuft',
    completed: 'Fertig',
    dismissed: 'Geschlossen',
    abandoned: 'Nicht beendet',
  },
  eventsHeading: 'Letzte Ereignisse',
  noEvents: 'Keine Ereignisse gespeichert.',
  stored: (total) => `${count(total)} ${total === 1 ? 'Ereignis' : 'Ereignisse'} gespeichert.`,
  storedLatest: (total, shown) =>
    `${count(total)} ${total === 1 ? 'Ereignis' : 'Ereignisse'} gespeichert; die letzten ${count(shown)} stehen hier.`,
  eventsCaption: 'Letzte Ereignisse, die neuesten zuerst',
  time: 'Zeit',
  event: 'Ereignis',
  pageType: 'Seitentyp',
  details: 'Details',
  score: (score) => `Bewertung ${score}`,
  field: (field) => `Feld ${field}`,
  count: (n) => `Anzahl ${count(n)}`,
  dataHeading: 'Ihre Daten',
  dataIntro:
    'Exportieren speichert alles, was Waymark über Sie speichert, als JSON-Datei. Löschen entfernt es aus diesem Browser.',
  export: 'Exportieren',
  eraseAll: 'Alles löschen …',
  confirmTitle: 'Ihre gesamte Aktivität löschen?',
  confirmText:
    'Dies löscht das Ereignisprotokoll, Ihren Fortschritt in Anleitungen und alles, was auf die Synchronisierung wartet, aus diesem Browser. Das lässt sich nicht rückgängig machen. Ihre gewählte Rolle bleibt.',
  erase: 'Löschen',
  cancel: 'Abbrechen',
  exported: (n) => `${count(n)} ${n === 1 ? 'Ereignis' : 'Ereignisse'} exportiert.`,
  erased: (n) => `${count(n)} ${n === 1 ? 'Ereignis' : 'Ereignisse'} gelöscht.`,
  loadFailed: (reason) =>
    `Ihre Aktivität konnte nicht geladen werden. Laden Sie die Seite neu, um es noch einmal zu versuchen. (${reason})`,
  exportFailed: (reason) =>
    `Der Export hat nicht funktioniert; nichts wurde geändert. Versuchen Sie es noch einmal. (${reason})`,
  eraseFailed: (reason) =>
    `Ihre Aktivität konnte nicht gelöscht werden; nichts wurde entfernt. Versuchen Sie es noch einmal. (${reason})`,
  refreshFailed: (reason) =>
    `Ihre Aktivität wurde gelöscht, aber diese Seite konnte sich nicht aktualisieren. (${reason})`,
} satisfies Messages['activity'];

export const sync = {
  title: 'Synchronisierung',
  intro:
    'Wenn Ihre Organisation einen Waymark-Endpunkt betreibt, sendet dieser Browser ihm anonyme Tageszähler: wie oft jeder Schritt einer Anleitung gezeigt, erledigt oder übersprungen wurde, nach Rolle und Seitentyp. Kein Name, keine E-Mail-Adresse, kein Datensatz, kein Feldwert und keine Adresse wird je gesendet, und nichts verbindet zwei Lieferungen mit Ihnen.',
  endpoint: 'Adresse des Endpunkts',
  token: 'Ingest-Token',
  tokenSaved: 'gespeichert (zum Ersetzen ein neues eingeben)',
  test: 'Verbindung testen',
  save: 'Speichern',
  turnOff: 'Synchronisierung ausschalten',
  statusHeading: 'Status',
  endpointTerm: 'Endpunkt',
  lastDelivery: 'Letzte Lieferung',
  waiting: 'Wartend',
  waitingValue: (batches, counters) =>
    `${count(batches)} ${batches === 1 ? 'Paket' : 'Pakete'} (${count(counters)} Zähler)`,
  lastProblem: 'Letztes Problem',
  nextTry: 'Nächster Versuch',
  never: 'nie',
  syncNow: 'Jetzt synchronisieren',
  nextBatchHeading: 'Was das nächste Paket sendet',
  nextBatchIntro:
    'Genau diese Zähler, als JSON. Bereits wartende Pakete behalten ihre zufällige ID, bis der Endpunkt sie bestätigt.',
  nextBatchLabel: 'Inhalt des nächsten Pakets',
  loading: 'Wird geladen …',
  readFailed: (reason) => `Der Status der Synchronisierung konnte nicht gelesen werden: ${reason}`,
  permissionNeeded: (origin) => `Waymark braucht Ihre Erlaubnis, an ${origin} zu senden.`,
  saved: 'Gespeichert. Die Synchronisierung ist an.',
  savedButFailed: (problem) => `Gespeichert. Die erste Lieferung ist fehlgeschlagen: ${problem}`,
  off: 'Die Synchronisierung ist aus. Nichts verlässt diesen Browser.',
  delivered: (waiting) =>
    `Geliefert. ${count(waiting)} ${waiting === 1 ? 'Paket wartet' : 'Pakete warten'}.`,
} satisfies Messages['sync'];

export const crms = {
  title: 'Selbst betriebene CRMs',
  intro:
    'Waymark kennt Salesforce, Dynamics 365 und HubSpot. Für ein anderes CRM (selbst betrieben oder Ihre eigene Anwendung) nennen Sie seinen Host und seine Seiten als Routenvorlagen: Der Browser fragt Sie einmal um Zugriff auf diesen Host, und Waymark läuft von da an dort.',
  none: 'Kein selbst betriebenes CRM ist genannt.',
  setByPolicy: 'von Ihrer Organisation genannt',
  allowed: 'Waymark läuft hier.',
  notAllowed: 'Waymark darf hier noch nicht laufen.',
  allow: (host) => `Zugriff auf ${host} erlauben`,
  remove: (host) => `${host} entfernen`,
  routesOf: (host) => `Seiten von ${host}`,
  route: (template, pageType) => `${template} → ${pageType}`,
  addHeading: 'Ein CRM nennen',
  host: 'Host',
  hostHint: 'crm.acme.com, oder *.acme.com für jeden Host darunter (nur https).',
  routes: 'Seiten (Routenvorlagen)',
  routesHint:
    'Eine pro Zeile: /contacts/:id/show oder #/contacts/:id/show, wahlweise gefolgt von = und ihrem Seitentyp. Wörter bleiben, :Namen und * stehen für ein beliebiges Segment. Andere Seiten heißen „other“.',
  add: 'Hinzufügen und Zugriff erlauben',
  refused: (host) =>
    `Der Browser hat den Zugriff auf ${host} nicht erlaubt: Waymark läuft dort nicht.`,
  saved: (host) => `Gespeichert. Waymark läuft auf ${host} ab dem nächsten Laden der Seite.`,
  readFailed: (reason) => `Die selbst betriebenen CRMs konnten nicht gelesen werden: ${reason}`,
  lineProblem: (line, problem) => `Zeile ${line}: ${problem}`,
} satisfies Messages['crms'];

export const figures = {
  title: 'Meine Zahlen',
  intro:
    'Die Ansichten, die das Dashboard Ihrer Organisation zeigt, hier nur aus dem Ereignisprotokoll dieses Browsers berechnet. Dafür wird nichts gesendet.',
} satisfies Messages['figures'];

export const library = {
  title: 'Anleitungen',
  intro:
    'Die Anleitungen, die Waymark in diesem Browser ausführt: in die Erweiterung eingebaut, aus dem Anleitungspaket Ihrer Organisation oder hier importiert. Eine importierte Anleitung läuft wie eine eingebaute, für die Rollen, die sie nennt.',
  sources: {
    bundled: 'Eingebaut',
    imported: 'Importiert',
    remote: 'Von Ihrer Organisation',
  },
  packStatus: (source, details) => `Anleitungspaket von ${source} – ${details}`,
  packUpdated: (when, guides) =>
    `zuletzt aktualisiert ${when} (${count(guides)} ${guides === 1 ? 'Anleitung' : 'Anleitungen'})`,
  packNotDownloaded: 'noch nicht heruntergeladen',
  packUnchanged: (when) => `unverändert am ${when}`,
  packFailed: (reason, when) => `letzter Versuch fehlgeschlagen: ${reason} (${when})`,
  packMoved: (url) => `Wird jetzt von ${url} geladen.`,
  allowPack: (origin) => `Waymark erlauben, ${origin} zu erreichen`,
  checkPack: 'Nach neuen Anleitungen suchen',
  upToDate: 'Das Anleitungspaket ist aktuell.',
  checkFailed: (reason) => `Das Anleitungspaket konnte nicht geprüft werden. (${reason})`,
  permissionFailed: (origin, reason) =>
    `Waymark konnte nicht um die Erlaubnis bitten, ${origin} zu erreichen. (${reason})`,
  importHeading: 'Anleitungen importieren',
  importRules:
    'Jede Anleitung wird so geprüft, wie {command} sie prüft (abgesehen von Dateiname und Ablage). Eine Anleitung, deren ID Waymark schon hat, ersetzt die vorhandene nur mit einer höheren {version}. Ist etwas falsch, wird nichts importiert.',
  files: 'Anleitungsdateien (.json)',
  paste: 'Oder das JSON einer Anleitung einfügen',
  import: 'Importieren',
  problemsHeading: (n) =>
    `Nichts wurde importiert: ${count(n)} ${n === 1 ? 'Problem' : 'Probleme'}`,
  imported: (guides) => `Importiert: ${guides}.`,
  importedGuide: (title, version) => `„${title}“ (Version ${version})`,
  importedReplacing: (title, version, replaced) =>
    `„${title}“ (Version ${version}, ersetzt Version ${replaced})`,
  importedReplacingBuiltIn: (title, version, replaced) =>
    `„${title}“ (Version ${version}, ersetzt die eingebaute Version ${replaced})`,
  importFailed: (reason) =>
    `Der Import hat nicht funktioniert; nichts wurde geändert. Versuchen Sie es noch einmal. (${reason})`,
  tooManyFiles: (max) => `Wählen Sie höchstens ${count(max)} Dateien auf einmal.`,
  filesUnreadable: (reason) =>
    `Die Dateien konnten nicht gelesen werden; nichts wurde importiert. (${reason})`,
  loadFailed: (reason) =>
    `Die Anleitungen konnten nicht geladen werden. Laden Sie die Seite neu, um es noch einmal zu versuchen. (${reason})`,
  refreshFailed: (reason) =>
    `Die Anleitungen wurden importiert, aber diese Liste konnte sich nicht aktualisieren. (${reason})`,
  listHeading: 'Anleitungen in diesem Browser',
  loading: 'Wird geladen …',
  noGuides: 'Keine Anleitungen.',
  caption:
    'Alle Anleitungen, mit der Zahl, wie oft das Ziel eines Schritts in diesem Browser nicht gefunden wurde (aus Ihrem eigenen Ereignisprotokoll)',
  guide: 'Anleitung',
  version: 'Version',
  source: 'Herkunft',
  roles: 'Rollen',
  targetMissing: 'Ziel hier nicht gefunden',
  actions: 'Aktionen',
  overBuiltIn: (version) => `(statt der eingebauten Version ${version})`,
  times: (n) => `${count(n)}×`,
  none: 'nie',
  missingEarlier: (n) => `(+${count(n)} in früheren Versionen)`,
  removeGuide: (title) => `${title} entfernen`,
  removeOpen: 'Entfernen …',
  removeTitle: (title) => `„${title}“ entfernen?`,
  removeText: 'Dies entfernt die importierte Anleitung aus diesem Browser.',
  removeBringsBack: (version) => `Die eingebaute Version ${version} kommt zurück.`,
  removeImportAgain: 'Um sie wieder zu verwenden, importieren Sie sie erneut.',
  removeKeeps: 'Ihr Fortschritt und Ihre Ereignisse bleiben unter „Meine Aktivität“.',
  remove: 'Entfernen',
  cancel: 'Abbrechen',
  removed: (title) => `„${title}“ entfernt.`,
  restoredRemote: (version) => `Die Version ${version} Ihrer Organisation gilt wieder.`,
  restoredBuiltIn: (version) => `Die eingebaute Version ${version} gilt wieder.`,
  alreadyGone: (title) => `„${title}“ war schon entfernt.`,
  removeFailed: (reason) =>
    `Die Anleitung konnte nicht entfernt werden; nichts wurde geändert. (${reason})`,
} satisfies Messages['library'];

export const popup = {
  loading: 'Wird geladen …',
  loadFailed: (reason) => `Waymark konnte nicht geladen werden: ${reason}`,
  role: 'Ihre Rolle',
  pause: 'Anleitungen pausieren',
  notGuided:
    'Für diese Installation werden keine Anleitungen gezeigt: Ihre Organisation misst, wie das CRM ohne sie genutzt wird.',
  saveFailed: (reason) => `Konnte nicht gespeichert werden: ${reason}`,
  active: 'Läuft: {title}',
  authoringHeading: 'Anleitungen schreiben',
  writeGuide: 'Eine Anleitung für diese Seite schreiben',
  authoringFailed: 'Die Bearbeitung konnte nicht geöffnet werden.',
  askChampion: (name) => `Nicht weiter? Fragen Sie ${name}`,
  pageHeading: 'Auf dieser Seite',
  notHere: 'Waymark läuft nicht auf dieser Seite.',
  noGuides: (role) => `Keine Anleitungen für ${role} auf dieser Seite.`,
  targetMissing: (n) => `Ziel hier ${count(n)}× nicht gefunden`,
  start: 'Starten',
  startGuide: (title) => `${title} starten`,
  launchFailed: 'Die Anleitung konnte nicht starten.',
  checklistHeading: 'Ihre Einarbeitungs-Checkliste',
  checklistProgress: 'Fortschritt der Checkliste',
  checklistDone: (done, total) => `${count(done)} von ${count(total)} erledigt`,
  statuses: {
    'not-started': 'Nicht begonnen',
    active: 'Läuft',
    completed: 'Fertig',
    dismissed: 'Geschlossen',
    abandoned: 'Nicht beendet',
  },
  activeStep: (n, total) => `Läuft, Schritt ${n} von ${total}`,
  myActivity: 'Meine Aktivität',
  activityFailed: (reason) => `„Meine Aktivität“ konnte nicht geöffnet werden: ${reason}`,
} satisfies Messages['popup'];

export const period = {
  form: 'Zeitraum',
  presets: 'Schnellauswahl',
  lastDays: (days) => `Letzte ${days} Tage`,
  period: 'Zeitraum',
  baseline: 'Vergleichszeitraum',
  from: 'Von',
  to: 'Bis',
  compare: 'Mit einem Vergleichszeitraum vergleichen',
  usePrevious: 'Den Zeitraum davor nehmen',
  show: 'Anzeigen',
  periodDatesMissing: 'Wählen Sie beide Daten des Zeitraums.',
  baselineDatesMissing: 'Wählen Sie beide Daten des Vergleichszeitraums.',
  periodReversed: 'Der Zeitraum endet, bevor er beginnt.',
  baselineReversed: 'Der Vergleichszeitraum endet, bevor er beginnt.',
  periodTooLong: (max) => `Der Zeitraum darf höchstens ${max} Tage umfassen.`,
  baselineTooLong: (max) => `Der Vergleichszeitraum darf höchstens ${max} Tage umfassen.`,
} satisfies Messages['period'];

export const snapshot = {
  fewerThan: (k) => `weniger als ${k}`,
  none: 'keine',
  percent: (value) => `${value}\u00a0%`,
  points: (change) => `${change}\u00a0Pp.`,
  range: (from, to, days) => `${from} – ${to} (${days} ${days === 1 ? 'Tag' : 'Tage'})`,
  periodLabel: 'Zeitraum:',
  baselineLabel: 'Vergleichszeitraum:',
  suppressedNote: (k) => `Zahlen von weniger als ${k} Personen lauten „weniger als ${k}“.`,
  withBaseline: (column) => `${column}, Vergleich`,
  withChange: (column) => `${column}, Veränderung`,
  dailyFigures: 'Tageszahlen',
  day: 'Tag',
  role: 'Rolle',
  guide: 'Anleitung',
  step: 'Schritt',
  field: 'Feld',
  thisPeriod: 'Dieser Zeitraum',
  baseline: 'Vergleichszeitraum',
  activeUsersTitle: 'Aktive Personen nach Rolle',
  activeUsersIntro:
    'Personen, die das CRM an einem Tag mit Waymark genutzt haben. Personenwochen zählen jede Person einmal pro Woche, in der sie aktiv war.',
  noActivity: 'Keine Aktivität in diesem Zeitraum.',
  activeUsersChart: 'Aktive Personen pro Tag, nach Rolle',
  activeUsersDaily: 'Aktive Personen pro Tag und Rolle',
  baselineActiveUsersChart: 'Vergleichszeitraum: aktive Personen pro Tag, nach Rolle',
  baselineActiveUsersDaily: 'Vergleichszeitraum: aktive Personen pro Tag und Rolle',
  activeUsersByRole: 'Aktive Personen pro Rolle im Zeitraum',
  busiestDay: 'Stärkster Tag',
  userWeeks: 'Personenwochen',
  guideVersion: (guide, version) => `${guide} (Version ${version})`,
  funnelStep: (step) => `Schritt: ${step}`,
  runsCaption: (guide) => `${guide}: Durchläufe`,
  funnelTitle: (guide) => `${guide}: Trichter vom Start über jeden Schritt bis zum Abschluss`,
  stepsCaption: (guide) => `${guide}: jeder Schritt`,
  started: 'Begonnen',
  completed: 'Abgeschlossen',
  completion: 'Abschlussquote',
  dismissed: 'Geschlossen',
  abandoned: 'Abgebrochen',
  targetMissing: 'Ziel fehlt',
  shown: 'Gezeigt',
  reached: 'Erreicht',
  skipped: 'Übersprungen',
  dropOff: 'Ausstieg',
  guidesTitle: 'Trichter der Anleitungen',
  guidesIntro:
    'Begonnene Durchläufe, wie weit sie kamen und wie sie endeten. Der Ausstieg ist der Anteil der Anzeigen eines Schritts, die weder erledigt noch übersprungen wurden.',
  noGuides: 'In diesem Zeitraum lief keine Anleitung.',
  trainingTitle: 'Schulungsabschluss nach Rolle',
  trainingIntro:
    'Personen jeder Rolle, die bis zum Ende des Zeitraums jede Anleitung ihrer Einarbeitungs-Checkliste abgeschlossen haben, gemessen an den Personen der Rolle in ihrer stärksten Woche.',
  noTraining: 'Keine Rolle hat in diesem Zeitraum Zahlen zur Checkliste.',
  checklistByRole: 'Abschluss der Checkliste nach Rolle',
  busiestWeekUsers: 'Personen (stärkste Woche)',
  checklistCompleted: 'Checkliste abgeschlossen',
  roleChecklist: (role) => `${role}: jede Anleitung der Checkliste`,
  trainedUsers: 'Personen, die sie abgeschlossen haben',
  share: 'Anteil der Personen',
  fieldsTitle: 'Leer gelassene oder ungültige Felder',
  fieldsIntro:
    'Speichervorgänge, bei denen ein Feld, nach dem die Anleitungen fragen, leer war oder nicht seiner Regel entsprach, die schlimmsten zuerst, nach Seitentyp.',
  noFields: 'In diesem Zeitraum wurden keine Feldprobleme erfasst.',
  worstFields: (n) =>
    n === 1 ? 'Das Feld mit den meisten Problemen' : `Die ${n} Felder mit den meisten Problemen`,
  leftEmpty: 'Leer gelassen',
  invalid: 'Ungültig',
  pageTypeCaption: (pageType) => `Seitentyp ${pageType}`,
  surveysTitle: 'Umfragewerte neben dem Abschluss',
  surveysIntro: 'Was Personen über eine Anleitung sagten, neben dem, was sie damit taten.',
  noSurveys: 'In diesem Zeitraum wurde keine Umfrage beantwortet.',
  surveysCaption: 'Umfrageantworten und Abschlussquote pro Anleitung',
  answers: 'Antworten',
  meanScore: 'Mittlere Bewertung',
} satisfies Messages['snapshot'];

export const workflows = {
  guidanceStarted: (day: string) =>
    `Anleitungen seit ${day}: davor wurde nur gemessen (nur beobachten).`,
  title: 'Mit Anleitung und Kontrollgruppe',
  intro:
    'Wie oft jeder Arbeitsablauf abgeschlossen wurde: von Personen, denen die Anleitungen gezeigt werden (mit Anleitung), von zufällig zurückgehaltenen Personen (Kontrollgruppe) und von Installationen, die nur messen (nur beobachten). Der Bereich ist das 95-%-Intervall: Der wahre Wert liegt sehr wahrscheinlich darin.',
  none: 'In diesem Zeitraum wurde kein Arbeitsablauf ausgeführt.',
  caption: (guide: string) => `${guide}: Abschluss nach Gruppe`,
  baselineCaption: (guide: string) => `${guide}: Vergleichszeitraum, Abschluss nach Gruppe`,
  cohort: 'Gruppe',
  cohorts: {
    guided: 'Mit Anleitung',
    control: 'Kontrollgruppe',
    observe: 'Nur beobachten',
  },
  started: 'Begonnen',
  completed: 'Abgeschlossen',
  rate: 'Abschlussquote',
  interval: '95-%-Intervall',
  range: (lower: string, upper: string) => `${lower} bis ${upper}`,
  chart: 'Abschlussquote mit ihrem 95-%-Intervall',
  abandonPoint: 'Am häufigsten abgebrochen bei',
  abandonedAt: (step: string, runs: number) => `${step} (${count(runs)} Durchläufe)`,
  emptyFields: 'Leer gelassene Felder',
  emptyField: (field: string, times: number) => `${field} (${count(times)}×)`,
  difference: (change: string, lower: string, upper: string) =>
    `Mit Anleitung − Kontrollgruppe: ${change} (95-%-Intervall ${lower} bis ${upper}).`,
  baselineDifference: (change: string, lower: string, upper: string) =>
    `Mit Anleitung jetzt − nur beobachten im Vergleichszeitraum: ${change} (95-%-Intervall ${lower} bis ${upper}).`,
  realEffect: 'Wahrscheinlich ein echter Effekt: Das Intervall schließt 0 nicht ein.',
  noise: 'Könnte Zufall sein: Das Intervall schließt 0 ein.',
  noDifference: 'Noch kein Unterschied: Beide Gruppen brauchen Werte.',
} satisfies Messages['workflows'];

export const dashboard = {
  documentTitle: 'Waymark-Dashboard zur Nutzung',
  signInTitle: 'Waymark-Dashboard zur Nutzung',
  signInIntro:
    'Nutzungsübersichten Ihrer Organisation: nur anonyme Zähler, und Zahlen von weniger als k Personen werden nie gezeigt.',
  adminToken: 'Admin-Token',
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft …',
  pasteToken: 'Fügen Sie das Admin-Token ein, das Ihr Endpunkt ausgegeben hat.',
  tokenHint: (refusal) =>
    `${refusal} Admin-Tokens erzeugt man mit: npm run server -- token create --org IHRE-ORG --kind admin`,
  signInAgain: (refusal) => `${refusal} Melden Sie sich erneut an.`,
  title: 'Dashboard zur Nutzung',
  titleOf: (org) => `Dashboard zur Nutzung · ${org}`,
  signOut: 'Abmelden',
  downloadCsv: 'CSV herunterladen',
  downloadJson: 'JSON herunterladen',
  loading: 'Die Übersicht wird geladen …',
  loaded: 'Übersicht geladen.',
  csvDownloaded: 'CSV heruntergeladen.',
  jsonDownloaded: 'JSON heruntergeladen.',
  noAnswer: 'Der Endpunkt hat nicht geantwortet. Läuft er?',
  answered: (status) => `Der Endpunkt hat mit ${status} geantwortet.`,
} satisfies Messages['dashboard'];

export const guideHealth = {
  title: 'Anleitungsschritte, die ihr Ziel verlieren',
  intro:
    'Bei diesen Schritten fehlte das Ziel weit öfter als in den 7 Tagen davor: Vielleicht hat ein CRM-Update geändert, wonach der Schritt sucht.',
  step: (guide, version, step) => `${guide}, Version ${version}, Schritt „${step}“`,
  rate: (day, rate, runs, before, runsBefore) =>
    `Ziel fehlte am ${day}: ${rate} von ${runs} Durchläufen, gegenüber ${before} von ${runsBefore} Durchläufen in den 7 Tagen davor.`,
  failed: (strategies) => `Nichts gefunden: ${strategies}.`,
  noneFailed: 'Jede Strategie fand etwas, aber nichts Sichtbares.',
  strategyCount: (strategy, count) => `${strategy} (${count}×)`,
  pageType: (pageType) => `Seitentyp: ${pageType}.`,
  doctor: 'Auf einer solchen Seite prüfen mit:',
  doctorCommand: 'npm run guides:doctor -- --url URL-DIESER-SEITE',
} satisfies Messages['guideHealth'];

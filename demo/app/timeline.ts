/** Per-record activity timeline: deterministic seed items plus calls logged this session. */
import { h, hashString } from './dom.js';
import { seededRandom as prng } from '../../core/random';
import { dateOf, daysBefore } from './format.js';

export interface Activity {
  type: 'Call' | 'Email' | 'Task' | 'Event';
  subject: string;
  detail: string;
  when: string;
  who: string;
}

const SUBJECTS: Record<Activity['type'], readonly string[]> = {
  Call: ['Discovery call', 'Follow-up call', 'Pricing discussion', 'Check-in with sponsor'],
  Email: ['Sent proposal draft', 'Shared case study', 'Recap of meeting', 'Answered IT questions'],
  Task: ['Update mutual action plan', 'Prepare ROI model', 'Request references', 'Book demo room'],
  Event: ['Onsite workshop', 'Executive briefing', 'Product demo', 'Quarterly review'],
};
const DETAILS = [
  'Discussed rollout timeline and the number of seats for the first phase.',
  'Customer asked for a breakdown of implementation services.',
  'Procurement wants the security review finished before signature.',
  'Champion is positive; CFO still needs to see the business case.',
  'Agreed to reconvene after the budget meeting next week.',
  'Shared the updated quote with volume discount applied.',
] as const;
const PEOPLE = ['Jordan Rivera', 'Priya Natarajan', 'Sam Okafor', 'Elena Petrova'] as const;
const TYPES: Activity['type'][] = ['Call', 'Email', 'Task', 'Event'];

const store = new Map<string, Activity[]>();
let loggedThisSession = 0;

function at<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

export function activitiesFor(recordId: string): Activity[] {
  let items = store.get(recordId);
  if (!items) {
    const rand = prng(hashString(recordId));
    items = [];
    let day = 1;
    for (let i = 0; i < 40; i++) {
      day += 1 + Math.floor(rand() * 4);
      const type = at(TYPES, Math.floor(rand() * 4));
      items.push({
        type,
        subject: at(SUBJECTS[type], Math.floor(rand() * 4)),
        detail: at(DETAILS, Math.floor(rand() * DETAILS.length)),
        when: dateOf(daysBefore(day)),
        who: at(PEOPLE, Math.floor(rand() * PEOPLE.length)),
      });
    }
    store.set(recordId, items);
  }
  return items;
}

export function logCall(recordId: string, subject: string, comments: string, result: string): void {
  const detail = [result ? `Result: ${result}.` : '', comments].filter(Boolean).join(' ');
  activitiesFor(recordId).unshift({
    type: 'Call',
    subject: subject || 'Call',
    detail: detail || 'No comments.',
    when: 'Today',
    who: 'Jordan Rivera',
  });
  loggedThisSession++;
}

export function callsLogged(): number {
  return 27 + loggedThisSession;
}

export function renderTimeline(list: HTMLElement, recordId: string): void {
  while (list.firstChild) list.removeChild(list.firstChild);
  activitiesFor(recordId).forEach((item, i) =>
    list.appendChild(
      h(
        'li',
        { class: `timeline-item type-${item.type.toLowerCase()}`, 'data-index': i },
        h('span', { class: 'timeline-icon', 'aria-hidden': 'true' }, item.type.slice(0, 1)),
        h(
          'div',
          { class: 'timeline-body' },
          h(
            'p',
            { class: 'timeline-title' },
            h('span', { class: 'timeline-type' }, item.type),
            ' · ',
            h('strong', null, item.subject),
          ),
          h('p', { class: 'timeline-detail' }, item.detail),
          h('p', { class: 'timeline-meta muted' }, `${item.who} · ${item.when}`),
        ),
      ),
    ),
  );
}

/** The registry of dashboard sections, in the order they are shown: one file each, listed once. */
import type { FunctionComponent } from 'preact';
import type { SectionProps } from '../parts';
import { ActiveUsers } from './ActiveUsers';
import { Announcements } from './Announcements';
import { Fields } from './Fields';
import { Guides } from './Guides';
import { Surveys } from './Surveys';
import { TaskTime } from './TaskTime';
import { Training } from './Training';
import { UnusedPages } from './UnusedPages';
import { Workflows } from './Workflows';

export const SNAPSHOT_SECTIONS: readonly { id: string; View: FunctionComponent<SectionProps> }[] = [
  { id: 'ActiveUsers', View: ActiveUsers },
  { id: 'Guides', View: Guides },
  { id: 'Workflows', View: Workflows },
  { id: 'TaskTime', View: TaskTime },
  { id: 'Training', View: Training },
  { id: 'Fields', View: Fields },
  { id: 'UnusedPages', View: UnusedPages },
  { id: 'Surveys', View: Surveys },
  { id: 'Announcements', View: Announcements },
];

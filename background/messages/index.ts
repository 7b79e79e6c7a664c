/**
 * Every message the background answers, by domain. Each domain module declares its messages (who
 * may send each, its zod check, its answer) beside their handlers; this file only puts them
 * together, and the map's types are derived from the declarations.
 */
import { activityHandlers, activityMessages } from './activity';
import { announcementHandlers, announcementMessages } from './announcements';
import { authoringHandlers, authoringMessages } from './authoring';
import type { HandlersOf, MessagesOf } from './declare';
import { guidesHandlers, guidesMessages } from './guides';
import { helpHandlers, helpMessages } from './help';
import { pageHandlers, pageMessages } from './page';
import { runHandlers, runMessages } from './run';
import type { Services } from '../services';
import { settingsHandlers, settingsMessages } from './settings';
import { syncHandlers, syncMessages } from './sync';
import { usageHandlers, usageMessages } from './usage';

export const MESSAGES = {
  ...pageMessages,
  ...runMessages,
  ...usageMessages,
  ...settingsMessages,
  ...activityMessages,
  ...syncMessages,
  ...guidesMessages,
  ...authoringMessages,
  ...helpMessages,
  ...announcementMessages,
};

/** Each message to the background as `[request, answer]`; names are `domain:verb`. */
export type ToBackground = MessagesOf<typeof MESSAGES>;
export type BackgroundHandlers = HandlersOf<typeof MESSAGES>;

export function createHandlers(services: Services): BackgroundHandlers {
  return {
    ...pageHandlers(services),
    ...runHandlers(services),
    ...usageHandlers(services),
    ...settingsHandlers(services),
    ...activityHandlers(services),
    ...syncHandlers(services),
    ...guidesHandlers(services),
    ...authoringHandlers(services),
    ...helpHandlers(services),
    ...announcementHandlers(services),
  };
}

/** The keys that open and close the help panel, wherever focus is on the CRM page. */
export const HELP_SHORTCUT = 'Alt+Shift+H';

export const isHelpShortcut = (e: KeyboardEvent) =>
  e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyH';

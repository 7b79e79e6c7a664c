/** Waymark's own words in the page (guide text comes from guides). One place, ready to translate. */
export const UI_TEXT = {
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
};

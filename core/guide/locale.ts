import type { Announcement, Guide, Step } from './schema';

type Localized = {
  title?: string;
  body?: string;
  announcement?: { text?: string; label?: string };
};

/** The key of the block for `locale`: the exact tag, else its language. */
function pickKey(
  locales: Record<string, Localized> | undefined,
  locale: string,
): string | undefined {
  if (!locales) return undefined;
  if (locales[locale]) return locale;
  const language = locale.split('-')[0] ?? '';
  return locales[language] ? language : undefined;
}

function pick(locales: Record<string, Localized> | undefined, locale: string): Localized {
  const key = pickKey(locales, locale);
  return key === undefined ? {} : (locales?.[key] ?? {});
}

/** The step with its title and body in the user's locale, falling back to the guide's own text. */
export function localizeStep<S extends Step>(step: S, locale: string): S {
  const text = pick(step.locales, locale);
  return { ...step, title: text.title ?? step.title, body: text.body ?? step.body };
}

export function localizedTitle(guide: Guide, locale: string): string {
  return pick(guide.locales, locale).title ?? guide.title;
}

/** The announcement with its text and link label in the user's locale, where the guide has them. */
export function localizeAnnouncement(
  announcement: Announcement,
  locales: Guide['locales'],
  locale: string,
): Announcement {
  const own = pick(locales, locale).announcement ?? {};
  const { link } = announcement;
  return {
    text: own.text ?? announcement.text,
    ...(link ? { link: { ...link, label: own.label ?? link.label } } : {}),
  };
}

/**
 * The language of each text a step shows: the tag of the `locales` block it came from, or
 * `ownLang` for the guide's own text (whose language guides do not declare).
 */
export function stepTextLangs(
  guide: Guide,
  step: Step,
  locale: string,
  ownLang: string,
): { title: string; body: string } {
  const stepKey = pickKey(step.locales, locale);
  const stepBlock = stepKey === undefined ? undefined : step.locales?.[stepKey];
  const guideKey = pickKey(guide.locales, locale);
  const title =
    stepBlock?.title !== undefined
      ? stepKey
      : step.title !== undefined
        ? ownLang
        : guide.locales?.[guideKey ?? '']?.title !== undefined
          ? guideKey
          : ownLang;
  return {
    title: title ?? ownLang,
    body: stepBlock?.body !== undefined ? (stepKey ?? ownLang) : ownLang,
  };
}

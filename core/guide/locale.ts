import type { Guide, Step } from './schema';

type Localized = { title?: string; body?: string };

function pick(locales: Record<string, Localized> | undefined, locale: string): Localized {
  if (!locales) return {};
  return locales[locale] ?? locales[locale.split('-')[0] ?? ''] ?? {};
}

/** The step with its title and body in the user's locale, falling back to the guide's own text. */
export function localizeStep<S extends Step>(step: S, locale: string): S {
  const text = pick(step.locales, locale);
  return { ...step, title: text.title ?? step.title, body: text.body ?? step.body };
}

export function localizedTitle(guide: Guide, locale: string): string {
  return pick(guide.locales, locale).title ?? guide.title;
}

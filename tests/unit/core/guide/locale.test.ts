import { describe, expect, it } from 'vitest';
import { localizeStep, localizedTitle, stepTextLangs } from '../../../../core/guide/locale';
import { guideSchema } from '../../../../core/guide/schema';

const guide = guideSchema.parse({
  schemaVersion: 1,
  id: 'g',
  version: 1,
  title: 'Welcome',
  roles: ['rep'],
  crm: 'demo',
  match: { page: 'home' },
  locales: { fr: { title: 'Bienvenue' } },
  steps: [
    {
      id: 's',
      kind: 'modal',
      title: 'Hello',
      body: 'Start here.',
      locales: { fr: { body: 'Commencez ici.' }, 'pt-BR': { title: 'Olá' } },
    },
  ],
});
const step = guide.steps[0]!;

describe('locales', () => {
  it('uses the exact locale, then its language, then the guide text', () => {
    expect(localizeStep(step, 'pt-BR')).toMatchObject({ title: 'Olá', body: 'Start here.' });
    expect(localizeStep(step, 'fr-CA')).toMatchObject({ title: 'Hello', body: 'Commencez ici.' });
    expect(localizeStep(step, 'de')).toMatchObject({ title: 'Hello', body: 'Start here.' });
    expect(localizedTitle(guide, 'fr')).toBe('Bienvenue');
    expect(localizedTitle(guide, 'en-US')).toBe('Welcome');
  });

  it('says which language each shown text is in: its locale block, else the guide text', () => {
    const untitled = { ...step, title: undefined };
    expect(stepTextLangs(guide, step, 'fr-CA', 'en')).toEqual({ title: 'en', body: 'fr' });
    expect(stepTextLangs(guide, step, 'pt-BR', 'en')).toEqual({ title: 'pt-BR', body: 'en' });
    // A step without a title shows the guide's, from the guide's own locale block.
    expect(stepTextLangs(guide, untitled, 'fr', '')).toEqual({ title: 'fr', body: 'fr' });
    expect(stepTextLangs(guide, untitled, 'de', '')).toEqual({ title: '', body: '' });
  });
});

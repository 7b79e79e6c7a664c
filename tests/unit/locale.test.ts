import { describe, expect, it } from 'vitest';
import { localizeStep, localizedTitle } from '../../core/guide/locale';
import { guideSchema } from '../../core/guide/schema';

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
});

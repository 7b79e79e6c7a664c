// Injected by the background into a CRM frame whose field rules have formats: the RE2 engine,
// kept out of the guide UI because most pages need none.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { matchesFormat } from '../core/guide/formats';
import { FIELD_FORMATS_GLOBAL } from '../runtime/fieldFormats';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[FIELD_FORMATS_GLOBAL] = matchesFormat;
});

/**
 * The house rules, checked by `npm run deps` (part of `npm run check`): which folder may import
 * which. Type-only imports count, as a cycle of types is still a knot a reader must untie.
 */
const wing = (path) => `^${path}/`;
/** The map of messages the background answers: its types are what the other contexts call. */
const MESSAGE_MAP = '^background/messages/index\\.ts$';

/** A folder that must not import from others (the message map's types excepted). */
const keepsOut = (name, comment, from, others) => ({
  name,
  comment,
  severity: 'error',
  from: { path: wing(from) },
  to: { path: others.map(wing), pathNot: MESSAGE_MAP },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycle, type-only included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment:
        'core/ runs anywhere (Node, the browser, tests): it imports only core/ and zod/re2js.',
      severity: 'error',
      from: { path: wing('core') },
      to: { pathNot: [wing('core'), '^node_modules/(zod|re2js)/'] },
    },
    keepsOut(
      'in-page-wing-stays-in-page',
      'runtime/ runs inside CRM pages: it may use core/ and platform/, never the extension pages.',
      'runtime',
      ['components', 'background', 'server', 'entrypoints'],
    ),
    keepsOut(
      'pages-wing-stays-out-of-pages',
      'components/ is the extension pages: it never imports what runs inside CRM pages.',
      'components',
      ['runtime', 'background', 'server', 'entrypoints'],
    ),
    keepsOut(
      'platform-is-beneath',
      'platform/ wraps the browser for both wings and the background: it imports no wing.',
      'platform',
      ['runtime', 'components', 'background', 'server'],
    ),
    keepsOut(
      'background-has-no-ui',
      'The background (service worker) renders nothing and serves no HTTP.',
      'background',
      ['runtime', 'components', 'server', 'entrypoints'],
    ),
    keepsOut('server-has-no-browser', 'The endpoint runs in Node: no extension code.', 'server', [
      'runtime',
      'components',
      'background',
      'platform',
    ]),
    {
      name: 'message-map-as-types-only',
      comment:
        "Outside the background, the message map is read for its types only: no handler's code rides along.",
      severity: 'error',
      from: { pathNot: [wing('background'), wing('tests')] },
      to: { path: MESSAGE_MAP, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-tests-import-tests',
      comment: 'bench/, scripts/ and the product never import from tests/.',
      severity: 'error',
      from: { pathNot: wing('tests') },
      to: { path: wing('tests') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: '^(\\.output|\\.wxt|\\.bench|node_modules|tests/conformance/salesforce/modules)/',
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};

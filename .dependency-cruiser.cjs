/**
 * The house rules, checked by `npm run deps` (part of `npm run check`): which folder may import
 * which. Type-only imports count, as a cycle of types is still a knot a reader must untie.
 */
const wing = (path) => `^${path}/`;
/** The map of messages the background answers: its types are what the other contexts call. */
const MESSAGE_MAP = '^background/messages/index\\.ts$';

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
      to: {
        pathNot: [wing('core'), '^node_modules/(zod|re2js)/'],
      },
    },
    {
      name: 'in-page-wing-stays-in-page',
      comment:
        'runtime/ runs inside CRM pages: it may use core/ and platform/, never the extension pages.',
      severity: 'error',
      from: { path: wing('runtime') },
      to: {
        path: [wing('components'), wing('background'), wing('server'), wing('entrypoints')],
        pathNot: MESSAGE_MAP,
      },
    },
    {
      name: 'pages-wing-stays-out-of-pages',
      comment: 'components/ is the extension pages: it never imports what runs inside CRM pages.',
      severity: 'error',
      from: { path: wing('components') },
      to: {
        path: [wing('runtime'), wing('background'), wing('server'), wing('entrypoints')],
        pathNot: MESSAGE_MAP,
      },
    },
    {
      name: 'platform-is-beneath',
      comment: 'platform/ wraps the browser for both wings and the background: it imports no wing.',
      severity: 'error',
      from: { path: wing('platform') },
      to: {
        path: [wing('runtime'), wing('components'), wing('background'), wing('server')],
        pathNot: MESSAGE_MAP,
      },
    },
    {
      name: 'message-map-as-types-only',
      comment:
        "Outside the background, the message map is read for its types only: no handler's code rides along.",
      severity: 'error',
      from: { pathNot: [wing('background'), wing('tests')] },
      to: { path: MESSAGE_MAP, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'background-has-no-ui',
      comment: 'The background (service worker) renders nothing and serves no HTTP.',
      severity: 'error',
      from: { path: wing('background') },
      to: { path: [wing('runtime'), wing('components'), wing('server'), wing('entrypoints')] },
    },
    {
      name: 'server-has-no-browser',
      comment: 'The endpoint runs in Node: no extension code.',
      severity: 'error',
      from: { path: wing('server') },
      to: {
        path: [wing('runtime'), wing('components'), wing('background'), wing('platform')],
      },
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

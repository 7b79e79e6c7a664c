import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.bench/',
      // Lightning web components as Salesforce writes them (decorators, LWC module resolution).
      'tests/conformance/salesforce/modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Guide and user text must render as text; these sinks would turn it into markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text as Preact children or textContent.' },
        { property: 'outerHTML', message: 'Render text as Preact children or textContent.' },
        { property: 'insertAdjacentHTML', message: 'Render text as Preact children.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Guide text is text: never HTML.',
        },
      ],
    },
  },
);

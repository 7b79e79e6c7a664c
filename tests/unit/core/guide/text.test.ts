import { describe, expect, it } from 'vitest';
import { parseText, plainText, safeHref } from '../../../../core/guide/text';

describe('guide text', () => {
  it('parses bold, italic, links and lists', () => {
    expect(
      parseText('Keep the **forecast** *honest*: [help](https://example.com/h)\n- one\n- two'),
    ).toEqual([
      {
        t: 'p',
        c: [
          { t: 'text', v: 'Keep the ' },
          { t: 'b', c: [{ t: 'text', v: 'forecast' }] },
          { t: 'text', v: ' ' },
          { t: 'i', c: [{ t: 'text', v: 'honest' }] },
          { t: 'text', v: ': ' },
          { t: 'a', href: 'https://example.com/h', c: [{ t: 'text', v: 'help' }] },
        ],
      },
      { t: 'ul', items: [[{ t: 'text', v: 'one' }], [{ t: 'text', v: 'two' }]] },
    ]);
  });

  it('keeps markup as text', () => {
    const source = '<img src=x onerror="alert(1)"> <b>x</b>';
    expect(parseText(source)).toEqual([{ t: 'p', c: [{ t: 'text', v: source }] }]);
  });

  it('only links to https and to paths inside the CRM', () => {
    expect(safeHref('https://help.example.com')).toBe('https://help.example.com');
    expect(safeHref('/lightning/o/Opportunity/list')).toBe('/lightning/o/Opportunity/list');
    for (const bad of [
      'javascript:alert(1)',
      'http://x.test',
      '//evil.test/x',
      'data:text/html,x',
      '/\\evil',
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
    const [block] = parseText('[x](javascript:alert(1))');
    const nodes = block?.t === 'p' ? block.c : [];
    expect(nodes.every((n) => n.t === 'text')).toBe(true);
    expect(nodes.map((n) => (n.t === 'text' ? n.v : '')).join('')).toBe('[x](javascript:alert(1))');
  });

  it('separates paragraphs on blank lines', () => {
    expect(parseText('a\nb\n\nc').map((b) => b.t === 'p' && b.c)).toEqual([
      [{ t: 'text', v: 'a b' }],
      [{ t: 'text', v: 'c' }],
    ]);
  });

  it('gives the plain words for announcements', () => {
    expect(plainText('Keep the **forecast** *honest*: [help](https://x.test)\n- one\n- two')).toBe(
      'Keep the forecast honest: help one; two',
    );
  });
});

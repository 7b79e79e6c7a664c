// A dashboard section is one file in components/snapshot/sections/, listed once in the registry;
// a file that is not listed would never be shown, and must fail here.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_SECTIONS } from '../../../../components/snapshot/sections';

describe('dashboard section registry', () => {
  it('lists every section file once, under its file name', () => {
    const files = readdirSync('components/snapshot/sections')
      .filter((f) => f.endsWith('.tsx'))
      .map((f) => f.replace(/\.tsx$/, ''))
      .sort();
    const ids = SNAPSHOT_SECTIONS.map((s) => s.id);
    expect([...ids].sort()).toEqual(files);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { id, View } of SNAPSHOT_SECTIONS) expect(View.name, id).toBe(id);
  });
});

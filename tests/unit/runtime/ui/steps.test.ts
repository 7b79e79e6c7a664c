// A step kind is one file in runtime/ui/steps/ listed in the registry; a guide kind without one
// must fail here, not on a rep's screen.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_VIEWS } from '../../../../runtime/ui/steps';
import { STEP_KINDS } from '../../../../core/guide/schema';

describe('step kind registry', () => {
  it('has a view for every kind in the schema, and a file for every view', () => {
    const files = readdirSync('runtime/ui/steps').filter((f) => f.endsWith('.tsx'));
    for (const kind of STEP_KINDS) {
      expect(STEP_VIEWS[kind]?.kind, kind).toBe(kind);
      expect(files, kind).toContain(`${kind}.tsx`);
    }
    expect(Object.keys(STEP_VIEWS).sort()).toEqual([...STEP_KINDS].sort());
  });
});

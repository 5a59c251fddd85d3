import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff';

describe('audit diff', () => {
  it('puts changed fields first and keeps unchanged ones', () => {
    expect(
      auditDiff(
        { name: 'Old', tags: ['a'], phone: '+1' },
        { name: 'New', tags: ['a'], phone: '+1' },
      ),
    ).toEqual([
      { field: 'name', before: 'Old', after: 'New', kind: 'changed' },
      { field: 'tags', before: '["a"]', after: '["a"]', kind: 'same' },
      { field: 'phone', before: '+1', after: '+1', kind: 'same' },
    ]);
  });

  it('shows a create as added fields and a delete as removed ones', () => {
    expect(auditDiff(null, { name: 'A' })).toEqual([
      { field: 'name', before: null, after: 'A', kind: 'added' },
    ]);
    expect(auditDiff({ name: 'A' }, null)).toEqual([
      { field: 'name', before: 'A', after: null, kind: 'removed' },
    ]);
  });

  it('tells a null value from a missing one', () => {
    expect(auditDiff({ notes: null }, { notes: 'x' })).toEqual([
      { field: 'notes', before: 'null', after: 'x', kind: 'changed' },
    ]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});

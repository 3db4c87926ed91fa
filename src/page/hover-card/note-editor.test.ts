import { describe, expect, it } from 'vitest';
import { parseTags } from './note-draft.ts';
import { draftProblem } from './note-editor.tsx';

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and keeps each tag once, as first typed', () => {
    expect(parseTags(' follow up, Global News,, global news ,  ')).toEqual(['follow up', 'Global News']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('draftProblem', () => {
  it('accepts a note with a body or with tags only', () => {
    expect(draftProblem({ body: 'Check the date.', tags: '', colour: 'yellow' })).toBeNull();
    expect(draftProblem({ body: '', tags: 'to check', colour: 'blue' })).toBeNull();
  });

  it('explains in words what stops a note from being saved', () => {
    expect(draftProblem({ body: '  ', tags: ' , ', colour: 'yellow' })).toBe('Write something or add a tag first.');
    expect(draftProblem({ body: 'x'.repeat(100_001), tags: '', colour: 'yellow' })).toMatch(/the most is 100/);
    expect(draftProblem({ body: 'ok', tags: 'y'.repeat(65), colour: 'yellow' })).toMatch(/longer than 64 characters/);
    const tags = Array.from({ length: 51 }, (_, i) => `tag ${i}`).join(',');
    expect(draftProblem({ body: 'ok', tags, colour: 'yellow' })).toBe('That is 51 tags; the most is 50.');
  });
});

/**
 * Each outlet's wording of a claim side by side (stacked where the window is narrow), with what
 * each says differently from the first report marked: other words, dates, numbers, attribution.
 */
import { sourceDate } from '../page/hover-card/card-model.ts';
import type { OutletWording } from './claim-layout.ts';
import { StanceBadge } from './stance-badge.tsx';
import { compareWordings, type DifferenceKind, type WordingPart } from './wording-diff.ts';

// Each kind of difference has its own underline as well as its own colour: colour is never the only sign.
const differenceMarks: Record<DifferenceKind, { label: string; line: string }> = {
  words: { label: 'Different words', line: 'solid' },
  date: { label: 'Different date or day', line: 'double' },
  number: { label: 'Different number', line: 'dotted' },
  attribution: { label: 'Different attribution', line: 'dashed' },
};

function Mark({ kind, children }: { kind: DifferenceKind; children: string }) {
  const { label, line } = differenceMarks[kind];
  return (
    <mark
      class={`diff diff--${kind}`}
      title={label}
      style={{ backgroundColor: `var(--mark-${kind})`, textDecorationStyle: line }}
    >
      {children}
    </mark>
  );
}

export function WordingComparison({ wordings }: { wordings: OutletWording[] }) {
  const [first, ...others] = wordings;
  if (!first) return null;
  const asWording = (wording: OutletWording) => ({
    text: wording.text,
    published: wording.source.published,
    attributedTo: wording.attributedTo,
  });
  const compared = others.map((other) => compareWordings(asWording(first), asWording(other)));
  // The first report is marked against the second; every later one against the first.
  const columns: { wording: OutletWording; parts: WordingPart[] }[] = [
    { wording: first, parts: compared[0]?.reference ?? [{ text: first.text, difference: null }] },
    ...others.map((wording, index) => ({ wording, parts: compared[index]?.other ?? [] })),
  ];
  const firstAttribution = new Set(first.attributedTo.map((name) => name.toLowerCase()));
  return (
    <>
      {others.length > 0 && (
        <ul class="diff-legend" aria-label="What the marks mean">
          {(Object.keys(differenceMarks) as DifferenceKind[]).map((kind) => (
            <li key={kind}>
              <Mark kind={kind}>{differenceMarks[kind].label}</Mark>
            </li>
          ))}
        </ul>
      )}
      <ol class="comparison">
        {columns.map(({ wording, parts }, index) => (
          <li key={wording.source.url} class="comparison__column">
            <p class="comparison__source">
              <span class="source-line__outlet">{wording.source.outlet}</span>
              <span class="source-line__date">{sourceDate(wording.source)}</span>
              {index === 0 && <span class="badge">First report</span>}
            </p>
            <p class="comparison__text">
              <StanceBadge stance={wording.stance} />{' '}
              {parts.map((part, partIndex) =>
                part.difference ? (
                  <Mark key={partIndex} kind={part.difference}>
                    {part.text}
                  </Mark>
                ) : (
                  part.text
                ),
              )}
            </p>
            <p class="comparison__attribution">
              According to{' '}
              {wording.attributedTo.length === 0 ? (
                <span class="muted">no one named</span>
              ) : (
                wording.attributedTo.map((name, nameIndex) => (
                  <span key={name}>
                    {nameIndex > 0 && '; '}
                    {index > 0 && !firstAttribution.has(name.toLowerCase()) ? (
                      <Mark kind="attribution">{name}</Mark>
                    ) : (
                      name
                    )}
                  </span>
                ))
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

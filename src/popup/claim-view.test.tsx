// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ClaimView } from './claim-view.tsx';
import { renderInApp, withSeedsRead } from './test-support.ts';

vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));

const extension = withSeedsRead();

async function claimAbout(words: string): Promise<string> {
  const claim = await extension()
    .db.claims.filter((candidate) => candidate.summary.includes(words))
    .first();
  if (!claim) throw new Error(`no claim says “${words}”`);
  return claim.id;
}

const show = (id: string) => renderInApp(<ClaimView id={id} />);

const marked = (element: HTMLElement, kind: string) =>
  [...element.querySelectorAll(`mark.diff--${kind}`)].map((mark) => mark.textContent);

describe('the claim view', () => {
  it('sets both outlets’ wording side by side, the first report first, with the differences marked', async () => {
    show(await claimAbout('lobbied to delay'));
    expect(await screen.findByRole('heading', { name: 'About Han Dong' })).toBeTruthy();
    const wording = screen.getByRole('region', { name: 'Each outlet’s wording' });
    const [bbc, wion] = within(wording)
      .getAllByRole('listitem')
      .filter((item) => item.matches('.comparison__column'));
    if (!bbc || !wion) throw new Error('two columns expected');
    expect(bbc.textContent).toContain('BBC News');
    expect(bbc.textContent).toContain('First report');
    expect(bbc.textContent).toContain('Han Dong has been accused of lobbying a Chinese diplomat');
    expect(wion.textContent).toContain('WION');
    expect(wion.textContent).toContain('According to a report by Global News on Wednesday (March 24)');

    expect(marked(wion, 'date')).toEqual(expect.arrayContaining(['Wednesday (March 24)', 'February 2021']));
    expect(marked(wion, 'attribution')).toContain('Global News');
    expect(marked(bbc, 'words').join(' ')).toContain('lobbying');
    // The legend says what each mark means.
    expect(within(wording).getByRole('list', { name: 'What the marks mean' }).textContent).toContain(
      'Different date or day',
    );
  });

  it('says who reported it first, lists the denials and each source’s reports', async () => {
    show(await claimAbout('lobbied to delay'));
    await screen.findByRole('heading', { name: 'About Han Dong' });
    expect(screen.getByText(/^Reported by 2 sources/)).toBeTruthy();
    expect(screen.getByText(/first by/).textContent).toBe('first by BBC News, Mar 23, 2023');

    const responses = screen.getByRole('region', { name: /^Responses/ });
    const denials = within(responses).getAllByRole('listitem');
    expect(denials.map((item) => item.textContent)).toContainEqual(expect.stringContaining('WION, Mar 24, 2023:'));
    expect(denials.every((item) => /denied|rejected|admitted|confirmed|cleared/.test(item.textContent ?? ''))).toBe(
      true,
    );
    expect(responses.textContent).toContain('The MP denied has denied all allegations.');

    const timeline = screen.getByRole('region', { name: 'First report and later developments' });
    const [first, later] = within(timeline)
      .getAllByRole('listitem')
      .filter((item) => item.matches('.timeline__entry'));
    expect(first?.textContent).toContain('First report');
    expect(later?.textContent).toContain('WION');
    expect(later?.textContent).toContain('1 day later');

    const differences = screen.getByRole('region', { name: /Where the sources differ/ });
    expect(differences.textContent).toContain('March 24, 2023 was a Friday');
  });

  it('tells the reader when the accused’s response is not reported', async () => {
    show(await claimAbout('Reuters reported on Thursday'));
    const responses = await screen.findByRole('region', { name: /^Responses/ });
    expect(responses.textContent).toContain('None of your sources reports a response from Han Dong.');
  });
});

describe('the claim view’s reports, source by source', () => {
  it('shows the first few of each source and the rest on request', async () => {
    show(await claimAbout('lobbied to delay'));
    const timeline = await screen.findByRole('region', { name: 'First report and later developments' });
    const bbc = within(timeline)
      .getAllByRole('listitem')
      .find((item) => item.matches('.timeline__entry'));
    if (!bbc) throw new Error('no entry for the first source');
    const reports = () => bbc.querySelectorAll('.report').length;
    expect(reports()).toBe(3);
    fireEvent.click(within(bbc).getByRole('button', { name: /^Show 5 more reports from BBC News$/ }));
    expect(reports()).toBe(8);
    fireEvent.click(within(bbc).getByRole('button', { name: 'Show the first 3 only' }));
    expect(reports()).toBe(3);
  });
});

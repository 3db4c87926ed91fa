// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendToBackground } from '../messaging/send.ts';
import type { SeedPage } from '../store/test-support.ts';
import { App } from './app.tsx';
import { type FakeExtension, installExtension, readSeeds, unmountAll } from './test-support.ts';

vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));

let extension: FakeExtension;
let seeds: [SeedPage, SeedPage];

beforeEach(async () => {
  history.replaceState(null, '', '/notebook.html');
  extension = installExtension();
  seeds = await readSeeds(extension);
});
afterEach(unmountAll);

async function noteOnHanDong(body: string, tags: string[] = []) {
  const hanDong = await extension.db.people.filter((person) => person.name === 'Han Dong').first();
  if (!hanDong) throw new Error('Han Dong is not in the store');
  await sendToBackground({
    type: 'notes/create',
    target: { kind: 'person', person: hanDong.id },
    body,
    tags,
    colour: 'blue',
  });
}

const search = () => screen.getByRole('searchbox', { name: 'Search people, claims, articles and notes' });
const hits = () => within(screen.getByRole('region', { name: 'Search' })).queryAllByRole('link');

describe('the notebook', () => {
  it('finds a note by its words, says what it is about, and keeps the search in the address', async () => {
    render(<App layout="tab" />);
    await noteOnHanDong('Ask his office about the February 2021 meeting', ['follow up']);
    fireEvent.input(search(), { target: { value: 'office meet' } });
    await waitFor(() =>
      expect(hits().map((hit) => hit.textContent)).toEqual([expect.stringContaining('Ask his office')]),
    );
    const [note] = hits();
    expect(note?.textContent).toContain('on Han Dong');
    expect(note?.textContent).toContain('follow up');
    expect(note?.getAttribute('href')).toMatch(/^#\/person\//);
    expect(location.search).toBe('?q=office+meet');
  });

  it('narrows by outlet, kind, stance, tag and date range, and sorts', async () => {
    await noteOnHanDong('Compare with the Globe', ['call back']);
    history.replaceState(null, '', '/notebook.html?kind=source&outlet=WION');
    render(<App layout="tab" />);
    await waitFor(() => expect(hits().map((hit) => hit.textContent)).toEqual([expect.stringContaining('WION')]));

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    // The tags come with the store's facets, which may still be on their way on a busy machine.
    fireEvent.click(
      await within(screen.getByRole('group', { name: 'Tags' })).findByRole('checkbox', { name: /call back/ }),
    );
    await waitFor(() => {
      const found = hits().map((hit) => hit.textContent ?? '');
      expect(found.some((text) => text.startsWith('Note'))).toBe(true);
      expect(found.some((text) => text.includes('Han Dong') && text.startsWith('Person'))).toBe(true);
      expect(found.every((text) => !text.includes('Jagmeet Singh'))).toBe(true);
    });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Stance' })).getByRole('checkbox', { name: 'denied' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Show' })).getByRole('checkbox', { name: 'Claims' }));
    await waitFor(() => {
      const found = hits().map((hit) => hit.textContent ?? '');
      expect(found).toHaveLength(1);
      expect(found[0]).toContain('denied');
    });
    expect(location.search).toBe('?kind=claim&stance=denied');

    // The BBC published a day before WION (a minute short of one): in the reader's own time zone,
    // a range that ends on the BBC's day or starts on WION's keeps only one of them.
    const localDay = (time: string) => new Date(time).toLocaleDateString('sv');
    const [bbcDay, wionDay] = [localDay('2023-03-23T04:12:00Z'), localDay('2023-03-24T09:41:00+05:30')];
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Show' })).getByRole('checkbox', { name: 'Articles' }));
    await waitFor(() => expect(hits()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: wionDay } });
    await waitFor(() => expect(hits().map((hit) => hit.textContent)).toEqual([expect.stringContaining('WION')]));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: bbcDay } });
    await waitFor(() => expect(hits().map((hit) => hit.textContent)).toEqual([expect.stringContaining('BBC News')]));
    expect(location.search).toBe(`?kind=source&to=${bbcDay}`);

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Order' }), { target: { value: 'name' } });
    fireEvent.input(search(), { target: { value: 'han' } });
    await waitFor(() =>
      expect(hits().map((hit) => hit.querySelector('.hit__title')?.textContent)).toEqual(
        [...hits().map((hit) => hit.querySelector('.hit__title')?.textContent ?? '')].sort((a, b) =>
          a.localeCompare(b),
        ),
      ),
    );
  });

  it('says why nothing was found, and what to try', async () => {
    const summary = () => within(screen.getByRole('region', { name: 'Search' })).getByRole('status');
    history.replaceState(null, '', '/notebook.html?q=zzzz');
    render(<App layout="tab" />);
    await waitFor(() => expect(summary().textContent).toMatch(/^Nothing matches “zzzz”\. .*fewer or shorter/));
    fireEvent.input(search(), { target: { value: 'han' } });
    fireEvent.click(within(screen.getByRole('group', { name: 'Stance' })).getByRole('checkbox', { name: 'admitted' }));
    await waitFor(() => expect(summary().textContent).toMatch(/^Nothing matches these filters\./));

    await sendToBackground({ type: 'store/delete-everything' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.input(search(), { target: { value: '' } });
    await waitFor(() => expect(summary().textContent).toMatch(/^Nothing here yet\. Read a news article/));
  });

  it('deletes a note from the results, and undoes it with Ctrl+Z', async () => {
    await noteOnHanDong('Delete me later');
    render(<App layout="tab" />);
    fireEvent.input(search(), { target: { value: 'delete' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the note “Delete me later”' }));
    await waitFor(() => expect(hits()).toHaveLength(0));
    expect(await extension.db.notes.count()).toBe(0);
    expect(screen.getByText('Note deleted.')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(hits()).toHaveLength(1));
    expect((await extension.db.notes.toArray())[0]?.body).toBe('Delete me later');
  });

  it('forgets an article only once the chance to undo has passed', async () => {
    const [bbc] = seeds;
    location.hash = `#/source/${encodeURIComponent(bbc.address.url)}`;
    render(<App layout="tab" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Forget this article' }));
    expect(await screen.findByText(/will be forgotten/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(location.hash).toBe(`#/source/${encodeURIComponent(bbc.address.url)}`));
    expect(await extension.db.sources.count()).toBe(2);

    fireEvent.click(await screen.findByRole('button', { name: 'Forget this article' }));
    await screen.findByText(/will be forgotten/);
    expect(await extension.db.sources.count()).toBe(2);
    // Closing the notebook carries it out.
    dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect(await extension.db.sources.count()).toBe(1));
    expect(extension.requests).toContainEqual({ type: 'store/forget-source', url: bbc.address.url });
  });
});

describe('the notebook’s filter menus', () => {
  it('close on Escape, back on their button, and on a click elsewhere', async () => {
    render(<App layout="tab" />);
    const outlets = (await screen.findByText('Outlets', { selector: 'summary' })).closest(
      'details',
    ) as HTMLDetailsElement;
    outlets.open = true;
    const choice = await within(outlets).findByRole('checkbox', { name: /WION/ });
    choice.focus();
    fireEvent.keyDown(choice, { key: 'Escape' });
    expect(outlets.open).toBe(false);
    expect(document.activeElement).toBe(outlets.querySelector('summary'));

    outlets.open = true;
    fireEvent.click(choice);
    expect(outlets.open).toBe(true);
    fireEvent.click(search());
    expect(outlets.open).toBe(false);
  });
});

// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { sendToBackground } from '../messaging/send.ts';
import { PersonView } from './person-view.tsx';
import { renderInApp, withSeedsRead } from './test-support.ts';

vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));

const extension = withSeedsRead();

async function personId(name: string): Promise<string> {
  const person = await extension()
    .db.people.filter((candidate) => candidate.name === name)
    .first();
  if (!person) throw new Error(`${name} is not in the store`);
  return person.id;
}

const show = (id: string) => renderInApp(<PersonView id={id} />);

describe('the person view', () => {
  it('shows each spelling with the outlets that used it, and every source that names the person', async () => {
    show(await personId('Michael Spavor'));
    expect(await screen.findByRole('heading', { name: 'Michael Spavor' })).toBeTruthy();
    const spellings = screen.getByRole('table');
    const row = (text: string) =>
      within(spellings).getByRole('rowheader', { name: text }).closest('tr')?.querySelector('td')?.textContent;
    expect(row('Sparov')).toBe('WION');
    expect(row('Spavor')).toMatch(/WION|BBC News/);

    const sources = screen.getByRole('region', { name: /Named in/ });
    expect(within(sources).getByText('BBC News')).toBeTruthy();
    expect(within(sources).getByText('WION')).toBeTruthy();
    expect(within(sources).getByText('Mar 23, 2023')).toBeTruthy();
    const article = within(sources).getByRole('link', { name: /Han Dong: Canadian MP leaves Liberal caucus/ });
    expect(article.getAttribute('href')).toMatch(/^#\/source\//);
    expect(within(sources).getByRole('link', { name: 'Open the article on BBC News' }).getAttribute('href')).toMatch(
      /^http:\/\/127\.0\.0\.1:8127\/news\/world-us-canada-han-dong/,
    );
  });

  it('groups the allegations about the person by claim, each opening its claim', async () => {
    show(await personId('Han Dong'));
    const claims = await screen.findByRole('region', { name: /Allegations about Han Dong/ });
    const lobbying = within(claims).getByRole('link', { name: /denied allegations that he lobbied/ });
    expect(lobbying.getAttribute('href')).toMatch(/^#\/claim\//);
    const card = lobbying.closest('li') as HTMLElement;
    expect(card.textContent).toContain('2 sources');
    expect(card.textContent).toContain('first by BBC News');
    expect(within(card).getByRole('link', { name: /All 15 reports side by side/ })).toBeTruthy();
  });

  it('says which outlet’s page a note was written on, and nothing of a note written in the notebook', async () => {
    const id = await personId('Han Dong');
    const wion = await extension()
      .db.sources.filter((source) => source.outlet === 'WION')
      .first();
    const note = { target: { kind: 'person', person: id }, tags: [], colour: 'blue', created: 1, updated: 1 } as const;
    await extension().db.notes.bulkAdd([
      { ...note, id: 'on-wion', body: 'Seen on WION', tags: [], orphaned: false, writtenOn: wion?.url },
      { ...note, id: 'in-notebook', body: 'Mine', tags: [], orphaned: false },
    ]);
    show(id);
    const notes = await screen.findByRole('region', { name: /Your notes/ });
    await waitFor(() => expect(within(notes).getByText('Seen on WION')).toBeTruthy());
    expect(within(notes).getByText('Seen on WION').closest('li')?.textContent).toContain('written on WION');
    expect(within(notes).getByText('Mine').closest('li')?.textContent).not.toContain('written on');
  });

  it('adds, edits and deletes the reader’s notes, with tags, and undoes a deletion', async () => {
    const id = await personId('Han Dong');
    show(id);
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    const editor = screen.getByRole('form', { name: 'New note about Han Dong' });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save note' }));
    expect(within(editor).getByRole('alert').textContent).toBe('Write something or add a tag first.');

    fireEvent.input(within(editor).getByLabelText('Note'), {
      target: { value: 'Ask his office about the Feb 2021 meeting' },
    });
    fireEvent.input(within(editor).getByLabelText(/Tags/), { target: { value: 'follow up, Global News' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save note' }));
    const notes = screen.getByRole('region', { name: /Your notes/ });
    await waitFor(() => expect(within(notes).getByText('Ask his office about the Feb 2021 meeting')).toBeTruthy());
    expect(
      within(notes)
        .getAllByRole('listitem')
        .map((tag) => tag.textContent),
    ).toContain('follow up');
    const [stored] = await extension().db.notes.toArray();
    expect(stored).toMatchObject({ target: { kind: 'person', person: id }, tags: ['follow up', 'Global News'] });

    fireEvent.click(within(notes).getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'Called his office: no comment' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(within(notes).getByText('Called his office: no comment')).toBeTruthy());
    expect((await extension().db.notes.toArray())[0]?.body).toBe('Called his office: no comment');

    fireEvent.click(within(notes).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(notes).queryByText('Called his office: no comment')).toBeNull());
    expect(await extension().db.notes.count()).toBe(0);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(notes).getByText('Called his office: no comment')).toBeTruthy());
    expect((await extension().db.notes.toArray())[0]).toMatchObject({
      body: 'Called his office: no comment',
      tags: ['follow up', 'Global News'],
    });
  });

  it('keeps keyboard focus on the notes when one is deleted, and on the note an undo brings back', async () => {
    const person = await personId('Han Dong');
    for (const body of ['First: call his office', 'Second: check the Global News report']) {
      await sendToBackground({
        type: 'notes/create',
        target: { kind: 'person', person },
        body,
        tags: [],
        colour: 'yellow',
      });
    }
    show(person);
    const notes = await screen.findByRole('region', { name: /Your notes/ });
    await waitFor(() => expect(within(notes).getAllByRole('button', { name: 'Delete' })).toHaveLength(2));
    const noteOf = (element: Element | null) => element?.closest('li')?.querySelector('.note__body')?.textContent;
    const [first] = within(notes).getAllByRole('button', { name: 'Delete' }) as [HTMLButtonElement];
    const deleted = noteOf(first);
    first.focus();
    fireEvent.click(first);
    // The other note's Delete, not the page's body.
    await waitFor(() => expect(within(notes).getAllByRole('button', { name: 'Delete' })).toHaveLength(1));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Delete'));
    expect(noteOf(document.activeElement)).not.toBe(deleted);

    // Ctrl+Z undoes once the deletion is offered back.
    await screen.findByText('Note deleted.');
    fireEvent.keyDown(document.activeElement as Element, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(noteOf(document.activeElement)).toBe(deleted));
    expect(document.activeElement?.textContent).toBe('Delete');

    // The last note gone, focus goes to adding one.
    for (const remaining of [0, 1]) {
      const [next] = within(notes).getAllByRole('button', { name: 'Delete' });
      fireEvent.click(next as HTMLElement);
      await waitFor(() =>
        expect(within(notes).queryAllByRole('button', { name: 'Delete' })).toHaveLength(1 - remaining),
      );
    }
    await waitFor(() => expect(document.activeElement).toBe(within(notes).getByRole('button', { name: 'Add note' })));
  });

  it('says so when the person is not in the store', async () => {
    show('no-such-person');
    expect(await screen.findByText('This person is no longer in your sources.')).toBeTruthy();
  });
});

// Drafts of half-filled forms, on a fake IndexedDB: kept per form and per person, only the fields the
// person changed come back (laid over what the form would open with now, so a record updated by a sync
// keeps its new values elsewhere), a form back to how it opened keeps no draft, and signing out
// (clearDrafts) forgets them all.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clearDrafts,
  countDrafts,
  discardDraft,
  mergeDraft,
  readDraft,
  saveDraft,
} from '../../src/app/features/device/drafts.ts';

const opened = { name: 'Hollingbourne Larder', phone: '01632 960001', notes: '' };

afterEach(() => clearDrafts());

describe('drafts of forms', () => {
  it('keeps what was typed for the same person and form, and gives back only the changed fields', async () => {
    await saveDraft({
      form: '/partners/p1/edit',
      username: 'duty',
      base: opened,
      values: { ...opened, notes: 'Van off the road until Friday' },
    });
    const draft = await readDraft('/partners/p1/edit', 'duty');
    expect(draft?.values.notes).toBe('Van off the road until Friday');
    // Meanwhile a sync brought a new phone number: it is kept, the typed note comes back.
    const now = { ...opened, phone: '01632 960002' };
    expect(mergeDraft(now, draft!)).toEqual({
      values: { ...now, notes: 'Van off the road until Friday' },
      changed: ['notes'],
    });
  });

  it('gives a draft to nobody else, and keeps drafts of different forms apart', async () => {
    await saveDraft({
      form: '/requests/new',
      username: 'duty',
      base: opened,
      values: { ...opened, name: 'A.B.' },
    });
    expect(await readDraft('/requests/new', 'parish')).toBeUndefined();
    expect(await readDraft('/contacts/new', 'duty')).toBeUndefined();
    expect((await readDraft('/requests/new', 'duty'))?.values.name).toBe('A.B.');
  });

  it('keeps no draft of a form back to how it opened, and forgets a discarded one', async () => {
    await saveDraft({
      form: '/requests/new',
      username: 'duty',
      base: opened,
      values: { ...opened, name: 'C' },
    });
    expect(await countDrafts()).toBe(1);
    await saveDraft({ form: '/requests/new', username: 'duty', base: opened, values: opened });
    expect(await countDrafts()).toBe(0);
    await saveDraft({
      form: '/requests/new',
      username: 'duty',
      base: opened,
      values: { ...opened, name: 'D' },
    });
    await discardDraft('/requests/new');
    expect(await readDraft('/requests/new', 'duty')).toBeUndefined();
  });

  it('compares lists by value (the needs chosen) and ignores fields the form no longer has', () => {
    const base = { needs: [] as string[], name: '' };
    const merged = mergeDraft(base, {
      base: { ...base, retiredField: 'x' },
      values: { needs: ['food', 'water'], name: '', retiredField: 'y' },
    });
    expect(merged).toEqual({ values: { needs: ['food', 'water'], name: '' }, changed: ['needs'] });
  });

  it('never keeps a password, whatever the form calls it', async () => {
    const form = { username: 'new.person', password: '', newPassword: '' };
    await saveDraft({
      form: '/account#password',
      username: 'duty',
      base: form,
      values: { ...form, password: 'correct horse', newPassword: 'battery staple' },
    });
    // Only a password was typed: nothing is kept at all.
    expect(await countDrafts()).toBe(0);
    await saveDraft({
      form: '/account#password',
      username: 'duty',
      base: form,
      values: { username: 'new.person2', password: 'correct horse', newPassword: 'battery staple' },
    });
    expect((await readDraft('/account#password', 'duty'))?.values).toEqual({ username: 'new.person2' });
  });

  it('forgets every draft on sign-out', async () => {
    await saveDraft({
      form: '/requests/new',
      username: 'duty',
      base: opened,
      values: { ...opened, name: 'E' },
    });
    await saveDraft({
      form: '/contacts/new',
      username: 'duty',
      base: opened,
      values: { ...opened, name: 'F' },
    });
    await clearDrafts();
    expect(await countDrafts()).toBe(0);
  });
});

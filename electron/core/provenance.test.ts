import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from './dossierCore';
import { AppSettingsFile } from './settings/appSettingsFile';
import { WorkspaceStore } from './store/workspaceStore';
import { TIMELINE } from './timeline/timelineDocuments';

/**
 * Issue 17, "provenance stays true": every record says who created it and who changed it last,
 * by the display name of Settings at the time, followed as it changes.
 */

const TEXT = 'Ministers meet\n\nRajnath Singh met Gen Nakatani in Delhi on 4 May 2025. India and Japan signed a logistics pact.';
let tmp: string;
let core: DossierCore;
let settings: AppSettingsFile;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-provenance-'));
  settings = AppSettingsFile.inMemory({ displayName: 'Asha Rao' });
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }), { settings });
});
afterEach(async () => {
  await core.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const as = (name: string) => core.api['settings.update']({ patch: { displayName: name } });
const by = (created: string, changed: string) => ({ createdBy: { name: created }, modifiedBy: { name: changed } });

describe('who made and changed each record', () => {
  it('names the creator and, after the display name changes, the next changer of every kind of record', async () => {
    const api = core.api;
    const articleId = (await api['articles.import']({ files: [{ name: 'meet.txt', base64: Buffer.from(TEXT).toString('base64') }] })).articles[0]!.id;
    const { annotation } = await api['annotations.createFromQuote']({ articleId, quote: 'logistics pact' });
    const { note } = await api['notes.create']({ title: 'Pact' });
    const { entity: india } = await api['entities.create']({ name: 'India', type: 'place' });
    const { entity: japan } = await api['entities.create']({ name: 'Japan', type: 'place' });
    const { relation } = await api['relations.create']({ from: india.id, to: japan.id, type: 'partner-in', evidence: [{ articleId, annotationId: annotation.id }] });
    const { brief } = await api['briefs.create']({ title: 'Weekly' });
    const start = TEXT.indexOf('Rajnath');
    const end = TEXT.indexOf('2025.') + 5;
    const { event } = await api['timeline.add']({ articleId, start, end, exact: TEXT.slice(start, end), date: '2025-05-04', label: 'Ministers meet' });
    const storedEvent = async () => (await core.store.readArticleDoc(articleId, TIMELINE)).events.find((e) => e.id === event.id)!;
    expect(annotation).toMatchObject({ creator: { name: 'Asha Rao' }, modifiedBy: { name: 'Asha Rao' } });
    for (const record of [note, india, relation, brief, await storedEvent()]) expect(record).toMatchObject(by('Asha Rao', 'Asha Rao'));

    await as('Ben Colleague');
    const edited = {
      annotation: (await api['annotations.update']({ articleId, id: annotation.id, comment: 'Signed' })).annotation,
      note: (await api['notes.update']({ id: note.id, patch: { title: 'The pact' } })).note,
      entity: (await api['entities.update']({ id: india.id, patch: { description: 'Republic of India' } })).entity,
      relation: (await api['relations.update']({ id: relation.id, patch: { grading: { reliability: 'B', credibility: 2 } } })).relation,
      brief: (await api['briefs.update']({ id: brief.id, patch: { handling: 'OFFICIAL' } })).brief,
    };
    await api['timeline.update']({ articleId, id: event.id, patch: { label: 'Defence ministers meet' } });
    expect(edited.annotation).toMatchObject({ creator: { name: 'Asha Rao' }, modifiedBy: { name: 'Ben Colleague' } });
    for (const record of [edited.note, edited.entity, edited.relation, edited.brief, await storedEvent()]) expect(record).toMatchObject(by('Asha Rao', 'Ben Colleague'));
    // What is read back is what was saved.
    expect((await api['notes.get']({ id: note.id })).note).toMatchObject(by('Asha Rao', 'Ben Colleague'));
    expect((await api['entities.page']({ id: india.id })).entity).toMatchObject(by('Asha Rao', 'Ben Colleague'));
    expect(edited.entity.modified >= india.modified).toBe(true);

    // A note's text saved as it is typed is a change by whoever types it.
    await as('Carla Diaz');
    const { note: typed } = await api['notes.save']({ id: note.id, content: { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Signed in Delhi', version: 1 }] }] } } });
    expect(typed).toMatchObject(by('Asha Rao', 'Carla Diaz'));
  });

  it('counts an undo or a redo as a change by whoever made it, and a merge as a change of the entity that grew', async () => {
    const api = core.api;
    const { entity: india } = await api['entities.create']({ name: 'India', type: 'place' });
    const { entity: bharat } = await api['entities.create']({ name: 'Bharat', type: 'place' });
    await as('Ben Colleague');
    await api['entities.update']({ id: india.id, patch: { description: 'Ben wrote this' } });
    await as('Carla Diaz');
    await api['history.undo']({});
    const undone = (await api['entities.page']({ id: india.id })).entity;
    // The description Ben wrote is gone, and Carla took it out.
    expect(undone).toMatchObject({ description: '', ...by('Asha Rao', 'Carla Diaz') });
    // Bharat was not touched by the undone step: it keeps its own changer.
    expect((await api['entities.page']({ id: bharat.id })).entity).toMatchObject(by('Asha Rao', 'Asha Rao'));
    await as('Dev Patel');
    await api['history.redo']({});
    expect((await api['entities.page']({ id: india.id })).entity).toMatchObject({ description: 'Ben wrote this', ...by('Asha Rao', 'Dev Patel') });

    await as('Ben Colleague');
    const { entity: merged } = await api['entities.merge']({ sourceId: bharat.id, targetId: india.id });
    expect(merged).toMatchObject({ aliases: ['Bharat'], ...by('Asha Rao', 'Ben Colleague') });
  });
});

import type { z } from 'zod';
import { DossierError, phrase } from '../../common/errors';
import { newId } from '../../common/ids';
import { BriefDraft, BriefPatch, type Brief, type BriefDraftInput, type BriefPatchInput, type BriefSection, type BriefSummary } from '../../common/model/brief';
import { diffRecords } from '../changeFeed';
import type { ChangeLog } from '../history/changeLog';
import type { WorkspaceStore } from '../store/workspaceStore';
import { BRIEFS, type BriefsFile } from './briefDocuments';
import { step, type StepLabel } from '../../common/model/phrase';

/**
 * Saved briefs: what the analyst composed (title, handling line, summary, chosen sections), kept in
 * briefs.json so a brief can be exported again in any format. Creating, editing and deleting are
 * undoable changes of that one document.
 */
export class BriefService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
  ) {
    changes.registerDocument('briefs', BRIEFS, (before, after) => diffRecords('brief', null, (before as BriefsFile).briefs, (after as BriefsFile).briefs), ['briefs']);
  }

  async list(): Promise<BriefSummary[]> {
    const { briefs } = await this.store.readWorkspaceDoc(BRIEFS);
    return briefs
      .map(({ id, rev, title, author, handling, created, modified, createdBy, modifiedBy, sections }) => ({
        id,
        rev,
        title,
        author,
        handling,
        created,
        modified,
        createdBy,
        modifiedBy,
        sectionCount: sections.length,
      }))
      .sort((a, b) => b.modified.localeCompare(a.modified) || a.title.localeCompare(b.title));
  }

  async get(id: string): Promise<Brief> {
    const { briefs } = await this.store.readWorkspaceDoc(BRIEFS);
    const brief = briefs.find((b) => b.id === id);
    if (!brief) throw new DossierError('not-found', phrase('brief.noSuch', { id: id.slice(0, 60) }));
    return structuredClone(brief);
  }

  create(input: BriefDraftInput): Promise<Brief> {
    const draft = parseInput(BriefDraft, input);
    const sections = draft.sections ?? [];
    this.checkSections(sections);
    const now = new Date().toISOString();
    const brief: Brief = {
      id: newId('brf'),
      rev: 1,
      title: draft.title,
      author: draft.author ?? '',
      handling: draft.handling ?? '',
      summary: draft.summary ?? null,
      sections,
      created: now,
      modified: now,
      createdBy: this.changes.who(),
      modifiedBy: this.changes.who(),
    };
    return this.commit(step('createBrief', { title: brief.title }), undefined, (doc) => {
      doc.briefs.push(brief);
      return brief;
    });
  }

  /**
   * Changes the fields given. `baseRev` is the revision the edit was based on: any other stored
   * revision (another window's edit, or an undo) is a conflict rather than a silent overwrite.
   */
  update(id: string, input: BriefPatchInput, baseRev?: number, undoGroup?: string): Promise<Brief> {
    const patch = parseInput(BriefPatch, input);
    if (patch.sections) this.checkSections(patch.sections);
    return this.commit(
      step('editBrief', { title: '' }),
      undoGroup,
      (doc) => {
        const brief = doc.briefs.find((b) => b.id === id);
        if (!brief) throw new DossierError('not-found', phrase('brief.gone'));
        if (baseRev !== undefined && brief.rev !== baseRev) {
          throw new DossierError('conflict', phrase('brief.changedElsewhere'));
        }
        for (const key of ['title', 'author', 'handling', 'summary', 'sections', 'appendices'] as const) {
          if (patch[key] !== undefined) (brief as Record<typeof key, unknown>)[key] = structuredClone(patch[key]);
        }
        brief.rev += 1;
        brief.modified = new Date().toISOString();
        brief.modifiedBy = this.changes.who();
        return brief;
      },
      (doc) => step('editBrief', { title: doc.briefs.find((b) => b.id === id)?.title ?? '' }),
    );
  }

  delete(id: string): Promise<void> {
    return this.commit(
      step('deleteBrief', { title: '' }),
      undefined,
      (doc) => {
        const index = doc.briefs.findIndex((b) => b.id === id);
        if (index === -1) throw new DossierError('not-found', phrase('brief.gone'));
        doc.briefs.splice(index, 1);
      },
      (doc) => step('deleteBrief', { title: doc.briefs.find((b) => b.id === id)?.title ?? '' }),
    );
  }

  /** Sections name articles that exist, and each section id appears once (drag and drop moves them by id). */
  private checkSections(sections: BriefSection[]): void {
    const ids = new Set<string>();
    for (const section of sections) {
      if (ids.has(section.id)) throw new DossierError('bad-input', phrase('brief.sectionIds'));
      ids.add(section.id);
      if (section.kind === 'article' && !this.store.hasArticle(section.articleId)) {
        throw new DossierError('not-found', phrase('common.noArticle', { id: section.articleId.slice(0, 60) }));
      }
    }
  }

  private commit<R>(label: StepLabel, group: string | undefined, change: (draft: BriefsFile) => R, labelOf?: (before: BriefsFile) => StepLabel): Promise<R> {
    return this.changes.exclusive(null, async () => {
      const before = await this.store.readWorkspaceDoc(BRIEFS);
      const after = structuredClone(before);
      const result = change(after);
      after.rev += 1;
      await this.changes.commit(
        { label: labelOf?.(before) ?? label, articleId: null, group, ops: [{ kind: 'doc', doc: 'briefs', articleId: null, before, after }] }
      );
      return structuredClone(result);
    });
  }
}

/** Fills in defaults (a section's empty filter) and checks lengths, for callers inside Node too. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DossierError('bad-input', phrase('brief.invalid', { field: issue?.path.join('.') || 'brief', issue: issue?.message ?? 'invalid' }));
}

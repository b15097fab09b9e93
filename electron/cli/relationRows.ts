import type { RelationView } from '../common/model/relation';

/**
 * A relationship as `dossier relations --json` prints it: entity names (an entity that is gone by
 * its id), the type's key and label, and each evidence passage where it is in the article's current
 * text (start/end null when it has no place there: orphaned by a new version, or deleted).
 */
export function relationRow(r: RelationView) {
  return {
    id: r.id,
    from: r.from.name ?? r.from.id,
    to: r.to.name ?? r.to.id,
    type: r.type,
    label: r.label,
    grading: r.grading,
    evidence: r.evidence.map(({ articleId, start, end, exact }) => ({ articleId, start, end, exact })),
  };
}

/**
 * One relationship in lines for people: seen from `entityId` when given, so one coming in reads by
 * its inverse label (`Quad —has partner→ India`).
 */
export function relationLines(r: RelationView, entityId?: string): string[] {
  const incoming = entityId !== undefined && r.to.id === entityId && r.from.id !== entityId;
  const [near, far, label] = incoming ? [r.to, r.from, r.inverse] : [r.from, r.to, r.label];
  const grading = r.grading ? `  [${r.grading.reliability}${r.grading.credibility}]` : '';
  const dates = r.start || r.end ? `  (${r.start ?? '…'} – ${r.end ?? '…'})` : '';
  const flagged = r.flagged ? '  — no evidence left in the articles' : '';
  return [
    `${r.id}  ${near.name ?? near.id} —${label}→ ${far.name ?? far.id}${grading}${dates}${flagged}`,
    ...r.evidence.map((e) => `    "${e.exact}"  ${e.articleId}${e.start === null ? `  [${e.status}]` : `  ${e.start}–${e.end}`}`),
  ];
}

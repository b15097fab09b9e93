import type { Annotation, Grading } from '../../common/model/annotation';
import type { AnnotationFilter } from '../../common/model/brief';

/** Whether an annotation passes a brief section's filter; every filter given applies. */
export function matchesFilter(a: Annotation, filter: AnnotationFilter): boolean {
  if (filter.placedOnly && a.status === 'orphaned') return false;
  // An annotation without a colour has no meaning to match a colour filter.
  if (filter.colors?.length && (a.color === null || !filter.colors.includes(a.color))) return false;
  if (filter.tags?.length && !a.tags.some((t) => filter.tags!.some((wanted) => wanted.toLocaleLowerCase() === t.toLocaleLowerCase()))) return false;
  if (filter.minGrading && !gradedAtLeast(a.grading, filter.minGrading)) return false;
  return true;
}

/** A1 is best: "at least C3" means reliability A–C and credibility 1–3. Ungraded passes no grading filter. */
export function gradedAtLeast(grading: Grading | null, minimum: Grading): boolean {
  if (!grading) return false;
  return grading.reliability <= minimum.reliability && grading.credibility <= minimum.credibility;
}

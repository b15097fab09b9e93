import type { EntityType } from '../../common/model/entityType';

/**
 * Entity F1 as the project measures it: per distinct entity, a prediction matches a label when any
 * of its name/aliases equals any of the label's (case-insensitive), each label matched at most once.
 * Matching is a maximum bipartite matching, so the score never depends on list order.
 */
export interface NamedEntity {
  name: string;
  type: EntityType;
  aliases?: string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface EntityScore {
  untyped: Counts;
  typed: Counts;
  /** Labels no prediction matched (type-agnostic). */
  missed: string[];
  /** Predictions that matched no label (type-agnostic). */
  spurious: string[];
  /** Matched, but with another type: "name: predicted≠labelled". */
  mistyped: string[];
}

const forms = (e: NamedEntity): Set<string> => new Set([e.name, ...(e.aliases ?? [])].map((f) => f.trim().toLowerCase()));

function match(predicted: readonly NamedEntity[], labels: readonly NamedEntity[], typed: boolean): (number | null)[] {
  const pForms = predicted.map(forms);
  const lForms = labels.map(forms);
  const edges = predicted.map((p, i) =>
    labels.flatMap((l, j) => ([...pForms[i]!].some((f) => lForms[j]!.has(f)) && (!typed || p.type === l.type) ? [j] : [])),
  );
  const labelOwner: (number | null)[] = labels.map(() => null);
  const tryAssign = (i: number, seen: Set<number>): boolean => {
    for (const j of edges[i]!) {
      if (seen.has(j)) continue;
      seen.add(j);
      const owner = labelOwner[j];
      if (owner === null || owner === undefined || tryAssign(owner, seen)) {
        labelOwner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < predicted.length; i++) tryAssign(i, new Set());
  return labelOwner;
}

export function scoreEntities(predicted: readonly NamedEntity[], labels: readonly NamedEntity[]): EntityScore {
  const untypedOwners = match(predicted, labels, false);
  const typedOwners = match(predicted, labels, true);
  const count = (owners: (number | null)[]): Counts => {
    const tp = owners.filter((o) => o !== null).length;
    return { tp, fp: predicted.length - tp, fn: labels.length - tp };
  };
  const matchedPredictions = new Set(untypedOwners.filter((o): o is number => o !== null));
  const mistyped: string[] = [];
  untypedOwners.forEach((o, j) => {
    const p = o === null ? undefined : predicted[o];
    const l = labels[j]!;
    if (p && p.type !== l.type) mistyped.push(`${l.name}: ${p.type}≠${l.type}`);
  });
  return {
    untyped: count(untypedOwners),
    typed: count(typedOwners),
    missed: labels.filter((_, j) => untypedOwners[j] === null).map((l) => l.name),
    spurious: predicted.filter((_, i) => !matchedPredictions.has(i)).map((p) => `${p.name} (${p.type})`),
    mistyped,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

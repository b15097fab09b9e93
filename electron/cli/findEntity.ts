import type { DossierApi } from '../common/contract';
import { DossierError } from '../common/errors';
import type { EntitySummary } from '../common/model/entity';

/** The entity a command line names: by its id, its name or an alias (any case). */
export async function findEntity(api: DossierApi, name: string): Promise<EntitySummary> {
  const { entities } = await api['entities.list']({});
  const key = name.trim().toLocaleLowerCase();
  const found = entities.find((e) => e.id === name || e.name.toLocaleLowerCase() === key || e.aliases.some((a) => a.toLocaleLowerCase() === key));
  if (!found) throw new DossierError('not-found', `No entity named '${name}' in this workspace (see: dossier entity list).`);
  return found;
}

import type { DossierApi } from '../common/contract';
import { DossierError } from '../common/errors';
import { UsageError } from './usageError';

const KINDS = {
  article: { ids: async (api: DossierApi) => (await api['articles.list']({})).articles.map((a) => a.id), plural: 'articles' },
  brief: { ids: async (api: DossierApi) => (await api['briefs.list']({})).briefs.map((b) => b.id), plural: 'briefs' },
} as const;

/**
 * The id of an article or a brief from a full id or an unambiguous prefix of one, with or without
 * its `art_`/`brf_` kind, as git accepts a short commit.
 */
export async function resolveId(api: DossierApi, kind: keyof typeof KINDS, given: string | undefined): Promise<string> {
  const { ids: list, plural } = KINDS[kind];
  if (!given) throw new UsageError(`this command needs --${kind} ID (see: dossier ${plural})`);
  const ids = await list(api);
  if (ids.includes(given)) return given;
  const matches = ids.filter((id) => id.startsWith(given) || id.slice(id.indexOf('_') + 1).startsWith(given));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new DossierError('bad-input', `'${given}' matches ${matches.length} ${plural}; give more of the id.`);
  throw new DossierError('not-found', `No ${kind} with id '${given}' in this workspace (see: dossier ${plural}).`);
}

import { z } from 'zod';
import { Brief } from '../../common/model/brief';
import type { DocumentKind } from '../store/documents';
import { SCHEMA_VERSION } from '../store/schemaFile';

/** briefs.json: every saved brief of the workspace, so any of them can be exported again later. */
export const BriefsFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('briefs'),
  rev: z.number().int().nonnegative(),
  briefs: z.array(Brief),
});
export type BriefsFile = z.infer<typeof BriefsFile>;

export const BRIEFS: DocumentKind<BriefsFile> = {
  file: 'briefs.json',
  kind: 'briefs',
  schema: BriefsFile,
  empty: () => ({ schemaVersion: SCHEMA_VERSION, kind: 'briefs', rev: 0, briefs: [] }),
};

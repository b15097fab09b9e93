import type { PouchAttachment } from './replica/pouchTypes';
import type { SyncBody } from './syncPorts';

/** A sync document as PouchDB stores it: the body's fields, attachments in CouchDB's shape. */
export interface PouchSyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _attachments?: Record<string, PouchAttachment>;
  kind: string;
  value: unknown;
  provenance: SyncBody['provenance'];
  [field: string]: unknown;
}

export function toPouchDoc(id: string, body: SyncBody, rev?: string): PouchSyncDoc {
  const doc: PouchSyncDoc = { _id: id, kind: body.kind, value: body.value, provenance: body.provenance };
  if (rev) doc._rev = rev;
  if (body.attachments?.length) {
    doc._attachments = Object.fromEntries(
      // Base64, not a Buffer: PouchDB hashes the document's JSON for its revision id, and a Buffer
      // would be spelled there as an array of numbers (twice the time for a 20 KB text).
      body.attachments.map((a) => [a.name, { content_type: a.contentType, data: Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength).toString('base64') }]),
    );
  }
  return doc;
}

/** The body of a document read with `{ attachments: true, binary: true }` (stubs are left out). */
export function fromPouchDoc(doc: PouchSyncDoc): SyncBody {
  // Checked by the mirror before it is written anywhere (a server holds anything it is given).
  const body = { kind: doc.kind, value: doc.value, provenance: doc.provenance } as SyncBody;
  const attachments = Object.entries(doc._attachments ?? {}).flatMap(([name, a]) =>
    Buffer.isBuffer(a.data) ? [{ name, contentType: a.content_type, data: new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength) }] : [],
  );
  if (attachments.length > 0) body.attachments = attachments.sort((x, y) => x.name.localeCompare(y.name));
  return body;
}

/** Whether a document has attachments, so reading it needs them fetched. */
export function hasAttachments(doc: { _attachments?: object }): boolean {
  return doc._attachments !== undefined && Object.keys(doc._attachments).length > 0;
}

/**
 * The W3C Web Annotation JSON-LD that Dossier writes and reads back.
 *
 * Everything the W3C model has a place for goes there (motivation, creator, dates, TextualBody
 * with purpose commenting / tagging, TextQuoteSelector, TextPositionSelector in code points).
 * What it has no term for stays lossless under the `dossier:` prefix declared in an extended
 * @context, so other tools can ignore it:
 *   - colour: a body with purpose `classifying` whose value is the colour's meaning ("Claim") and
 *     whose `dossier:color` is the palette key;
 *   - Admiralty grading: a body with purpose `assessing` ("B2 …") carrying `dossier:reliability`
 *     and `dossier:credibility`;
 *   - who changed the annotation last, when that is not its creator: `dossier:modifiedBy` (a
 *     Person, as `creator`; the model names whose `modified` date it is no one);
 *   - anchoring status; a target's source is the article version its selectors point into
 *     (with its SHA-256), linked to the article by dcterms:isVersionOf;
 *   - replies: separate annotations with motivation `replying` whose target is the parent's id,
 *     as the model describes replies (and as Hypothesis exports them).
 */

import { ID_SHAPE } from '../../../common/ids';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DOSSIER_VOCAB = 'urn:dossier:vocab:';

export const CONTEXT = [ANNO_CONTEXT, { dossier: DOSSIER_VOCAB, dcterms: 'http://purl.org/dc/terms/' }] as const;

export const annotationUrn = (id: string) => `urn:dossier:annotation:${id}`;
export const articleUrn = (id: string) => `urn:dossier:article:${id}`;
/**
 * One version of an article's text: what a target's selectors point into. A version has its own
 * SHA-256; giving the article node every version's hash would mix them up once read as a graph.
 */
export const versionUrn = (id: string, version: number) => `${articleUrn(id)}:v${version}`;

/** The Dossier id inside one of our URNs, or null for any other IRI. */
export function idFromUrn(iri: string, kind: 'annotation' | 'article'): string | null {
  const prefix = `urn:dossier:${kind}:`;
  if (!iri.startsWith(prefix)) return null;
  const id = iri.slice(prefix.length);
  return ID_SHAPE.test(id) ? id : null;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'classifying' | 'assessing' | 'replying';
  format?: 'text/plain';
  'dossier:color'?: string;
  'dossier:reliability'?: string;
  'dossier:credibility'?: number;
}

/** One version of an article, as the collection's provenance lists it. */
export interface VersionDescription {
  id: string;
  'dossier:version': number;
  'dossier:sha256': string;
  'dossier:importedAt': string;
  'dossier:source': string;
  format: string;
}

/** An article: enough for a reader to know what was annotated, and for an import to find it. */
export interface SourceDescription {
  id: string;
  type: 'Text';
  'dcterms:title': string;
  language?: string;
  textDirection?: 'ltr' | 'rtl';
  'dossier:source': string;
  'dossier:url'?: string;
  'dossier:outlet'?: string;
  'dossier:author'?: string;
  'dossier:published'?: string;
  /** In a target, whose source is one version: the article it is a version of. */
  'dcterms:isVersionOf'?: string;
  'dossier:version'?: number;
  'dossier:sha256'?: string;
  /** In the collection's provenance: every version, so any of them can be matched on import. */
  'dossier:currentVersion'?: number;
  'dossier:importedAt'?: string;
  'dossier:versions'?: VersionDescription[];
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  creator: { type: 'Person'; name: string };
  created: string;
  modified: string;
  'dossier:modifiedBy'?: { type: 'Person'; name: string };
  body?: TextualBody[];
  target:
    | string
    | {
        type: 'SpecificResource';
        source: SourceDescription;
        selector: [
          { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
          { type: 'TextPositionSelector'; start: number; end: number },
        ];
      };
  'dossier:status'?: string;
}

export interface AnnotationCollection {
  '@context': typeof CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { id: string; type: 'Software'; name: string };
  'dossier:sources': SourceDescription[];
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** `.jsonld`, the usual extension of these files; the W3C media type is application/ld+json. */
export const JSONLD_EXTENSION = '.jsonld';

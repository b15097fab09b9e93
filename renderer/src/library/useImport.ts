import { useCallback, useRef, useState } from 'react';
import type { ImportedArticle, ImportFailure } from '../../../electron/common/contract';
import type { AnnotationImportReport } from '../../../electron/common/model/annotationImport';
import { addRecentFiles, api } from '../api';
import { fileToImport } from '../ui/fileData';
import { errorMessage } from '../ui/useSaveStatus';
import type { EncodingQuestion } from './EncodingDialog';

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
}

export interface ImportSummary {
  imported: ImportedArticle[];
  duplicates: ImportedArticle[];
  failures: ImportFailure[];
  /** W3C Web Annotation files: what each added, and what found no article. */
  annotations: AnnotationImportReport[];
}

/**
 * Imports files one at a time, so a batch shows "n of N" and one bad file never stops the others.
 * The summary says what came in, what was already there, and what failed and why. A text file
 * whose encoding the core cannot tell pauses the batch on a question (EncodingDialog): the file
 * is imported again in the encoding chosen, or left out.
 */
export function useImport(onImported: (firstId: string | null) => void) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [question, setQuestion] = useState<EncodingQuestion | null>(null);
  const answerQuestion = useRef<(encoding: string | null) => void>(() => {});

  const ask = useCallback(
    (next: EncodingQuestion) =>
      new Promise<string | null>((resolve) => {
        answerQuestion.current = (encoding) => {
          setQuestion(null);
          resolve(encoding);
        };
        setQuestion(next);
      }),
    [],
  );

  const run = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const result: ImportSummary = { imported: [], duplicates: [], failures: [], annotations: [] };
      for (const [i, file] of files.entries()) {
        setProgress({ done: i, total: files.length, current: file.name });
        try {
          let outcome = await api['articles.import']({ files: [await fileToImport(file)] });
          const unsure = outcome.failures.find((f) => f.encodings?.length);
          const encoding = unsure ? await ask({ file, candidates: unsure.encodings! }) : null;
          if (encoding) outcome = await api['articles.import']({ files: [{ ...(await fileToImport(file)), encoding }] });
          const { articles, failures, annotations } = outcome;
          for (const a of articles) (a.duplicate ? result.duplicates : result.imported).push(a);
          result.failures.push(...failures);
          result.annotations.push(...(annotations ?? []));
        } catch (error) {
          result.failures.push({ file: file.name, message: errorMessage(error) });
        }
      }
      setProgress(null);
      setSummary(result);
      // What came in (or was already there) joins the system's recent documents; failures do not.
      const failed = new Set(result.failures.map((f) => f.file));
      addRecentFiles(files.filter((f) => !failed.has(f.name)));
      onImported(result.imported[0]?.id ?? result.duplicates[0]?.id ?? result.annotations[0]?.articles[0]?.id ?? null);
    },
    [ask, onImported],
  );

  return {
    progress,
    summary,
    dismiss: () => setSummary(null),
    run,
    /** The encoding question waiting for the analyst, if any; `answer` with the encoding chosen, or null to skip the file. */
    question,
    answer: (encoding: string | null) => answerQuestion.current(encoding),
  };
}

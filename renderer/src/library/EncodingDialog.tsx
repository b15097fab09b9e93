import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { encodingName, TEXT_ENCODINGS, type EncodingCandidate } from '../../../electron/common/model/textEncoding';
import { previewLine } from '../../../electron/common/text/previewLine';
import './encodingDialog.css';
import { useTranslation } from 'react-i18next';

export interface EncodingQuestion {
  file: File;
  /** The encodings the core found likely, each with a line of the text read that way. */
  candidates: EncodingCandidate[];
}

interface Props {
  question: EncodingQuestion;
  /** The encoding chosen, or null to leave the file out of the import. */
  onAnswer(encoding: string | null): void;
}

const OTHER = 'other';

/**
 * "Choose the text encoding of <file>": Dossier could not tell which encoding a text file was
 * saved in. Each likely encoding shows a line of the file read that way, so the analyst picks
 * the one that reads as words; any other encoding can be chosen from the full list, previewed
 * here from the file's own bytes (the browser's TextDecoder knows every encoding the core does).
 */
export function EncodingDialog({ question, onAnswer }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const answered = useRef(false);
  const ids = useId();
  const { file, candidates } = question;
  const [choice, setChoice] = useState(candidates[0]?.encoding ?? OTHER);
  const [other, setOther] = useState(() => TEXT_ENCODINGS.find((e) => !candidates.some((c) => c.encoding === e.encoding))?.encoding ?? 'utf-8');
  const bytes = useFileBytes(file);
  const markup = /\.x?html?$/i.test(file.name);
  const otherPreview = useMemo(() => (bytes ? preview(bytes, other, markup) : ''), [bytes, other, markup]);

  useEffect(() => dialog.current?.showModal(), []);
  const answer = (encoding: string | null) => {
    if (answered.current) return;
    answered.current = true;
    onAnswer(encoding);
  };

  return (
    <dialog
      ref={dialog}
      className="encoding-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-hint`}
      // Escape, or the dialog closing any other way, leaves the file out.
      onClose={() => answer(null)}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          answer(choice === OTHER ? other : choice);
          dialog.current?.close();
        }}
      >
        <h2 id={`${ids}-title`}>
          {t('library:chooseTheTextEncodingOf')} <span className="encoding-file">{file.name}</span>
        </h2>
        <p id={`${ids}-hint`} className="dialog-hint">
          {t('library:encodingUncertainHint')}
        </p>
        <fieldset className="encoding-options">
          <legend>{t('library:likelyEncodings')}</legend>
          {candidates.map((c) => (
            <label key={c.encoding} className="encoding-option">
              <input type="radio" name={`${ids}-encoding`} value={c.encoding} checked={choice === c.encoding} onChange={() => setChoice(c.encoding)} />
              <span className="encoding-name">{encodingName(c.encoding)}</span>
              <span className="encoding-preview" dir="auto">
                {c.preview}
              </span>
            </label>
          ))}
          <div className="encoding-option">
            <input
              type="radio"
              name={`${ids}-encoding`}
              value={OTHER}
              aria-label={t('library:anotherEncodingChosenFromTheList')}
              checked={choice === OTHER}
              onChange={() => setChoice(OTHER)}
            />
            <select
              className="encoding-list"
              aria-label={t('library:anotherEncoding')}
              value={other}
              onChange={(e) => {
                setOther(e.target.value);
                setChoice(OTHER);
              }}
            >
              {TEXT_ENCODINGS.map((e) => (
                <option key={e.encoding} value={e.encoding}>
                  {e.name}
                </option>
              ))}
            </select>
            <span className="encoding-preview" dir="auto" aria-live="polite">
              {otherPreview}
            </span>
          </div>
        </fieldset>
        <div className="dialog-actions">
          <span className="spacer" />
          <button
            type="button"
            onClick={() => {
              answer(null);
              dialog.current?.close();
            }}
          >
            {t('library:skipThisFile')}
          </button>
          <button type="submit" className="primary">
            {t('library:importWithEncoding')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function useFileBytes(file: File): Uint8Array | null {
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  useEffect(() => {
    let live = true;
    void file.arrayBuffer().then((buffer) => live && setBytes(new Uint8Array(buffer)));
    return () => {
      live = false;
    };
  }, [file]);
  return bytes;
}

/** The first 64 KB are plenty for a line. */
function preview(bytes: Uint8Array, encoding: string, markup: boolean): string {
  try {
    return previewLine(new TextDecoder(encoding).decode(bytes.subarray(0, 64 * 1024), { stream: true }), markup);
  } catch {
    return '';
  }
}

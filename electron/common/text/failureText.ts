/**
 * An import failure as the analyst reads it: one sentence that names the file once. The core's
 * messages name the file themselves ("empty.txt is empty."), so a screen that also puts the name
 * in front said it twice; a message that does not name it (an unexpected error) gets it in front.
 * The parts let a screen set the name apart (bold) without repeating it.
 */
export interface FailureParts {
  before: string;
  file: string;
  after: string;
}

export function failureParts({ file, message }: { file: string; message: string }): FailureParts {
  const base = file.split(/[\\/]/).pop() ?? file;
  for (const name of [file, base]) {
    const at = name ? message.indexOf(name) : -1;
    if (at >= 0) return { before: message.slice(0, at), file: name, after: message.slice(at + name.length) };
  }
  return { before: '', file, after: `: ${message}` };
}

export function failureText(failure: { file: string; message: string }): string {
  const { before, file, after } = failureParts(failure);
  return `${before}${file}${after}`;
}

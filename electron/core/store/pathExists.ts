import { promises as fs } from 'node:fs';

/** Whether something is at `file` (a file or a folder); false when it cannot be reached either. */
export async function pathExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

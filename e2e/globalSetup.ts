import { chooseBrowser } from './browserExecutable';
import { electronBinary } from './electronBinary';

/** Says once, up front, which shells the specs will drive here and why one is skipped. */
export default function globalSetup(): void {
  const browser = chooseBrowser();
  const electron = electronBinary();
  console.log(`e2e browser: ${browser.executablePath ?? `skipped — ${browser.missing}`}`);
  console.log(`e2e electron: ${electron.path ?? `skipped — ${electron.missing}`}`);
}

#!/usr/bin/env node
// The `dossier` command on Node. The TypeScript sources are bundled to out/ by `npm run build`
// (run automatically by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('dossier: the command is not built yet; run: npm run build\n');
  process.exit(1);
}
await import(cli.href);

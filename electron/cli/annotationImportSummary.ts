import type { AnnotationImportReport } from '../common/model/annotationImport';
import type { CliIO } from './cliIO';

/**
 * What `dossier import FILE.jsonld` did, per file: counts on stdout (unless --json printed them),
 * each annotation that found no article on stderr (they make the command exit 1).
 */
export function printAnnotationReports(reports: readonly AnnotationImportReport[], io: CliIO, options: { summary: boolean }): void {
  for (const r of reports) {
    const { anchored, drifted, orphaned } = r.imported;
    const extra = [r.existing > 0 ? `${r.existing} already there` : '', r.replies > 0 ? `${r.replies} repl${r.replies === 1 ? 'y' : 'ies'}` : '']
      .filter(Boolean)
      .join(', ');
    if (options.summary) {
      io.stdout(`annotations from ${r.file}: ${anchored} anchored, ${drifted} drifted, ${orphaned} orphaned${extra ? `; ${extra}` : ''}\n`);
      for (const a of r.articles) io.stdout(`  onto ${a.id}  ${a.title}  (${a.annotations})\n`);
    }
    for (const u of r.unmatched) {
      io.stderr(`dossier: not imported: ${u.id}${u.quote ? `  "${ellipsize(u.quote)}"` : ''}${u.source ? ` (${ellipsize(u.source)})` : ''}: ${u.reason}\n`);
    }
  }
}

export function unmatchedCount(reports: readonly AnnotationImportReport[] | undefined): number {
  return (reports ?? []).reduce((sum, r) => sum + r.unmatched.length, 0);
}

function ellipsize(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

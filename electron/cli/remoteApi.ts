import { CALL_NAMES, contract, type CallName, type DossierApi } from '../common/contract';
import { DossierError, ErrorPayload } from '../common/errors';

/**
 * The contract over the loopback host, for when a running Dossier holds the workspace: the CLI
 * then asks it rather than writing the files behind its back.
 */
export function createRemoteApi(origin: string, token: string, workspaceDir?: string): DossierApi {
  // The app may have switched to another workspace since its lock was read: naming the one meant
  // lets it refuse rather than act on the wrong one.
  const named: Record<string, string> = workspaceDir === undefined ? {} : { 'X-Dossier-Workspace': encodeURIComponent(workspaceDir) };
  const api = {} as Record<CallName, (request: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    api[name] = async (request: unknown) => {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...named },
          body: JSON.stringify(request ?? {}),
        });
      } catch (error) {
        throw new DossierError('unavailable', `Could not reach the running Dossier at ${origin}: ${(error as Error).message}`);
      }
      const body = (await response.json().catch(() => null)) as
        | { ok: true; value: unknown }
        | { ok: false; error: unknown }
        | null;
      if (!body) throw new DossierError('unavailable', `The running Dossier answered ${response.status} without a result.`);
      if (!body.ok) {
        const parsed = ErrorPayload.safeParse(body.error);
        throw parsed.success ? DossierError.fromPayload(parsed.data) : new DossierError('internal', 'Unexpected error reply.');
      }
      return contract[name].response.parse(body.value);
    };
  }
  return api as unknown as DossierApi;
}

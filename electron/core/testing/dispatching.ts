import type { CallName, CallResponse } from '../../common/contract';
import type { AppWorkspaces } from '../workspace/appWorkspaces';

/**
 * Calls through the app's dispatch (as a window makes them) on whatever workspaces object the test
 * has now: `call` answers or throws with the error's code, `failure` expects the error.
 */
export function dispatcher(workspaces: () => AppWorkspaces) {
  return {
    async call<N extends CallName>(name: N, request: unknown = {}): Promise<CallResponse<N>> {
      const result = await workspaces().dispatch(name, request);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as CallResponse<N>;
    },
    async failure(name: CallName, request: unknown): Promise<{ code: string; message: string }> {
      const result = await workspaces().dispatch(name, request);
      if (result.ok) throw new Error(`${name} succeeded`);
      return result.error;
    },
  };
}

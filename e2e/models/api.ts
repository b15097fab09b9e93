import type { Page } from '@playwright/test';
import type { CallName, CallRequest, CallResponse } from '../../electron/common/contract';

/**
 * Calls the contract from inside the page, the way the renderer does: through the preload in
 * Electron, over the loopback host (with the page's token) in the browser. For specs that set up
 * many records where clicking through the UI is not what is being tested.
 */
export async function callApi<N extends CallName>(page: Page, name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
  const result = await page.evaluate(
    async ({ name, request }) => {
      const bridge = (window as unknown as { dossier?: { call(n: string, r: unknown): Promise<unknown> } }).dossier;
      if (bridge) return bridge.call(name, request);
      const response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('dossier.token') ?? ''}` },
        body: JSON.stringify(request),
      });
      return response.json();
    },
    { name, request: request as unknown },
  );
  const typed = result as { ok: true; value: CallResponse<N> } | { ok: false; error: { code: string; message: string } };
  if (!typed.ok) throw new Error(`${name} failed: ${typed.error.code}: ${typed.error.message}`);
  return typed.value;
}

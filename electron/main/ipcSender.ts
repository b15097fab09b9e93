import { isAppUrl } from './appUrl';

/** What the sender check reads of Electron's WebFrameMain. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Whether an IPC message comes from the app itself: the top frame of a page showing dossier://app.
 * The frame, not the webContents: a webContents' URL says nothing about which frame sent the
 * message, or which page after a navigation. A subframe never qualifies, even one showing the
 * app's own URL, since the app has no frames and an injected one is the likeliest attacker.
 * A frame that is gone (null) does not qualify either.
 */
export function isAppSenderFrame(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** Every IPC handler starts here: see isAppSenderFrame. */
export function assertAppSender(event: { senderFrame: SenderFrame | null | undefined }): void {
  if (!isAppSenderFrame(event.senderFrame)) throw new Error('Refused an IPC call from outside the Dossier app.');
}

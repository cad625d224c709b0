import type { Shell, WebContents } from 'electron';
import { decideWindowOpen, isNavigationAllowed } from '../security/navigation-policy';

// Applied to every webContents the app creates (app 'web-contents-created'), not just the main
// window, so nothing opened later escapes the policy. The decisions themselves live in
// security/navigation-policy.ts and are tested in Node.

/** Denies new windows, foreign navigation and webviews; hands http(s) links to the browser. */
export function hardenWebContents(contents: WebContents, shell: Shell, log: (message: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) {
      shell.openExternal(decision.openExternally).catch((error: unknown) => {
        log(`could not open ${decision.openExternally} in the browser: ${String(error)}`);
      });
    } else {
      log(`refused to open a window for ${JSON.stringify(url)}`);
    }
    return { action: decision.action };
  });
  contents.on('will-navigate', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    log(`refused navigation to ${JSON.stringify(event.url)}`);
  });
  contents.on('will-redirect', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    log(`refused redirect to ${JSON.stringify(event.url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused to attach a <webview>');
  });
}

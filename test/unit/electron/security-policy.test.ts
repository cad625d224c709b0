import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/security/app-origin';
import {
  decideWindowOpen,
  externalUrlToOpen,
  isNavigationAllowed,
} from '../../../electron/security/navigation-policy';
import { isTrustedSender } from '../../../electron/security/sender-policy';

describe('navigation', () => {
  it('stays within the console origin, hash and query included', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('sitroom://console/incidents/42?tab=timeline#top')).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:7420/',
    'file:///etc/passwd',
    'file:///work/main/dist/web/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'sitroom://evil/index.html',
    'sitroom://console.evil.example/',
    'sitroom://console@evil.example/',
    'sitroom://user:pw@console/',
    'sitroom://console:8080/',
    'SITROOM-x://console/',
    'about:blank',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('opening links externally', () => {
  it('passes http and https links on, normalised by the URL parser', () => {
    expect(externalUrlToOpen('https://grafana.example/d/abc?from=now-1h')).toBe(
      'https://grafana.example/d/abc?from=now-1h',
    );
    expect(externalUrlToOpen('HTTP://Runbooks.Example/payments db')).toBe(
      'http://runbooks.example/payments%20db',
    );
  });

  it.each([
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/run.exe',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker/share',
    'slack://open',
    'sitroom://console/index.html',
    'mailto:noc@example.com',
    'https://user:secret@grafana.example/',
    'https://',
    'http//missing-colon.example',
    '//protocol-relative.example/',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });

  it('refuses values that are not strings, and absurdly long URLs', () => {
    expect(externalUrlToOpen(undefined)).toBeNull();
    expect(externalUrlToOpen({ href: 'https://example.com' })).toBeNull();
    expect(externalUrlToOpen(`https://example.com/${'a'.repeat(5000)}`)).toBeNull();
  });
});

describe('window.open', () => {
  it('is always denied; http(s) targets go to the browser instead', () => {
    expect(decideWindowOpen('https://status.example/')).toEqual({
      action: 'deny',
      openExternally: 'https://status.example/',
    });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen(APP_ENTRY_URL)).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('IPC sender', () => {
  it('trusts only the console top-level frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'sitroom://console/', parent: null })).toBe(true);
  });

  it('refuses iframes, other origins and frames that are gone', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///work/main/dist/web/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('agrees with the navigation rule about what is ours', () => {
    for (const url of [APP_ENTRY_URL, 'https://evil.example/', 'sitroom://evil/']) {
      expect(isTrustedSender({ url, parent: null })).toBe(isAppUrl(url));
    }
  });
});

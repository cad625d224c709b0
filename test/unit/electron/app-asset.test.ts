import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from '../../../electron/app-protocol/resolve-asset';

const webRoot = path.resolve('/srv/sitroom/dist/web');
const inRoot = (relative: string): string => path.join(webRoot, relative);

describe('sitroom://console asset resolution', () => {
  it('serves files of the web build', () => {
    expect(resolveAppAsset('sitroom://console/index.html', webRoot)).toBe(inRoot('index.html'));
    expect(resolveAppAsset('sitroom://console/assets/index-abc123.js', webRoot)).toBe(
      inRoot('assets/index-abc123.js'),
    );
    expect(resolveAppAsset('sitroom://console/assets/font%20name.woff2', webRoot)).toBe(
      inRoot('assets/font name.woff2'),
    );
  });

  it('answers the root and client-side routes with index.html', () => {
    expect(resolveAppAsset('sitroom://console/', webRoot)).toBe(inRoot('index.html'));
    expect(resolveAppAsset('sitroom://console/incidents/01HX', webRoot)).toBe(inRoot('index.html'));
  });

  it.each([
    'sitroom://console/../../etc/passwd',
    'sitroom://console/assets/%2e%2e/%2e%2e/secret.txt',
    'sitroom://console/%2e%2e%2f%2e%2e%2fsecret.txt',
    'sitroom://console/assets/..%5c..%5csecret.txt',
    'sitroom://console/index.html%00.png',
    'sitroom://console/%E0%A4%A',
    'sitroom://other/index.html',
    'file:///srv/sitroom/dist/web/index.html',
    'https://console/index.html',
  ])('never leaves the build folder for %j', (url) => {
    // The URL parser already folds ../ and %2e%2e/ away, so some of these land on a (missing)
    // file inside the build; what matters is that none resolves outside it.
    const file = resolveAppAsset(url, webRoot);
    if (file !== null) expect(file.startsWith(webRoot + path.sep)).toBe(true);
  });

  it('refuses encoded traversal, NUL and foreign origins outright', () => {
    for (const url of [
      'sitroom://console/assets/..%5c..%5csecret.txt',
      'sitroom://console/index.html%00.png',
      'sitroom://console/%E0%A4%A',
      'sitroom://other/index.html',
      'file:///srv/sitroom/dist/web/index.html',
    ]) {
      expect(resolveAppAsset(url, webRoot), url).toBeNull();
    }
  });
});

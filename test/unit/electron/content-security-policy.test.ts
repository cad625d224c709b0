import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  withSecurityHeaders,
} from '../../../electron/security/content-security-policy';

const directives = (csp: string): Map<string, string> =>
  new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

describe('the response-header CSP', () => {
  it('allows scripts only from the app and forbids plugins, frames, base and forms', () => {
    const csp = directives(contentSecurityPolicy(null));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(contentSecurityPolicy(null)).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy(null)).not.toContain('unsafe-eval');
  });

  it('lets the page reach its hub over http and websocket, and nothing else', () => {
    expect(directives(contentSecurityPolicy('http://127.0.0.1:41234/')).get('connect-src')).toBe(
      "'self' http://127.0.0.1:41234 ws://127.0.0.1:41234",
    );
    expect(directives(contentSecurityPolicy('https://hub.noc.example')).get('connect-src')).toBe(
      "'self' https://hub.noc.example wss://hub.noc.example",
    );
    expect(directives(contentSecurityPolicy('javascript:alert(1)')).get('connect-src')).toBe("'self'");
  });

  it('replaces any CSP a response carried instead of adding a weaker one beside it', () => {
    const headers = withSecurityHeaders(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      "default-src 'self'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
      'X-Content-Type-Options': ['nosniff'],
    });
  });
});

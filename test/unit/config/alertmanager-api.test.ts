import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { configFolder, HASH_A, lines, loadErrors, removeConfigFolders } from './config-folder';

// An Alertmanager integration may name its API (for silences) and how to sign in to it. The URL
// follows the webhook rule (https, or plain http to loopback); secrets live in the environment.

afterAll(removeConfigFolders);
afterEach(() => {
  delete process.env.SITROOM_TEST_AM_TOKEN;
});

const integrations = (...entry: string[]) =>
  lines(
    'integrations:', //                                        1
    '  - id: prom-dc1', //                                     2
    '    kind: alertmanager', //                               3
    `    token_sha256: ${HASH_A}`, //                          4
    ...entry, //                                               5…
  );

describe('integrations.yaml: api_url', () => {
  it('loads an Alertmanager API with a token from the environment, and silence_role', async () => {
    process.env.SITROOM_TEST_AM_TOKEN = 'secret';
    const dir = configFolder({
      'integrations.yaml': `${integrations('    api_url: https://am.example:9093/', '    api_token_env: SITROOM_TEST_AM_TOKEN')}silence_role: operator\n`,
    });
    const result = await loadConfig(dir);
    if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('; '));
    expect(result.config.integrations[0]?.api).toEqual({
      url: 'https://am.example:9093',
      tokenEnv: 'SITROOM_TEST_AM_TOKEN',
      username: null,
      passwordEnv: null,
    });
    expect(result.config.silenceRole).toBe('operator');
  });

  it('defaults who may silence to commanders', async () => {
    const result = await loadConfig(
      configFolder({ 'integrations.yaml': integrations('    api_url: http://127.0.0.1:9093') }),
    );
    expect(result.ok && result.config.silenceRole).toBe('commander');
  });

  it('refuses plain http beyond loopback, naming file and line', async () => {
    expect(
      await loadErrors({ 'integrations.yaml': integrations('    api_url: http://am.example:9093') }),
    ).toEqual(['integrations.yaml:5: integration "prom-dc1": api_url: must be an https:// URL']);
  });

  it('refuses an unset secret, credentials without a URL, and mixed credentials', async () => {
    expect(
      await loadErrors({
        'integrations.yaml': integrations(
          '    api_url: https://am.example',
          '    api_token_env: SITROOM_TEST_AM_TOKEN',
        ),
      }),
    ).toEqual(["integrations.yaml:6: SITROOM_TEST_AM_TOKEN is not set in the hub's environment"]);
    const noUrl = await loadErrors({ 'integrations.yaml': integrations('    api_username: sitroom') });
    expect(noUrl.join('\n')).toMatch(/api_username needs an api_url/);
    const mixed = await loadErrors({
      'integrations.yaml': integrations(
        '    api_url: https://am.example',
        '    api_token_env: A_TOKEN',
        '    api_username: sitroom',
      ),
    });
    expect(mixed.join('\n')).toMatch(/either api_token_env .* or api_username/);
    expect(mixed.join('\n')).toMatch(/api_username and api_password_env go together/);
  });

  it('refuses api_url on a pagerduty integration and a viewer silence_role', async () => {
    const errors = await loadErrors({
      'integrations.yaml': lines(
        'integrations:',
        `  - { id: zabbix, kind: pagerduty, routing_key: ${'a'.repeat(32)}, api_url: "https://x.example" }`,
        'silence_role: viewer',
      ),
    });
    expect(errors.join('\n')).toMatch(
      /integrations.yaml:2: .*api_url is for alertmanager integrations, not pagerduty/,
    );
    expect(errors.join('\n')).toMatch(
      /integrations.yaml:3: silence_role: must be one of operator, commander, admin/,
    );
  });
});

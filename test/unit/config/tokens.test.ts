import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { findIntegration, findUserByToken, hashToken } from '../../../server/config/tokens';
import type { SitroomConfig } from '../../../shared/config/types';
import { validFixture } from './config-folder';

async function fixtureConfig(): Promise<SitroomConfig> {
  const result = await loadConfig(validFixture);
  if (!result.ok) throw new Error('the valid fixture must load');
  return result.config;
}

describe('hashToken', () => {
  it('is the lowercase hex SHA-256 of the token', () => {
    expect(hashToken('dana-token')).toBe('cc4a95848b6491a30a19bca2a2e7c0bd69d8b10c6d19463f2db2224d9d71cd9d');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('findUserByToken', () => {
  it('finds the user whose token hash matches, whatever case the hash was written in', async () => {
    const config = await fixtureConfig();
    expect(findUserByToken(config, 'dana-token')?.id).toBe('dana');
    expect(findUserByToken(config, 'wall-token')?.role).toBe('viewer');
    // bob's hash is upper case in the fixture.
    expect(findUserByToken(config, 'bob-token')?.id).toBe('bob');
  });

  it('finds nobody for a wrong, empty or near-miss token, or an integration’s token', async () => {
    const config = await fixtureConfig();
    expect(findUserByToken(config, 'dana-token ')).toBeNull();
    expect(findUserByToken(config, '')).toBeNull();
    expect(findUserByToken(config, hashToken('dana-token'))).toBeNull();
    expect(findUserByToken(config, 'prom-dc1-token')).toBeNull();
  });
});

describe('findIntegration', () => {
  it('matches a Bearer or basic-auth token to its integration', async () => {
    const config = await fixtureConfig();
    expect(findIntegration(config, { kind: 'token', token: 'prom-dc1-token' })?.id).toBe('prom-dc1');
    expect(findIntegration(config, { kind: 'token', token: 'grafana-token' })?.kind).toBe('grafana');
    expect(findIntegration(config, { kind: 'token', token: 'dana-token' })).toBeNull();
  });

  it('matches a PagerDuty routing key exactly, and never as a token', async () => {
    const config = await fixtureConfig();
    const key = 'R0ZABBIXDC1abcdefghijklmnopqrstu';
    expect(findIntegration(config, { kind: 'routing_key', routingKey: key })?.id).toBe('zabbix');
    expect(findIntegration(config, { kind: 'routing_key', routingKey: key.toLowerCase() })).toBeNull();
    expect(findIntegration(config, { kind: 'routing_key', routingKey: key.slice(0, 31) })).toBeNull();
    expect(findIntegration(config, { kind: 'routing_key', routingKey: '' })).toBeNull();
    expect(findIntegration(config, { kind: 'token', token: key })).toBeNull();
  });
});

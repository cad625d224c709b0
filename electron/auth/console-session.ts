import type { HubClient } from '../../shared/hub-client';
import type { Session } from '../../shared/protocol';
import { UserFacingError } from '../errors/user-facing-error';
import type { TokenVault } from './token-vault';

export const TOKEN_REFUSED = 'The hub did not accept that token.';

export interface ConsoleSessionOptions {
  readonly hub: Pick<HubClient, 'session'>;
  readonly vault: TokenVault;
  /** Reconnects the replica's socket; its token getter reads the vault, so it signs in afresh. */
  readonly reconnect: () => void;
}

/** Who this console is signed in as, and signing in and out. */
export class ConsoleSession {
  constructor(private readonly options: ConsoleSessionOptions) {}

  /** The signed-in user, or null when the hub wants a token this console does not have. */
  current(): Promise<Session | null> {
    return this.options.hub.session();
  }

  /** Checks the token with the hub before keeping it: a mistyped token is never stored. */
  async signIn(token: string): Promise<Session> {
    const session = await this.options.hub.session(token);
    if (session === null) throw new UserFacingError(TOKEN_REFUSED);
    this.options.vault.keep(token);
    this.options.reconnect();
    return session;
  }

  async signOut(): Promise<void> {
    this.options.vault.forget();
    this.options.reconnect();
  }
}

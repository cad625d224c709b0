import { createHash } from 'node:crypto';
import { planCommand } from '../../shared/command-plan';
import { type CommandAnswer, type CommandRejection, commandRole, commandSchema } from '../../shared/commands';
import type { SitroomConfig } from '../../shared/config/types';
import type { Actor, Incident } from '../../shared/domain';
import type { NewEvent } from '../../shared/events';
import { hasRole, type User } from '../../shared/roles';
import { actorName } from '../api-view';
import type { Directory } from '../auth/directory';
import { StoreUnavailableError } from '../store/event-log';
import type { Writer } from '../store/writer';

// The one door for operator actions, shared by the socket and POST /api/v1/commands: validate
// the body, check the sender's role, then let the writer check it against current state and
// record it (or its refusal) exactly once per commandId.

export class CommandService {
  constructor(
    private readonly writer: Writer,
    private readonly directory: () => Directory,
    private readonly now: () => number = Date.now,
    /** Plans `escalate` at `now` from the live escalation policies. */
    private readonly escalate?: (
      incident: Incident,
      level: number | undefined,
      actor: Actor,
      now: number,
    ) => NewEvent[] | CommandRejection,
    /** Brings incidents let go of (long resolved) back from the log before a command is planned. */
    private readonly recall: (incidentIds: ReadonlyArray<string>) => Promise<void> = async () => {},
    /** Told each command's type (as sent) and outcome, for the hub's metrics. */
    private readonly answered?: (type: unknown, outcome: string) => void,
    /** Who may silence and which Alertmanagers can be reached (integrations.yaml). */
    private readonly config?: () => Pick<SitroomConfig, 'silenceRole' | 'integrations'>,
  ) {}

  async execute(body: unknown, user: User): Promise<CommandAnswer> {
    const type = typeof body === 'object' && body !== null && 'type' in body ? body.type : undefined;
    try {
      const answer = await this.answer(body, user);
      this.answered?.(type, answer.ok ? 'ok' : answer.error.code);
      return answer;
    } catch (error) {
      this.answered?.(type, error instanceof StoreUnavailableError ? 'unavailable' : 'error');
      throw error;
    }
  }

  private async answer(body: unknown, user: User): Promise<CommandAnswer> {
    const parsed = commandSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.join('.') ?? '';
      return {
        ok: false,
        error: {
          code: 'invalid',
          message: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid command'}`,
        },
      };
    }
    const command = parsed.data;
    const config = this.config?.();
    const needed = commandRole(command.type, config?.silenceRole);
    if (!hasRole(user.role, needed)) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: `${user.name} is signed in as ${user.role}; ${command.type.replaceAll('_', ' ')} needs the ${needed} role.`,
        },
      };
    }
    const directory = this.directory();
    const escalate = this.escalate;
    await this.recall(
      command.type === 'merge' ? [command.incidentId, command.intoIncidentId] : [command.incidentId],
    );
    // The parsed command (its keys in the schema's order) is what is hashed, so the same action
    // sent again hashes the same however its JSON was spelt.
    const bodySha256 = createHash('sha256').update(JSON.stringify(command)).digest('hex');
    const key = { commandId: command.commandId, userId: user.id, bodySha256 };
    return this.writer.submitCommand(key, (view) => {
      const now = this.now();
      return planCommand(command, view, {
        user,
        now,
        userExists: (id) => directory.userExists(id),
        watchesOnly: (id) => directory.watchesOnly(id),
        actorName: (actor) =>
          actor.kind === 'user' ? directory.userName(actor.id) : (actorName(actor) ?? 'Sitroom'),
        runbookSteps: (incident) => directory.runbookSteps(incident),
        catalogGraph: () => directory.catalogGraph(),
        ...(escalate ? { escalate: (incident, level, actor) => escalate(incident, level, actor, now) } : {}),
        silenceable: (ids) =>
          ids.filter((id) => config?.integrations.some((entry) => entry.id === id && entry.api !== null)),
      });
    });
  }
}

/** The HTTP status for a command's answer. */
export function commandStatus(answer: CommandAnswer): number {
  if (answer.ok) return 200;
  switch (answer.error.code) {
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'unavailable':
      return 503;
    default:
      return 400;
  }
}

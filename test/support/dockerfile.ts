// Reads deploy/Dockerfile into stages and instructions, so a test can do what the image's last
// stage does without Docker (no base image can be pulled on these machines).

export interface Instruction {
  readonly op: string;
  readonly args: string;
}

export interface Stage {
  readonly name: string;
  readonly instructions: ReadonlyArray<Instruction>;
}

/** The Dockerfile's stages in order, continuation lines joined and comments dropped. */
export function dockerfileStages(text: string): Stage[] {
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Array<{ name: string; instructions: Instruction[] }> = [];
  for (const line of logical) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { op: op.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (instruction.op === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length), instructions: [] });
    }
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** `ENV A=1 B=2` lines of a stage as one map. */
export function stageEnv(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const { op, args } of stage.instructions) {
    if (op !== 'ENV') continue;
    for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) env.set(key as string, value as string);
  }
  return env;
}

/** An exec-form instruction's words: CMD ["node", "x"] → ['node', 'x']. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  return JSON.parse(json) as string[];
}

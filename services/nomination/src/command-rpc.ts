import { answer, validateCommand } from '@ttkt/messaging';

/**
 * The body of every nomination command controller: validates the RPC payload (a malformed one is
 * refused with `validation-failed` before anything runs), then runs the command and answers,
 * domain errors travelling as their codes.
 */
export function runCommand<Command extends object, Result>(
  type: new () => Command,
  payload: unknown,
  run: (command: Command) => Promise<Result>,
): Promise<Result> {
  const command = validateCommand(type, payload);
  return answer(() => run(command));
}

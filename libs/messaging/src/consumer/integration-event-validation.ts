import { CONTRACT_EVENTS, IntegrationEvent } from '@ttkt/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { PermanentError } from '../transport';

/**
 * Parses a message body as an {@link IntegrationEvent} and validates the envelope and, when the
 * type is registered in `CONTRACT_EVENTS`, its payload (class-validator). Anything that can never
 * succeed — not JSON, a broken envelope, a payload that breaks its contract, an id or type that
 * contradicts the message's — is a {@link PermanentError} naming every problem.
 * @param body - the message body.
 * @param expected - the message's `messageId` and routing key; the envelope must agree with them.
 */
export async function parseIntegrationEvent(
  body: string,
  expected: { messageId: string; routingKey: string },
): Promise<IntegrationEvent> {
  let plain: unknown;
  try {
    plain = JSON.parse(body);
  } catch (error) {
    throw new PermanentError(
      `body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new PermanentError('body is not an integration event envelope (not a JSON object)');
  }
  const event = plainToInstance(IntegrationEvent, plain);
  const envelopeProblems = describe(await validate(event, { forbidUnknownValues: true }));
  if (envelopeProblems.length > 0) {
    throw new PermanentError(`invalid integration event envelope: ${envelopeProblems.join('; ')}`);
  }
  if (expected.messageId !== '' && event.id !== expected.messageId) {
    throw new PermanentError(
      `envelope id ${event.id} differs from the message id ${expected.messageId}`,
    );
  }
  if (event.type !== expected.routingKey) {
    throw new PermanentError(
      `envelope type ${event.type} differs from the routing key ${expected.routingKey}`,
    );
  }
  const payloadClass = CONTRACT_EVENTS[event.type];
  if (payloadClass !== undefined) {
    const data = plainToInstance(payloadClass, event.data);
    const payloadProblems = describe(await validate(data, { forbidUnknownValues: true }), 'data');
    if (payloadProblems.length > 0) {
      throw new PermanentError(`invalid ${event.type} payload: ${payloadProblems.join('; ')}`);
    }
    event.data = data;
  }
  return event;
}

/** class-validator's tree as `path: constraint message` lines. */
function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

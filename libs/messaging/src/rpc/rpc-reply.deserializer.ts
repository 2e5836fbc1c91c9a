import type { Deserializer, IncomingResponse } from '@nestjs/microservices';

/**
 * An error the remote server sent back in its reply (as opposed to one raised by the connection
 * on the caller's side). {@link toRpcError} turns the first into a remote error and the second
 * into a {@link ServiceUnavailableError}.
 */
export class RemoteFailure {
  constructor(
    /** The `err` of the reply packet, as the server sent it. */
    readonly error: unknown,
  ) {}
}

/**
 * Reads reply packets as Nest's own response deserializer does, but marks their `err` as a
 * {@link RemoteFailure}, so that errors sent by servers cannot be confused with transport errors
 * (which Nest also hands over as plain objects or strings).
 */
export class RpcReplyDeserializer implements Deserializer<unknown, IncomingResponse> {
  /** One reply packet (already parsed from JSON by the client). */
  deserialize(value: unknown): IncomingResponse {
    if (!isReplyPacket(value)) {
      // A reply from a non-Nest server: the whole body is the answer.
      return { id: '', response: value, isDisposed: true };
    }
    if (value.err === undefined || value.err === null) return value;
    return { ...value, err: new RemoteFailure(value.err), isDisposed: true };
  }
}

function isReplyPacket(value: unknown): value is IncomingResponse {
  if (typeof value !== 'object' || value === null) return false;
  const packet = value as Record<string, unknown>;
  return (
    packet['err'] !== undefined ||
    packet['response'] !== undefined ||
    packet['isDisposed'] !== undefined
  );
}

import { DomainError } from '@ttkt/contracts';
import { DomainRpcError } from './domain-rpc-error';
import {
  RemoteDomainError,
  RemoteInternalError,
  RpcTimeoutError,
  ServiceUnavailableError,
  toRpcError,
  type RpcTarget,
} from './rpc-errors';
import { RemoteFailure, RpcReplyDeserializer } from './rpc-reply.deserializer';

const target: RpcTarget = { service: 'campaign', pattern: 'campaign.draft-campaign' };

describe('toRpcError', () => {
  it('turns a DomainRpcError sent back by a server into a RemoteDomainError with the same payload', () => {
    const thrown = DomainRpcError.from(
      new DomainError('deadline-passed', { deadline: '2021-05-01' }),
    );
    const error = toRpcError(
      new RemoteFailure(JSON.parse(JSON.stringify(thrown.getError()))),
      target,
    );

    expect(error).toBeInstanceOf(RemoteDomainError);
    expect(error).toMatchObject({
      code: 'deadline-passed',
      status: 422,
      params: { deadline: '2021-05-01' },
      target,
    });
  });

  it('turns an unknown code sent back by a server into a RemoteInternalError', () => {
    const error = toRpcError(
      new RemoteFailure({ status: 'error', kind: 'domain', code: 'no-such-code' }),
      target,
    );
    expect(error).toBeInstanceOf(RemoteInternalError);
  });

  it("turns Nest's own remote errors into RemoteInternalErrors", () => {
    const unknown = toRpcError(
      new RemoteFailure({ status: 'error', message: 'Internal server error' }),
      target,
    );
    const noHandler = toRpcError(
      new RemoteFailure('There is no matching message handler defined in the remote service.'),
      target,
    );
    expect(unknown).toMatchObject({
      code: 'internal-error',
      status: 500,
      remoteMessage: 'Internal server error',
    });
    expect(noHandler).toMatchObject({ code: 'internal-error', remoteMessage: 'no handler' });
  });

  it('turns what the connection raised on the caller side into ServiceUnavailableError', () => {
    for (const raised of [
      'Error: Connection lost. Trying to reconnect...',
      new Error('connect ECONNREFUSED 127.0.0.1:1'),
      { err: new Error('connect ECONNREFUSED'), url: 'amqp://127.0.0.1:1' },
    ]) {
      const error = toRpcError(raised, target);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error).toMatchObject({ code: 'service-unavailable', status: 503 });
    }
  });

  it('passes RpcErrors through', () => {
    const timeout = new RpcTimeoutError(target, 300);
    expect(toRpcError(timeout, target)).toBe(timeout);
  });
});

describe('RpcReplyDeserializer', () => {
  const replies = new RpcReplyDeserializer();

  it('marks the error of a reply as remote', () => {
    const packet = replies.deserialize({
      err: { status: 'error', message: 'x' },
      isDisposed: true,
    });
    expect(packet.err).toBeInstanceOf(RemoteFailure);
  });

  it('leaves answers as they are, and takes a foreign body as the whole answer', () => {
    expect(replies.deserialize({ response: 1, isDisposed: true })).toEqual({
      response: 1,
      isDisposed: true,
    });
    expect(replies.deserialize({ total: 1 })).toEqual({
      id: '',
      response: { total: 1 },
      isDisposed: true,
    });
  });
});

import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

/** The routing-key form every integration event uses: `<service>.<fact>.v<n>`, e.g. `campaign.drafted.v1`. */
export const ROUTING_KEY_PATTERN =
  /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*\.v[1-9][0-9]*$/;

/** Builds a routing key from its parts: `routingKey('campaign', 'drafted', 1)` → `campaign.drafted.v1`. */
export function routingKey(service: string, fact: string, version: number): string {
  const key = `${service}.${fact}.v${version}`;
  if (!ROUTING_KEY_PATTERN.test(key)) {
    throw new Error(`not a valid routing key: ${key}`);
  }
  return key;
}

/** Who caused an event: a signed-in user, an API client, or the platform itself. */
export class Actor {
  /** `user` (a person signed in), `api-key` (a machine client) or `system` (the platform, e.g. a saga). */
  @IsIn(['user', 'api-key', 'system'])
  kind!: 'user' | 'api-key' | 'system';

  /** The user's or key's id; for `system`, the component's name (e.g. `register-saga`). */
  @IsString()
  @IsNotEmpty()
  id!: string;
}

/** Where an integration event comes from: the writing service, its stream and its log position. */
export class EventSource {
  /** The publishing service, e.g. `campaign`. The first segment of the routing key. */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]*$/)
  service!: string;

  /** The stream the fact was recorded in, `<type>-<id>` (e.g. `campaign-0b6e…`). */
  @IsString()
  @IsNotEmpty()
  streamId!: string;

  /** The stream's version after this event (1 for the first event). Read models guard on it. */
  @IsInt()
  @Min(1)
  streamVersion!: number;

  /**
   * The opaque read-your-writes token of this event in the publishing service's log
   * (`<service>:<token>`). Compare only tokens of the same service, and only with `comparePositions`.
   */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/)
  position!: string;

  /**
   * The `position` of the previous event this service's relay published (same token format,
   * `<service>:<xid>.<gp>`, same service), absent for the first one. Events that stay inside the
   * service are not published and are not linked. Published events form one chain in log order,
   * so a consumer that receives every event of a source can tell from it that nothing published
   * before is missing: an event whose previous event it has received extends what it holds
   * contiguously. Set by the relay; a re-published event carries the same value.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/)
  previousPosition?: string;
}

/**
 * The envelope every integration event travels in, over RabbitMQ and the in-process transport alike.
 * `id` is the stored event's id and the AMQP `messageId`; consumers deduplicate on it.
 */
export class IntegrationEvent<TData extends object = object> {
  /** The event's id (a UUID): the stored event's id, so a re-published event keeps it. */
  @IsUUID()
  id!: string;

  /** The contract name and routing key, `<service>.<fact>.v<n>`. */
  @IsString()
  @Matches(ROUTING_KEY_PATTERN)
  type!: string;

  /** The tenant (a province or ministry) the fact belongs to. Every consumer scopes by it. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** When the fact happened, ISO-8601 with offset, from the publishing service's clock. */
  @IsISO8601({ strict: true })
  occurredAt!: string;

  /** The stream and log position the event comes from. */
  @ValidateNested()
  @Type(() => EventSource)
  source!: EventSource;

  /** Who caused it. */
  @IsOptional()
  @ValidateNested()
  @Type(() => Actor)
  actor?: Actor;

  /** The id shared by every message caused by one request (for tracing a request across services). */
  @IsOptional()
  @IsString()
  correlationId?: string;

  /** The id of the message or request that directly caused this one. */
  @IsOptional()
  @IsString()
  causationId?: string;

  /** The payload, validated by the consumer against the contract class registered for `type`. */
  @IsObject()
  data!: TData;
}

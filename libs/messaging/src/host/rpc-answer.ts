import { DomainError, type ValidationIssue } from '@ttkt/contracts';
import { VersionConflict } from '@ttkt/event-store';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainRpcError } from '../rpc/domain-rpc-error';

/**
 * Checks an RPC message against its command class (strict: unknown fields refused) and returns the
 * typed command; a mismatch is a `validation-failed` domain error with the failing paths.
 */
export function validateCommand<T extends object>(type: new () => T, payload: unknown): T {
  const instance = plainToInstance(type, payload ?? {});
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new DomainRpcError({
      code: 'validation-failed',
      errors: flattenValidationErrors(errors),
    });
  }
  return instance;
}

/** class-validator's tree as `{ path, message }` issues, paths dotted with array indexes. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ValidationIssue[] {
  return errors.flatMap((error) => {
    const path = joinPath(parent, error.property);
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      path,
      message: constraint,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/**
 * Runs a command handler for an RPC answer: domain errors travel as their codes, a lost
 * concurrency race as `version-conflict`; anything else is unexpected and stays generic.
 */
export async function answer<T>(handler: () => Promise<T>): Promise<T> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof DomainError) throw new DomainRpcError(error.toPayload());
    if (error instanceof VersionConflict) throw new DomainRpcError({ code: 'version-conflict' });
    throw error;
  }
}

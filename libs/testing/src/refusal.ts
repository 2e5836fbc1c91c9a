import { DomainError } from '@ttkt/contracts';

/**
 * The domain error a pure decision throws, for given/when/then specs of deciders. Fails the test
 * when the decision throws nothing, and rethrows any other error as it is.
 * @param decide - calls the decider with the command and the state under test.
 */
export function refusalOf(decide: () => unknown): DomainError {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a domain error, the command was accepted');
}

import type { RegisterEntryView, RegisterView } from '@ttkt/contracts';
import type { RegisterState } from './register.state';

/** The register as the `document.get-register` query answers it: every number, in order. */
export function toRegisterView(agencyId: string, year: number, state: RegisterState): RegisterView {
  const entries = [...state.numbers.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, entry]): RegisterEntryView => {
      const { assignment } = entry;
      return {
        number,
        formatted: assignment.formatted,
        symbol: assignment.symbol,
        documentKind: assignment.documentKind,
        status: entry.status,
        issuedOn: assignment.issuedOn,
        requestedBy: { kind: assignment.requestedBy.kind, id: assignment.requestedBy.id },
        requestId: assignment.requestId,
        assignedAt: assignment.assignedAt,
        voidReason: entry.status === 'voided' ? entry.reason : null,
        voidedAt: entry.status === 'voided' ? entry.voidedAt : null,
        revokedReason: entry.status === 'revoked' ? entry.reason : null,
        revokedAt: entry.status === 'revoked' ? entry.revokedAt : null,
      };
    });
  return { agencyId, year, entries };
}

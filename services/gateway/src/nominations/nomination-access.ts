import {
  GET_CAMPAIGN,
  LIST_UNITS,
  type AuthenticatedUser,
  type CampaignView,
  type GetCampaignQuery,
  type ListUnitsQuery,
  type NominationView,
  type Role,
  type UnitView,
} from '@ttkt/contracts';
import type { CommandSender } from '@ttkt/messaging';
import { canSeeAgency, holdsRoleIn, isSystemAdmin } from '../auth/authorization';
import { ProblemException } from '../problem/problem.exception';
import { NOMINATION, NOMINATION_SERVICE } from './nomination-patterns';

/** The roles of an agency that see all of its dossiers (everyone but a unit-head alone). */
const AGENCY_WIDE_ROLES: readonly Role[] = [
  'agency-admin',
  'secretariat',
  'registry-clerk',
  'council-member',
  'agency-head',
  'viewer',
];

/** Who may act on dossiers (nominate, attach, submit, withdraw) for any unit of the agency. */
const AGENCY_WIDE_ACTORS: readonly Role[] = ['secretariat'];

/** What a caller may see of an agency's dossiers: all of them, or those of some units. */
export type DossierScope = { kind: 'all' } | { kind: 'units'; unitIds: string[] };

/**
 * Who may see and do what with the dossiers of an agency (API.md, Nominations):
 * - every member of the agency reads its dossiers, except a user who is only a `unit-head` there:
 *   a unit-head sees the dossiers nominated by the unit of its grant and that unit's sub-units
 *   (transitively); a unit-head grant without a unit sees none;
 * - the `secretariat` acts on every dossier of the agency; a `unit-head` on its units' dossiers;
 * - a dossier the caller may not see is `404`, as another agency's is; a member who sees a
 *   dossier but may not act on it gets `403`.
 *
 * One instance per request (it caches the agency's units).
 */
export class NominationAccess {
  private readonly units = new Map<string, Promise<UnitView[]>>();

  constructor(
    private readonly sender: CommandSender,
    private readonly user: AuthenticatedUser,
    private readonly tenantId: string,
  ) {}

  /** The dossier, or `404` when there is none or the caller may not see it. */
  async visibleNomination(nominationId: string): Promise<NominationView> {
    const nomination = await this.sender.send<NominationView>(NOMINATION_SERVICE, NOMINATION.get, {
      tenantId: this.tenantId,
      nominationId,
    });
    if (!(await this.canSee(nomination))) throw new ProblemException('not-found');
    return nomination;
  }

  /** The dossier, `404` unless visible, `403` unless the caller may act on it. */
  async actionableNomination(nominationId: string): Promise<NominationView> {
    const nomination = await this.visibleNomination(nominationId);
    if (!(await this.canActFor(nomination.agencyId, nomination.nominatingUnitId))) {
      throw new ProblemException('forbidden');
    }
    return nomination;
  }

  /** The campaign, or `404` when there is none or its agency is not the caller's. */
  async visibleCampaign(campaignId: string): Promise<CampaignView> {
    const query: GetCampaignQuery = { tenantId: this.tenantId, campaignId };
    const campaign = await this.sender.send<CampaignView>('campaign', GET_CAMPAIGN, query);
    if (!canSeeAgency(this.user, campaign.agencyId)) throw new ProblemException('not-found');
    return campaign;
  }

  /** `403` unless the caller may nominate for `unitId` in `agencyId` (visibility checked before). */
  async assertCanActFor(agencyId: string, unitId: string): Promise<void> {
    if (!(await this.canActFor(agencyId, unitId))) throw new ProblemException('forbidden');
  }

  /** What the caller sees of `agencyId`'s dossiers (call after the agency proved visible). */
  async scope(agencyId: string): Promise<DossierScope> {
    if (isSystemAdmin(this.user) || holdsRoleIn(this.user, agencyId, AGENCY_WIDE_ROLES)) {
      return { kind: 'all' };
    }
    return { kind: 'units', unitIds: await this.unitHeadUnits(agencyId) };
  }

  private async canSee(nomination: NominationView): Promise<boolean> {
    if (!canSeeAgency(this.user, nomination.agencyId)) return false;
    const scope = await this.scope(nomination.agencyId);
    return scope.kind === 'all' || scope.unitIds.includes(nomination.nominatingUnitId);
  }

  private async canActFor(agencyId: string, unitId: string): Promise<boolean> {
    if (holdsRoleIn(this.user, agencyId, AGENCY_WIDE_ACTORS)) return true;
    return (await this.unitHeadUnits(agencyId)).includes(unitId);
  }

  /** The units of the caller's `unit-head` grants in `agencyId` and their sub-units. */
  private async unitHeadUnits(agencyId: string): Promise<string[]> {
    const roots = this.user.grants
      .filter((grant) => grant.role === 'unit-head' && grant.agencyId === agencyId)
      .flatMap((grant) => (grant.unitId === null ? [] : [grant.unitId]));
    if (roots.length === 0) return [];
    const units = await this.unitsOf(agencyId);
    const children = new Map<string, string[]>();
    for (const unit of units) {
      if (unit.parentUnitId === null) continue;
      children.set(unit.parentUnitId, [...(children.get(unit.parentUnitId) ?? []), unit.id]);
    }
    const found = new Set<string>();
    const pending = [...roots];
    while (pending.length > 0) {
      const unitId = pending.pop() as string;
      if (found.has(unitId)) continue;
      found.add(unitId);
      pending.push(...(children.get(unitId) ?? []));
    }
    return [...found];
  }

  private unitsOf(agencyId: string): Promise<UnitView[]> {
    let units = this.units.get(agencyId);
    if (!units) {
      units = UNIT_TREES.get(this.sender, this.tenantId, agencyId);
      this.units.set(agencyId, units);
    }
    return units;
  }
}

/**
 * The agencies' unit trees, kept a few seconds across requests: a unit-head's every dossier
 * request needs its agency's tree, and at the deadline rush hundreds of them asked the directory
 * for the same list each second. A unit created meanwhile widens a unit-head's view at most
 * {@link UNIT_TREE_TTL_MS} later; a failed read is not kept.
 */
class UnitTreeCache {
  private readonly trees = new Map<string, { at: number; units: Promise<UnitView[]> }>();

  get(sender: CommandSender, tenantId: string, agencyId: string): Promise<UnitView[]> {
    const key = `${tenantId}/${agencyId}`;
    const now = Date.now();
    const kept = this.trees.get(key);
    if (kept && now - kept.at < UNIT_TREE_TTL_MS) return kept.units;
    const query: ListUnitsQuery = { tenantId, agencyId };
    const units = sender
      .send<{ items: UnitView[] }>('directory', LIST_UNITS, query)
      .then((list) => list.items);
    units.catch(() => this.trees.delete(key));
    if (this.trees.size >= UNIT_TREE_MAX_AGENCIES) this.trees.clear();
    this.trees.set(key, { at: now, units });
    return units;
  }
}

/** How long an agency's unit tree is reused. */
export const UNIT_TREE_TTL_MS = 5_000;
const UNIT_TREE_MAX_AGENCIES = 1_000;
const UNIT_TREES = new UnitTreeCache();

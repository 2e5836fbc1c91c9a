import { Injectable } from '@nestjs/common';
import type { NomineeRef } from '@ttkt/contracts';
import type { PoolClient } from 'pg';
import { CampaignCopy } from '../copies/campaign-copy';
import { DirectoryCopy } from '../copies/directory-copy';
import type { CampaignFacts, HoldFacts, NomineeFacts, UnitFacts } from './nomination-rules';
import type { ExistingNomination } from './nomination.state';

/** How long a command waits for a fact the copies do not hold yet. */
export const FACTS_WAIT_MS = 3_000;
const POLL_MS = 50;

/** The facts of other services a dossier command decides on. */
export interface DossierFacts {
  campaign: CampaignFacts | null;
  nomineeFacts: NomineeFacts | null;
  units: UnitFacts[];
  openHolds: HoldFacts[];
}

/** What a new dossier names. */
export interface NominationKey {
  campaignId: string;
  nominatingUnitId: string;
  nominee: NomineeRef;
}

/**
 * Loads the facts a command puts in front of its decider from the service's copies: the
 * campaign's award forms and deadlines, the agency's units, the nominee as the directory holds
 * them now, and the person's open holds.
 *
 * The copies may lag their sources by a moment: a campaign issued (or a person registered) an
 * instant before a unit nominates may not have arrived yet. Refusing then would make a client that
 * did everything in order see a spurious refusal, so a new nomination that misses a fact polls the
 * copies (no transaction held) for at most {@link FACTS_WAIT_MS} before its decider refuses.
 */
@Injectable()
export class NominationFacts {
  constructor(
    private readonly campaigns: CampaignCopy,
    private readonly directory: DirectoryCopy,
  ) {}

  /** The facts of a new dossier, waiting a moment for missing ones. */
  async awaitForNomination(
    tenantId: string,
    key: NominationKey,
    waitMs = FACTS_WAIT_MS,
  ): Promise<DossierFacts> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const facts = await this.read(tenantId, key);
      const complete =
        facts.campaign !== null &&
        facts.nomineeFacts !== null &&
        facts.units.some((unit) => unit.unitId === key.nominatingUnitId);
      if (complete || Date.now() >= deadline) return facts;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** The facts of an existing dossier, read in the command's transaction. */
  forDossier(
    client: PoolClient,
    tenantId: string,
    dossier: ExistingNomination,
  ): Promise<DossierFacts> {
    return this.read(tenantId, dossier, client);
  }

  /** The campaign as the copy holds it (for a command that needs only its forms). */
  campaign(
    client: PoolClient,
    tenantId: string,
    campaignId: string,
  ): Promise<CampaignFacts | null> {
    return this.campaigns.read(tenantId, campaignId, client);
  }

  private async read(
    tenantId: string,
    key: NominationKey,
    client?: PoolClient,
  ): Promise<DossierFacts> {
    const campaign = await this.campaigns.read(tenantId, key.campaignId, client);
    const nomineeFacts = await this.directory.nominee(tenantId, key.nominee, client);
    const agencyId =
      campaign?.agencyId ??
      (await this.directory.unit(tenantId, key.nominatingUnitId, client))?.agencyId;
    const units =
      agencyId === undefined ? [] : await this.directory.agencyUnits(tenantId, agencyId, client);
    const openHolds =
      key.nominee.kind === 'individual'
        ? await this.directory.openHolds(tenantId, key.nominee.personId, client)
        : [];
    return { campaign, nomineeFacts, units, openHolds };
  }
}

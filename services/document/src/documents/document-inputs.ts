import type {
  CampaignIssuedV1,
  DecisionIssuedV1,
  NomineeSnapshot,
  ProposalIssuedV1,
  SessionClosedV1,
} from '@ttkt/contracts';

/**
 * The names in force on a document's date, from the document service's copy of the directory:
 * the issuing agency's, its parent agency's (null when it has none) and the tenant's (the
 * province: `Tỉnh Bắc Kạn`).
 */
export interface AgencyNames {
  agencyName: string;
  parentName: string | null;
  tenantName: string;
}

/** A campaign as the minutes name it: its plan's title, number and date, its award forms' names. */
export interface CampaignFacts {
  title: string;
  planNumber: string;
  /** The plan's date (`YYYY-MM-DD`). */
  issuedOn: string;
  awardForms: { code: string; name: string }[];
}

/** A dossier's nominee as it was submitted, for the minutes' tally lines. */
export interface NomineeFacts {
  nominationId: string;
  awardFormCode: string;
  nominee: NomineeSnapshot;
}

/**
 * Everything one document's generation needs, stored in its `DocumentRequested` event: the
 * payload of the event it comes from and the names in force on its date, so a retry or a
 * regeneration reads nothing else and writes the same text.
 */
export type DocumentInput =
  | { kind: 'plan'; names: AgencyNames; campaign: CampaignIssuedV1 }
  | {
      kind: 'decision';
      names: AgencyNames;
      decision: DecisionIssuedV1;
      /** The day of the council session the decision rests on, when the copy knows it. */
      sessionHeldOn: string | null;
    }
  /** The decision with only this certificate's awardee in `awardees`. */
  | { kind: 'certificate'; names: AgencyNames; decision: DecisionIssuedV1 }
  | {
      kind: 'proposal' | 'summary-list';
      names: AgencyNames;
      proposal: ProposalIssuedV1;
      /** The day of the council session the proposal rests on, when the copy knows it. */
      sessionHeldOn: string | null;
    }
  | {
      kind: 'minutes';
      names: AgencyNames;
      session: SessionClosedV1;
      /** The session's campaign, when its plan reached the copy; null otherwise. */
      campaign: CampaignFacts | null;
      /** The nominees of the tallied dossiers the copy knows (submitted dossiers), by dossier. */
      nominees: Record<string, NomineeFacts>;
      /**
       * Display names of the council's members by user id. Users are not published by the
       * directory, so this is empty for now and the minutes print the ids.
       */
      members: Record<string, string>;
    };

import {
  HOLD,
  NOMINATION_ID,
  at,
  given,
  history,
  submittedThen,
  then,
} from '../nomination.spec-fixture';
import type { ExistingNomination } from '../nomination.state';
import { decideHoldChange, type ChangeHold } from './hold-change.decide';

const SYSTEM = { kind: 'system', id: 'directory-copy' };
const opened: ChangeHold = {
  type: 'ChangeHold',
  nominationId: NOMINATION_ID,
  change: { kind: 'opened', holdId: 'h-1', holdKind: 'discipline', openedOn: '2021-04-20' },
  actor: SYSTEM,
  now: at('2021-05-07T09:00:00+07:00'),
};
const closed: ChangeHold = { ...opened, change: { kind: 'closed', holdId: 'h-1' } };

describe('a hold opened after the dossier was drafted', () => {
  it('is flagged on a live dossier (submitted here), so review sees it', () => {
    const state = submittedThen();
    const events = decideHoldChange(opened, state);
    expect(events).toEqual([
      {
        type: 'NominationHoldFlagged',
        data: {
          nominationId: NOMINATION_ID,
          at: '2021-05-07T02:00:00.000Z',
          by: SYSTEM,
          holdId: 'h-1',
          kind: 'discipline',
          openedOn: '2021-04-20',
        },
      },
    ]);
    expect((then(state, events) as ExistingNomination).holds).toEqual([HOLD]);
  });

  it('is flagged once, however often the directory event arrives', () => {
    expect(decideHoldChange(opened, submittedThen(history.holdFlagged()))).toEqual([]);
  });

  it('is not flagged on a withdrawn or not-approved dossier, nor on a collective', () => {
    expect(decideHoldChange(opened, given([history.drafted(), history.withdrawn()]))).toEqual([]);
    expect(
      decideHoldChange(opened, submittedThen(history.accepted(), history.notApproved())),
    ).toEqual([]);
    expect(decideHoldChange(opened, given([history.drafted('collective')]))).toEqual([]);
  });
});

describe('a hold closed', () => {
  it('is cleared from the dossier carrying it', () => {
    const state = given([history.drafted(), history.holdFlagged()]);
    const events = decideHoldChange(closed, state);
    expect(events.map((event) => event.type)).toEqual(['NominationHoldCleared']);
    expect((then(state, events) as ExistingNomination).holds).toEqual([]);
  });

  it('changes nothing on a dossier without it', () => {
    expect(decideHoldChange(closed, given([history.drafted()]))).toEqual([]);
  });
});

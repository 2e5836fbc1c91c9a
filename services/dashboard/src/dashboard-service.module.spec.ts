import { CONTRACT_EVENTS } from '@ttkt/contracts';
import { DASHBOARD_CONSUMES } from './dashboard-service.module';

/** The first segment of a routing key: the publishing service. */
const sourceOf = (routingKey: string): string => routingKey.split('.')[0] ?? routingKey;

describe('what the dashboard consumes', () => {
  it("takes every contract event of each source it reads, so that no source's chain has a hole", () => {
    // A source's watermark follows `source.previousPosition` from event to event: an event of a
    // source the dashboard is not bound for would stop that source's watermark for good.
    const sources = new Set(DASHBOARD_CONSUMES.map(sourceOf));
    const published = Object.keys(CONTRACT_EVENTS).filter((key) => sources.has(sourceOf(key)));
    expect([...DASHBOARD_CONSUMES].sort()).toEqual([...published].sort());
  });
});

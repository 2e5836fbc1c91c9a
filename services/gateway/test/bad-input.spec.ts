import type { CommandSender } from '@ttkt/messaging';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startGateway, type RunningGateway } from '../src/gateway';

/**
 * Bad input never reaches a service and never gets a 500: the gateway answers problem+json in
 * Vietnamese (English on request) and sends no command.
 */
describe('gateway: bad input', () => {
  const sent: string[] = [];
  const sender: CommandSender = {
    send: (service: string, pattern: string) => {
      sent.push(`${service} ${pattern}`);
      return Promise.reject(new Error('no command should be sent for bad input'));
    },
    close: () => Promise.resolve(),
  };
  let gateway: RunningGateway;
  const server = (): App => gateway.app.getHttpServer() as App;

  beforeAll(async () => {
    gateway = await startGateway({ sender, logger: false });
  });

  afterAll(async () => {
    await gateway.stop();
    expect(sent).toEqual([]);
  });

  it('answers malformed JSON with 400 validation-failed', async () => {
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('content-type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'validation-failed',
      status: 400,
      title: 'Dữ liệu không hợp lệ',
    });
  });

  it('answers a body over the limit with 413 payload-too-large', async () => {
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('Accept-Language', 'en')
      .send({ agencyId: 'a', title: 'x'.repeat(3 * 1024 * 1024) })
      .expect(413);
    expect(response.body).toMatchObject({
      type: 'payload-too-large',
      status: 413,
      title: 'Payload too large',
    });
  });

  it('refuses a body nested deeper than any plan with 400, not a 500', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('content-type', 'application/json')
      .send(`{"agencyId":"a","title":"t","period":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'validation-failed' });
  });

  it('refuses unknown fields and reports each failing path, ignoring $-comments', async () => {
    const response = await request(server())
      .post('/api/v1/campaigns')
      .send({ $comment: 'ignored', agencyId: 7, title: '', planNumber: '27/KH-SKHCN' })
      .expect(400);
    const paths = (response.body as { errors: { path: string }[] }).errors.map(
      (error) => error.path,
    );
    expect(new Set(paths)).toEqual(new Set(['agencyId', 'title', 'planNumber']));
  });

  it('refuses a campaign id that is not a UUID and a malformed minPosition', async () => {
    const badId = await request(server()).get('/api/v1/campaigns/27-KH/status').expect(400);
    expect((badId.body as { errors: { path: string }[] }).errors[0]?.path).toBe('id');
    const badToken = await request(server())
      .get('/api/v1/campaigns/1b4e28ba-2fa1-11d2-883f-0016d3cca427/status')
      .query({ minPosition: 'campaign:abc' })
      .expect(400);
    expect((badToken.body as { errors: { path: string }[] }).errors[0]?.path).toBe('minPosition');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await request(server()).get('/api/v1/nothing-here').expect(404);
    expect(response.body).toMatchObject({ type: 'not-found' });
  });
});

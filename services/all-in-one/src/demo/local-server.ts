import type { INestApplication } from '@nestjs/common';
import { createServer, type RequestListener } from 'node:http';

/**
 * Runs `use` against an initialised but not listening Nest app: serves its request handler on a
 * loopback port of its own for the duration, then closes that server (the app itself stays as
 * it was). Lets the demo loader speak the public HTTP API when the platform does not listen.
 */
export async function withLocalServer<T>(
  app: INestApplication,
  use: (baseUrl: string) => Promise<T>,
): Promise<T> {
  const handler = app.getHttpAdapter().getInstance() as RequestListener;
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

import 'reflect-metadata';
import { runStandalone } from '@ttkt/messaging';
import { DIRECTORY_SERVICE, startDirectoryService } from './directory.service';

const username = process.env.BOOTSTRAP_ADMIN_USERNAME;
const password = process.env.BOOTSTRAP_ADMIN_PASSWORD;

void runStandalone(DIRECTORY_SERVICE, { port: 3001 }, (dependencies) =>
  startDirectoryService({
    ...dependencies,
    ...(username && password ? { bootstrapAdmin: { username, password } } : {}),
  }),
);

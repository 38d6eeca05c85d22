/**
 * The Kubernetes manifests in deploy/ agree with the code: probes hit the contract's health paths on
 * the port the service listens on, every environment variable is one the service reads, and the
 * Service, autoscaler and disruption budget point at the Deployment's pods.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { parseAllDocuments } from 'yaml';
import { envSchema } from '../src/config.js';
import { loadContract } from '../src/http/contract.js';
import { PACKAGE_ROOT } from '../src/server.js';

type Obj = Record<string, any>;  

const deployDir = path.join(PACKAGE_ROOT, 'deploy');
const manifests: { file: string; doc: Obj }[] = readdirSync(deployDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(deployDir, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`deploy/${file}: ${document.errors[0]?.message}`);
      return { file, doc: document.toJS() as Obj };
    }),
  );
const byKind = (kind: string) => manifests.filter((m) => m.doc.kind === kind).map((m) => m.doc);
const [deployment] = byKind('Deployment');
const pod = deployment?.spec.template.spec as Obj;
const container = pod.containers[0] as Obj;
const podLabels = deployment?.spec.template.metadata.labels as Record<string, string>;
const envValue = (name: string) => (container.env as Obj[]).find((e) => e.name === name)?.value as string | undefined;

function portNumber(port: string | number): number | undefined {
  if (typeof port === 'number') return port;
  return (container.ports as Obj[]).find((p) => p.name === port)?.containerPort as number | undefined;
}

t.test('there is one Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget', async (t) => {
  for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) t.equal(byKind(kind).length, 1, kind);
  t.equal(byKind('HorizontalPodAutoscaler')[0]?.apiVersion, 'autoscaling/v2');
});

t.test('probes call the contract\'s health operations on the port the service listens on', async (t) => {
  const contract = loadContract(PACKAGE_ROOT);
  const expected = { livenessProbe: 'getLiveness', readinessProbe: 'getReadiness', startupProbe: 'getLiveness' } as const;
  const listenPort = Number(envValue('PORT'));
  t.equal(listenPort, 3000);
  t.equal(envValue('HOST'), '0.0.0.0', 'the pod listens beyond loopback');
  for (const [probe, operationId] of Object.entries(expected)) {
    const get = container[probe]?.httpGet as Obj | undefined;
    t.ok(get, `${probe} is an HTTP probe`);
    const op = contract.operation(operationId);
    t.equal(get?.path, op.path, `${probe} calls ${op.method} ${op.path}`);
    t.equal(op.method, 'GET');
    t.equal(portNumber(get?.port), listenPort, `${probe} uses port ${listenPort}`);
  }
});

t.test('every environment variable set is one the service reads', async (t) => {
  const known = new Set(Object.keys(envSchema.shape));
  const names = (container.env as Obj[]).map((e) => e.name as string);
  t.ok(names.length > 5);
  for (const name of names) t.ok(known.has(name), `${name} is in envSchema`);
  t.notOk(container.envFrom, 'no envFrom: every variable is named, so this test sees it');
});

t.test('secrets come from the Secret, and the example Secret has every key referenced', async (t) => {
  const secret = byKind('Secret')[0] as Obj;
  for (const name of ['CACHE_KEY_SECRET', 'CACHE_ENCRYPTION_KEY', 'API_KEYS', 'REDIS_URL']) {
    const ref = (container.env as Obj[]).find((e) => e.name === name)?.valueFrom?.secretKeyRef as Obj | undefined;
    t.equal(ref?.name, secret.metadata.name, `${name} is read from the Secret`);
    t.ok(secret.stringData[ref?.key], `the example Secret has ${ref?.key}`);
  }
  t.match(secret.stringData.REDIS_URL, /^rediss?:\/\/[^/]*redis-master\.redis\.svc/, 'Redis is the external chart-managed Service');
});

t.test('the pod runs as non-root with resource requests and limits', async (t) => {
  t.equal(pod.securityContext.runAsNonRoot, true);
  t.ok(pod.securityContext.runAsUser > 0);
  t.equal(container.securityContext.allowPrivilegeEscalation, false);
  t.equal(container.securityContext.readOnlyRootFilesystem, true);
  t.same(container.securityContext.capabilities.drop, ['ALL']);
  for (const kind of ['requests', 'limits']) {
    t.ok(container.resources[kind].cpu, `cpu ${kind}`);
    t.ok(container.resources[kind].memory, `memory ${kind}`);
  }
});

t.test('the Service, autoscaler and disruption budget select the Deployment\'s pods', async (t) => {
  const [service] = byKind('Service');
  const [hpa] = byKind('HorizontalPodAutoscaler');
  const [pdb] = byKind('PodDisruptionBudget');
  t.match(podLabels, service?.spec.selector, 'Service selector matches the pod labels');
  t.same(deployment?.spec.selector.matchLabels, podLabels);
  t.match(podLabels, pdb?.spec.selector.matchLabels, 'PDB selector matches the pod labels');
  t.equal(portNumber(service?.spec.ports[0].targetPort), Number(envValue('PORT')));
  t.same(hpa?.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment?.metadata.name });
  t.equal(hpa?.spec.metrics[0].resource.name, 'cpu');
  t.ok(hpa?.spec.minReplicas > pdb?.spec.minAvailable, 'a drain can always evict one pod');
  t.ok(service?.spec.ports.every((p: Obj) => p.targetPort !== 'metrics'), 'metrics are not exposed by the Service');
  t.equal(portNumber('metrics'), Number(envValue('METRICS_PORT')));
});

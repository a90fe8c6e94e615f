import { describe, expect, it } from 'vitest';
import { isApiError } from './errors';
import { escapeFieldValue, parseFieldSelector } from './field-selector-query';
import { fieldGetter, fieldSelectorFilter, FIELD_SELECTOR_TABLES } from './field-selectors';

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isApiError(e)) {
      expect(e.code).toBe(400);
      expect(e.reason).toBe('BadRequest');
      return e.message;
    }
    throw e;
  }
  throw new Error('expected a 400');
}

const scheduled = {
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default' },
  spec: { nodeName: 'node-1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default' },
  status: { phase: 'Running', podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.7' }], nominatedNodeName: '' },
};
const pending = { kind: 'Pod', metadata: { name: 'web-2', namespace: 'other' }, spec: { hostNetwork: true }, status: { phase: 'Pending' } };
const pod = fieldGetter('Pod');

describe('parseFieldSelector', () => {
  it('supports =, == and != joined by commas', () => {
    expect(parseFieldSelector('spec.nodeName=node-1', pod).matches(scheduled)).toBe(true);
    expect(parseFieldSelector('spec.nodeName==node-1', pod).matches(scheduled)).toBe(true);
    expect(parseFieldSelector('spec.nodeName!=node-1', pod).matches(scheduled)).toBe(false);
    expect(parseFieldSelector('status.phase=Running,metadata.namespace=default', pod).matches(scheduled)).toBe(true);
    expect(parseFieldSelector('status.phase=Running,metadata.namespace=other', pod).matches(scheduled)).toBe(false);
    expect(parseFieldSelector('status.phase!=Succeeded,status.phase!=Failed', pod).matches(pending)).toBe(true);
  });

  it('reads absent fields as the empty string, as the scheduler and kubelet rely on', () => {
    expect(parseFieldSelector('spec.nodeName=', pod).matches(pending)).toBe(true);
    expect(parseFieldSelector('spec.nodeName=', pod).matches(scheduled)).toBe(false);
    expect(parseFieldSelector('spec.nodeName!=', pod).matches(scheduled)).toBe(true);
  });

  it('is empty for an empty string and skips empty terms', () => {
    const q = parseFieldSelector('', pod);
    expect(q.empty).toBe(true);
    expect(q.matches(pending)).toBe(true);
    expect(parseFieldSelector(',metadata.name=web-1,,', pod).requirements).toEqual([{ field: 'metadata.name', operator: '=', value: 'web-1' }]);
  });

  it('does not trim whitespace, like fields.ParseSelector', () => {
    expect(rejection(() => parseFieldSelector('metadata.name = web-1', pod))).toBe('field label not supported: metadata.name ');
    expect(parseFieldSelector('metadata.name= web-1', pod).matches(scheduled)).toBe(false);
    expect(parseFieldSelector('metadata.name= web-1', pod).requirements[0]?.value).toBe(' web-1');
    expect(rejection(() => parseFieldSelector(' ', pod))).toBe("invalid selector: ' '; can't understand ' '");
  });

  it('unescapes values and rejects bare separators in them', () => {
    const q = parseFieldSelector('metadata.name=a\\,b\\=c\\\\d', fieldGetter('Pod'));
    expect(q.requirements[0]?.value).toBe('a,b=c\\d');
    expect(q.matches({ metadata: { name: 'a,b=c\\d' } })).toBe(true);
    expect(escapeFieldValue('a,b=c\\d')).toBe('a\\,b\\=c\\\\d');
    expect(rejection(() => parseFieldSelector('metadata.name=a=b', pod))).toBe('invalid field selector: unescaped character in value: 61');
    expect(rejection(() => parseFieldSelector('metadata.name=a\\x', pod))).toBe('invalid field selector: invalid escape sequence: \\x');
    expect(rejection(() => parseFieldSelector('metadata.name=a\\', pod))).toBe('invalid field selector: invalid escape sequence: \\');
  });

  it('rejects terms without an operator, quoting the whole selector', () => {
    expect(rejection(() => parseFieldSelector('metadata.name=x,bogus', pod))).toBe(
      "invalid selector: 'metadata.name=x,bogus'; can't understand 'bogus'",
    );
  });

  it('splits each term at the first operator', () => {
    expect(parseFieldSelector('metadata.name=!x', pod).requirements[0]).toEqual({ field: 'metadata.name', operator: '=', value: '!x' });
  });

  it('checks field names only after every term parsed, in sorted order', () => {
    expect(rejection(() => parseFieldSelector('zzz=1,aaa=1', pod))).toBe('field label not supported: aaa');
    expect(rejection(() => parseFieldSelector('zzz=1,bad', pod))).toBe("invalid selector: 'zzz=1,bad'; can't understand 'bad'");
  });

  it('exposes exact values for index lookups', () => {
    const q = parseFieldSelector('spec.nodeName=node-1,status.phase!=Failed', pod);
    expect(q.exactValue('spec.nodeName')).toBe('node-1');
    expect(q.exactValue('status.phase')).toBeUndefined();
  });
});

describe('fieldGetter tables', () => {
  it('knows the Pod fields kube-apiserver lets you select on', () => {
    expect(pod.fields).toEqual(expect.arrayContaining([
      'metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName',
      'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName',
    ]));
    expect(pod.get(scheduled, 'status.podIP')).toBe('10.0.0.7');
    expect(pod.get({ status: { podIP: '10.0.0.9' } }, 'status.podIP')).toBe('10.0.0.9');
    expect(pod.get(scheduled, 'spec.hostNetwork')).toBe('false');
    expect(pod.get(pending, 'spec.hostNetwork')).toBe('true');
    expect(pod.get(scheduled, 'status.podIPs')).toBe('');
    expect(pod.get(scheduled, 'spec.serviceAccountName')).toBe('default');
    expect(rejection(() => parseFieldSelector('spec.containers=x', pod))).toBe('field label not supported: spec.containers');
  });

  it('rewrites the legacy spec.host to spec.nodeName', () => {
    expect(parseFieldSelector('spec.host=node-1', pod).requirements[0]?.field).toBe('spec.nodeName');
    expect(parseFieldSelector('spec.host=node-1', pod).matches(scheduled)).toBe(true);
  });

  it('knows the Event fields, with source falling back to reportingComponent', () => {
    const ev = fieldGetter('Event');
    const coreEvent = {
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u', apiVersion: 'v1', resourceVersion: '7', fieldPath: 'spec.containers{c}' },
      reason: 'Pulled', source: { component: 'kubelet', host: 'node-1' }, reportingComponent: '', type: 'Normal',
    };
    for (const [field, value] of Object.entries({
      'involvedObject.kind': 'Pod', 'involvedObject.namespace': 'default', 'involvedObject.name': 'web-1', 'involvedObject.uid': 'u',
      'involvedObject.apiVersion': 'v1', 'involvedObject.resourceVersion': '7', 'involvedObject.fieldPath': 'spec.containers{c}',
      reason: 'Pulled', reportingComponent: '', source: 'kubelet', type: 'Normal', 'metadata.name': 'e', 'metadata.namespace': 'default',
    })) {
      expect(parseFieldSelector(`${field}=${escapeFieldValue(value)}`, ev).matches(coreEvent)).toBe(true);
    }
    expect(ev.get({ reportingComponent: 'kruise-manager' }, 'source')).toBe('kruise-manager');
    expect(rejection(() => parseFieldSelector('message=x', ev))).toBe('field label not supported: message');
  });

  it('gives cluster-scoped built-ins no metadata.namespace', () => {
    const node = fieldGetter('Node');
    expect(node.get({ spec: {} }, 'spec.unschedulable')).toBe('false');
    expect(node.get({ spec: { unschedulable: true } }, 'spec.unschedulable')).toBe('true');
    expect(rejection(() => parseFieldSelector('metadata.namespace=x', node))).toBe('field label not supported: metadata.namespace');
    const ns = fieldGetter('Namespace');
    expect(parseFieldSelector('status.phase=Active', ns).matches({ status: { phase: 'Active' } })).toBe(true);
  });

  it('uses the default conversion wording for built-ins without a conversion func', () => {
    expect(FIELD_SELECTOR_TABLES.Deployment?.defaultConversion).toBe(true);
    expect(rejection(() => parseFieldSelector('status.replicas=1', fieldGetter('ReplicaSet')))).toBe(
      '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    expect(parseFieldSelector('metadata.name=d', fieldGetter('Deployment')).matches({ metadata: { name: 'd' } })).toBe(true);
  });

  it('treats unknown kinds as custom resources', () => {
    const sidecarSet = fieldGetter('SidecarSet', { namespaced: false });
    expect(parseFieldSelector('metadata.name=mosn', sidecarSet).matches({ metadata: { name: 'mosn' } })).toBe(true);
    expect(rejection(() => parseFieldSelector('metadata.namespace=x', sidecarSet))).toBe('field label not supported: metadata.namespace');
    expect(rejection(() => parseFieldSelector('spec.foo=x', fieldGetter('Widget')))).toBe('field label not supported: spec.foo');
    expect(parseFieldSelector('metadata.namespace=a', fieldGetter('Widget')).matches({ metadata: { namespace: 'a' } })).toBe(true);
  });

  it('does not mistake prototype members for kinds or fields', () => {
    expect(rejection(() => parseFieldSelector('constructor=x', fieldGetter('constructor')))).toBe('field label not supported: constructor');
    expect(pod.get(scheduled, 'toString')).toBe('');
    expect(pod.get(null, 'metadata.name')).toBe('');
  });

  it('renders integers and booleans as Go does', () => {
    const rc = fieldGetter('ReplicationController');
    expect(rc.get({ status: { replicas: 3 } }, 'status.replicas')).toBe('3');
    expect(rc.get({ status: {} }, 'status.replicas')).toBe('0');
  });
});

describe('fieldSelectorFilter', () => {
  it('is a ready-made predicate for a kind', () => {
    const onNode1 = fieldSelectorFilter('Pod', 'spec.nodeName=node-1');
    expect([scheduled, pending].filter(onNode1)).toEqual([scheduled]);
    expect(rejection(() => fieldSelectorFilter('Pod', 'spec.bogus=1'))).toBe('field label not supported: spec.bogus');
  });
});

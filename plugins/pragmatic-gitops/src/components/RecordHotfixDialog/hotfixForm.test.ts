import {
  emptyHotfixForm,
  fromLocalInput,
  toLocalInput,
  toRecordHotfixInput,
  validateHotfixForm,
} from './hotfixForm';
import { ChangeItem } from './changeItems';

const item: ChangeItem = {
  key: 'Deployment/payments/api',
  kind: 'Deployment',
  namespace: 'payments',
  name: 'api',
  selected: true,
  paths: [],
};

describe('hotfixForm', () => {
  it('round-trips a local date and time', () => {
    const date = new Date(2026, 0, 2, 9, 5);
    expect(toLocalInput(date)).toBe('2026-01-02T09:05');
    expect(fromLocalInput('2026-01-02T09:05')).toBe(date.toISOString());
    expect(fromLocalInput('yesterday')).toBeUndefined();
    expect(fromLocalInput('2026-13-45T99:99')).toBeUndefined();
  });

  it('accepts a complete form', () => {
    const form = { ...emptyHotfixForm(), title: 'Scale' };
    expect(validateHotfixForm(form, [item])).toEqual({});
  });

  it.each([
    // eslint-disable-next-line no-script-url -- the link it must refuse
    ['javascript:alert(1)'],
    ['incidents.example.com/INC-1'],
    ['mailto:oncall@example.com'],
  ])('refuses the incident link %s', incidentUrl => {
    const form = { ...emptyHotfixForm(), title: 'Scale', incidentUrl };
    expect(validateHotfixForm(form, [item]).incidentUrl).toBe(
      'Give the http(s) link of the incident, or leave it empty.',
    );
  });

  it('leaves empty optional fields out of the request', () => {
    const form = {
      ...emptyHotfixForm(new Date(2026, 0, 2, 9, 5)),
      title: ' Scale ',
      description: '  ',
    };
    expect(
      toRecordHotfixInput('component:default/payments', form, [item]),
    ).toEqual({
      entityRef: 'component:default/payments',
      title: 'Scale',
      appliedAt: new Date(2026, 0, 2, 9, 5).toISOString(),
      changes: [{ kind: 'Deployment', namespace: 'payments', name: 'api' }],
    });
  });
});

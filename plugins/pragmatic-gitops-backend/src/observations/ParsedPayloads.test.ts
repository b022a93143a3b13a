import { ParsedPayloads } from './ParsedPayloads';

const payload = (replicas: number) =>
  JSON.stringify({ objects: [{ kind: 'Deployment', spec: { replicas } }] });
const replicasOf = (parsed: any) => parsed.objects[0].spec.replicas;

describe('ParsedPayloads', () => {
  it('answers the same text of a stream with the parse it already did, frozen', () => {
    const payloads = new ParsedPayloads();
    const first = payloads.parse('web agent', payload(2));
    // A text read again from the database: equal, not the same string.
    expect(payloads.parse('web agent', `${payload(2)}`)).toBe(first);
    expect(() => {
      first.objects[0].spec.replicas = 3;
    }).toThrow(TypeError);
  });

  it('parses a changed payload, and never answers one stream with another', () => {
    const payloads = new ParsedPayloads();
    payloads.parse('web agent', payload(2));
    expect(replicasOf(payloads.parse('web agent', payload(3)))).toBe(3);
    expect(replicasOf(payloads.parse('api agent', payload(4)))).toBe(4);
    expect(replicasOf(payloads.parse('web agent', payload(3)))).toBe(3);
  });

  it('forgets the least recently used streams beyond its bound', () => {
    const payloads = new ParsedPayloads(1);
    const web = payloads.parse('web agent', payload(2));
    payloads.parse('api agent', payload(2));
    expect(payloads.parse('web agent', payload(2))).not.toBe(web);
  });
});

/**
 * The ways an upstream (Argo CD, Kubernetes, Vault, AWS, GitHub, GitLab) can
 * misbehave, as msw resolvers, and a record of how long each took to be
 * turned into `unknown`/`error`, printed as a table at the end of a run.
 */
import { delay, HttpResponse } from 'msw';

export const FAULTS = [
  'hangs',
  'answers 503',
  'answers garbage',
  'answers the wrong shape',
  'trickles its body',
] as const;
export type Fault = (typeof FAULTS)[number];

/** A response that sends its headers, then a few bytes, then nothing. */
function tricklingBody(): Response {
  let timer: NodeJS.Timeout | undefined;
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"items": ['));
      // Never closed: the client must give up on its own.
      timer = setInterval(() => {}, 1_000);
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new HttpResponse(stream, {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** An msw resolver answering every request the way `fault` says. */
export function faultResolver(fault: Fault, wrongShape: unknown = [1, 2]) {
  return async (): Promise<Response> => {
    switch (fault) {
      case 'hangs':
        await delay('infinite');
        return HttpResponse.text('never');
      case 'answers 503':
        return HttpResponse.json(
          { message: 'upstream is down', errors: ['upstream is down'] },
          { status: 503 },
        );
      case 'answers garbage':
        return new HttpResponse('<html>{"oops": no json here', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      case 'answers the wrong shape':
        return HttpResponse.json(wrongShape as any);
      case 'trickles its body':
        return tricklingBody();
      default:
        throw new Error(`unknown fault ${fault}`);
    }
  };
}

export type FaultTiming = {
  upstream: string;
  fault: Fault;
  timeoutMs: number;
  elapsedMs: number;
  outcome: string;
};

/** Collects timings and prints them as one Markdown table. */
export class FaultTimings {
  private readonly rows: FaultTiming[] = [];

  add(row: FaultTiming) {
    this.rows.push(row);
  }

  print(title: string) {
    const lines = [
      `| upstream | fault | timeout (ms) | time to ${title} (ms) | outcome |`,
      '| --- | --- | --- | --- | --- |',
      ...this.rows.map(
        r =>
          `| ${r.upstream} | ${r.fault} | ${r.timeoutMs} | ${r.elapsedMs} | ${r.outcome} |`,
      ),
    ];
    // eslint-disable-next-line no-console
    console.log(lines.join('\n'));
  }
}

/** Fails the test file on any unhandled rejection while it runs. */
export function trackUnhandledRejections() {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  beforeAll(() => process.on('unhandledRejection', onRejection));
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
    expect(seen).toEqual([]);
  });
  return seen;
}

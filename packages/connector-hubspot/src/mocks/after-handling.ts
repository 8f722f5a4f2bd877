import { HttpResponse } from 'msw';

/** How an answer is lost once HubSpot has handled the request (a write has been applied). */
export type LostAnswer = 'bad-gateway' | 'gateway-timeout' | 'reset' | 'truncated';

/** A fault for `MockAccount.failAfterHandling`: which requests it strikes, and how their answer is lost. */
export interface AfterHandlingFault {
  /** How the answer is lost: a 502 or 504 gateway page, a connection reset, or a truncated body. */
  answer: LostAnswer;
  /** The request method it applies to. @default every method */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The request's path exactly (`/crm/v3/objects/contacts`), or a pattern. @default every path */
  path?: string | RegExp;
  /** Requests it applies to. @default 1 */
  times?: number;
}

/**
 * Failures after the handler: the mock account does the work (creates the record), then the answer never reaches
 * the client intact: a gateway's 502/504 page, a connection reset, or a body cut short. What a client must report
 * as "may have applied".
 */
export class AfterHandlingFaults {
  private readonly faults: Array<Required<Pick<AfterHandlingFault, 'answer' | 'times'>> & AfterHandlingFault> = [];

  add(fault: AfterHandlingFault): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  /** The fault for this request, if any (spending one of its times). */
  take(request: Request): LostAnswer | undefined {
    const path = new URL(request.url).pathname;
    const fault = this.faults.find(
      (f) =>
        f.times > 0 &&
        (f.method === undefined || f.method === request.method) &&
        (f.path === undefined || (typeof f.path === 'string' ? f.path === path : f.path.test(path))),
    );
    if (!fault) return undefined;
    fault.times -= 1;
    return fault.answer;
  }
}

/** The answer as the client receives it. */
export async function lose(answer: LostAnswer, response: Response, gatewayPage: (status: 502 | 504) => string): Promise<Response> {
  switch (answer) {
    case 'reset':
      return HttpResponse.error();
    case 'truncated': {
      const text = await response.text();
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), { status: response.status, headers });
    }
    default: {
      const status = answer === 'bad-gateway' ? 502 : 504;
      return new Response(gatewayPage(status), { status, headers: { 'content-type': 'text/html; charset=UTF-8' } });
    }
  }
}

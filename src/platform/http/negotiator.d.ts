// negotiator 1.x (the encoding negotiation of jshttp, used by Express and @fastify/compress) ships no types; the
// @types package describes 0.6, which has no `preferred` option.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    encodings(available?: readonly string[], options?: { preferred?: readonly string[] }): string[];
  }
}

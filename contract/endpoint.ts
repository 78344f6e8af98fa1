/**
 * One HTTP endpoint of the API as both sides see it: method, path (`{name}` marks a path
 * parameter), the zod schemas of its query and body, and of its JSON answer. The screens' client
 * (ui/http.ts) is typed by it and the OpenAPI document (server/openapi.ts) is generated from it;
 * the route handlers under app/api validate with the same schemas.
 */
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: Method;
  path: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON answer; absent when the endpoint answers 204 No Content. */
  answer?: z.ZodType;
  /** The success status when it is not 200 (201 for a creation). */
  status?: number;
  /** The endpoint may also answer 204 (e.g. call-next when nobody waits): the client gets null. */
  emptyWhenNone?: boolean;
}

export const endpoint = <const E extends Endpoint>(e: E): E => e;

/** The `{name}` parameters of a path. */
export type PathParams<P extends string> = P extends `${string}{${infer K}}${infer R}` ? K | PathParams<R> : never;

/** What a call needs: path parameters, query and body, each only when the endpoint has them. */
export type CallInput<E extends Endpoint> = ([PathParams<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<E['path']>, string> }) &
  (E['query'] extends z.ZodType ? { query?: z.input<E['query']> } : { query?: undefined }) &
  (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : { body?: undefined });

/** What a call resolves to: the parsed JSON answer, null for a 204, nothing for a no-content endpoint. */
export type Answer<E extends Endpoint> = E['answer'] extends z.ZodType
  ? E['emptyWhenNone'] extends true
    ? z.infer<E['answer']> | null
    : z.infer<E['answer']>
  : void;

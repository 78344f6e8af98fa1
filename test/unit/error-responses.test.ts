import { describe, expect, it } from 'vitest';
import { toErrorResponse } from '../../server/http/route';

/** Database refusals reach the client as 4xx whether Prisma or plain SQL (db/sql.ts) ran the statement. */
describe('database errors as API answers', () => {
  it.each([
    [{ code: 'P2002', message: 'Unique constraint failed' }, 409, 'conflict'],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, 409, 'conflict'],
    [{ code: 'P2034', message: 'Transaction failed' }, 409, 'retry'],
    [{ code: '40001', message: 'could not serialize access' }, 409, 'retry'],
    [{ code: '40P01', message: 'deadlock detected' }, 409, 'retry'],
    [{ code: 'P2025', message: 'Record not found' }, 404, 'not_found'],
  ])('%o → %i %s', async (err, status, code) => {
    const res = toErrorResponse(Object.assign(new Error(err.message), err));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});

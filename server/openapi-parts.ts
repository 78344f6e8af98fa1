/** The pieces every part of the OpenAPI document (server/openapi.ts and the areas' paths) is made of. */
export const error = {
  description: 'Error: {error: {code, message, details?}}',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
          },
        },
      },
    },
  },
};

/** The error answer under each of these statuses. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), error]));

/** A JSON success answer, described in words (the contract fills in its schema). */
export const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});

/** A staff login (the `sportello_session` cookie). */
export const staffSecurity = [{ session: [] }];

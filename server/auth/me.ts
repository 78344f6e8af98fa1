import { rt } from '../runtime';
import type { Actor } from './actor';

export async function me(actor: Actor) {
  const counter = await rt().db.counter.findUnique({ where: { staffId: actor.staffId }, select: { id: true } });
  return {
    staff: { id: actor.staffId, username: actor.username, displayName: actor.displayName, role: actor.role },
    counterId: counter?.id ?? null,
  };
}

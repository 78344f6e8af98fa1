/**
 * What clerks and citizens do to a procedure after it was submitted. Each action locks the row,
 * checks the move (transitions.ts), and writes the new status and its append-only event in one
 * transaction, so two clerks acting at once cannot both move it.
 */
import type { Actor } from '../auth/actor';
import type { CitizenSessionInfo } from '../citizens/session';
import { AppError } from '../errors';
import { rt } from '../runtime';
import { assertStaffSees, procedureNotFound } from './access';
import { CLOSED_STATUSES, PROCEDURE_MOVES } from '../../contract/procedure-moves';
import { nextStatus, type ProcedureAction } from './transitions';
import { publishProcedure } from '../realtime/publish';
import { linkAttachments } from './attachments';
import { notifyCitizenInBackground } from './jobs';
import { citizenProcedureView, procedureInclude, staffProcedureView, type ProcedureFull } from './views';

export type ProcedureActor = { staff: Actor } | { citizen: CitizenSessionInfo };

export interface ActionNotes {
  citizenNote?: string;
  internalNote?: string;
  /** Files given with the action (the citizen's reply). */
  attachmentIds?: string[];
}

export async function actOnProcedure(
  procedureId: string,
  action: ProcedureAction,
  who: ProcedureActor,
  notes: ActionNotes,
  now = new Date(),
): Promise<ProcedureFull> {
  const byStaff = 'staff' in who;
  if ((PROCEDURE_MOVES[action].by === 'staff') !== byStaff)
    throw new AppError(403, 'forbidden', 'You cannot do this on a procedure');
  if (byStaff) await assertStaffSees(who.staff, procedureId);
  const { procedure, event } = await rt().db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; citizenId: string }[]>`
      SELECT status::text AS status, "citizenId" FROM "Procedure" WHERE id = ${procedureId} FOR UPDATE`;
    const row = rows[0];
    if (!row || (!byStaff && row.citizenId !== who.citizen.citizen.id)) throw procedureNotFound();
    const from = row.status as Parameters<typeof nextStatus>[0];
    const to = nextStatus(from, action);
    await tx.procedure.update({
      where: { id: procedureId },
      data: {
        status: to,
        updatedAt: now,
        closedAt: CLOSED_STATUSES.includes(to) ? now : null,
        ...(action === 'taken' && byStaff ? { responsibleStaffId: who.staff.staffId } : {}),
      },
    });
    if (notes.attachmentIds?.length)
      await linkAttachments(
        tx,
        procedureId,
        notes.attachmentIds,
        byStaff ? { staffId: who.staff.staffId } : { citizenId: who.citizen.citizen.id },
      );
    const event = await tx.procedureEvent.create({
      data: {
        procedureId,
        type: action,
        at: now,
        fromStatus: from,
        toStatus: to,
        staffId: byStaff ? who.staff.staffId : null,
        citizenNote: notes.citizenNote ?? null,
        // Only staff write internal notes.
        internalNote: byStaff ? (notes.internalNote ?? null) : null,
      },
    });
    return { event, procedure: await tx.procedure.findUniqueOrThrow({ where: { id: procedureId }, include: procedureInclude }) };
  });
  notifyCitizenInBackground(event);
  publishProcedure(citizenProcedureView(procedure, now), procedure.citizenId);
  return procedure;
}

/** A clerk's action, answered with the procedure as staff see it. */
export async function staffAction(id: string, action: ProcedureAction, staff: Actor, notes: ActionNotes) {
  return staffProcedureView(await actOnProcedure(id, action, { staff }, notes));
}

/** A citizen's action, answered with the procedure as they see it. */
export async function citizenAction(id: string, action: ProcedureAction, citizen: CitizenSessionInfo, notes: ActionNotes) {
  return citizenProcedureView(await actOnProcedure(id, action, { citizen }, notes));
}

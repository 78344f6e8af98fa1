import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contract from '../../contract/enums';
import * as prisma from '../../server/db/generated/enums';

/** Each Prisma enum and the contract's zod enum that mirrors it (the contract must not import Prisma). */
const pairs: Record<keyof typeof prisma, z.ZodEnum> = {
  Role: contract.roleSchema,
  ServiceMode: contract.serviceModeSchema,
  Priority: contract.prioritySchema,
  TicketStatus: contract.ticketStatusSchema,
  TicketEventType: contract.ticketEventTypeSchema,
  CounterState: contract.counterStateSchema,
  CounterEventType: contract.counterEventTypeSchema,
  PrinterType: contract.printerTypeSchema,
  PrintMode: contract.printModeSchema,
  PrinterStatus: contract.printerStatusSchema,
  PrintJobKind: contract.printJobKindSchema,
  PrintJobStatus: contract.printJobStatusSchema,
  AppointmentStatus: contract.appointmentStatusSchema,
  AppointmentChannel: contract.appointmentChannelSchema,
  IdentityLevel: contract.identityLevelSchema,
  ProcedureStatus: contract.procedureStatusSchema,
  ProcedureChannel: contract.procedureChannelSchema,
  ProcedureEventType: contract.procedureEventTypeSchema,
  DocumentKind: contract.documentKindSchema,
};

describe('contract enums', () => {
  it('cover every enum of the Prisma schema', () => {
    expect(Object.keys(pairs).sort()).toEqual(Object.keys(prisma).sort());
  });

  it.each(Object.entries(pairs))('%s has the same values as in Prisma', (name, schema) => {
    const values = Object.values(prisma[name as keyof typeof prisma]);
    expect([...schema.options].sort()).toEqual([...values].sort());
  });
});

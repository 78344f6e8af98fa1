/**
 * Every JSON endpoint of the HTTP API, by name (see contract/endpoint.ts). Files, images and
 * pages (QR codes, calendar files, print previews, the CSV export, /api/openapi.json) are not
 * listed: they are not JSON the screens parse.
 */
import { documentVerificationSchema } from './certificates';
import { z } from './zod';
import { auditPageSchema, auditQuery } from './admin/audit';
import {
  adminCategoryListSchema,
  adminCategoryRowSchema,
  adminServiceListSchema,
  adminServiceSchema,
  adminServicesQuery,
  createCategoryInput,
  createServiceInput,
  reorderCategoriesInput,
  updateCategoryInput,
  updateServiceInput,
} from './admin/catalog';
import { adminCounterListSchema, adminCounterRowSchema, createCounterInput, updateCounterInput } from './admin/counters';
import {
  adminDisplayListSchema,
  adminDisplaySchema,
  adminDisplaysQuery,
  createDisplayInput,
  updateDisplayInput,
} from './admin/displays';
import {
  adminOfficeListSchema,
  adminOfficeRowSchema,
  createOfficeInput,
  officeHoursAnswerSchema,
  officeHoursInput,
  updateOfficeInput,
} from './admin/offices';
import { adminStaffListSchema, adminStaffSchema, createStaffInput, passwordInput, updateStaffInput } from './admin/staff';
import {
  appointmentViewSchema,
  availabilityQuery,
  availabilitySchema,
  bookableServiceListSchema,
  bookAnswerSchema,
  bookInput,
  checkInAnswerSchema,
  confirmInput,
  checkInInput,
  rescheduleInput,
  revokeLinksAnswerSchema,
  revokeLinksInput,
  todayAnswerSchema,
  todayQuery,
} from './appointments';
import { changePasswordInput, colleagueListSchema, loginAnswerSchema, loginInput, meSchema, myServiceListSchema } from './auth';
import { categoryListSchema, serviceListSchema, servicesQuery } from './catalog';
import { counterListSchema, counterServicesInput, counterSnapshotSchema, openCounterInput } from './counters';
import { displaySnapshotSchema, publicDisplayQuery } from './display';
import { endpoint } from './endpoint';
import { procedureStatsQuery, procedureStatsSchema } from './procedure-stats';
import { formInput, formSchema } from './forms';
import {
  citizenSchema,
  deskProcedureInput,
  loginCodeSentSchema,
  onlineServiceListSchema,
  procedureActionInput,
  procedureCompleteInput,
  procedureListSchema,
  procedureReasonInput,
  procedureReplyInput,
  procedureWithdrawInput,
  procedureSchema,
  procedureTrackSchema,
  requestLoginCodeInput,
  staffProcedureSchema,
  staffProceduresQuery,
  submitProcedureInput,
  updateCitizenInput,
  verifyLoginCodeInput,
} from './portal';
import { officeQuery } from './ids';
import {
  createKioskInput,
  kioskListSchema,
  kioskQuery,
  kioskViewSchema,
  kioskWithTokenSchema,
  pairAnswerSchema,
  pairingCodeSchema,
  pairInput,
  testPrintAnswerSchema,
  updateKioskInput,
} from './kiosks';
import { officeListSchema } from './offices';
import { queueInfoSchema } from './queues';
import { publicWaitsQuery, publicWaitsSchema } from './waits';
import { forecastQuery, forecastSchema } from './forecast';
import {
  closureInput,
  closureRowSchema,
  patronDayAnswerSchema,
  patronDayBody,
  scheduleInput,
  scheduleRowSchema,
  schedulesAnswerSchema,
  schedulesQuery,
} from './schedules';
import { statsQuery, statsResultSchema } from './stats';
import { supervisorSnapshotSchema } from './supervisor';
import {
  completeInput,
  issuedTicketSchema,
  issueTicketInput,
  moveTicketAnswer,
  moveTicketInput,
  serviceQueueAnswer,
  ticketActionAnswer,
  ticketPublicSchema,
  transferInput,
} from './tickets';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['ok', 'down']),
  redis: z.enum(['ok', 'down']),
});

const counterAction = <P extends string>(path: P) =>
  endpoint({ method: 'POST', path, answer: counterSnapshotSchema }) as {
    method: 'POST';
    path: P;
    answer: typeof counterSnapshotSchema;
  };
/** A staff action answers the procedure as staff see it, a citizen's as the citizen sees it. */
const procedureAction = <P extends string, B extends z.ZodType, A extends z.ZodType>(path: P, body: B, answer: A) =>
  endpoint({ method: 'POST', path, body, answer }) as { method: 'POST'; path: P; body: B; answer: A };
const ticketAction = <P extends string>(path: P) =>
  endpoint({ method: 'POST', path, answer: ticketActionAnswer }) as {
    method: 'POST';
    path: P;
    answer: typeof ticketActionAnswer;
  };

export const api = {
  // ------------------------------------------------------------------------------------ public
  health: endpoint({ method: 'GET', path: '/api/health', answer: healthSchema }),
  offices: endpoint({ method: 'GET', path: '/api/offices', answer: officeListSchema }),
  categories: endpoint({ method: 'GET', path: '/api/categories', query: officeQuery, answer: categoryListSchema }),
  services: endpoint({ method: 'GET', path: '/api/services', query: servicesQuery, answer: serviceListSchema }),
  issueTicket: endpoint({
    method: 'POST',
    path: '/api/tickets',
    body: issueTicketInput,
    answer: issuedTicketSchema,
    status: 201,
  }),
  ticket: endpoint({ method: 'GET', path: '/api/tickets/{code}', answer: ticketPublicSchema }),
  cancelTicket: endpoint({ method: 'POST', path: '/api/tickets/{code}/cancel', answer: ticketPublicSchema }),
  queues: endpoint({ method: 'GET', path: '/api/queues', query: officeQuery, answer: z.array(queueInfoSchema) }),
  display: endpoint({ method: 'GET', path: '/api/display', query: publicDisplayQuery, answer: displaySnapshotSchema }),
  publicWaits: endpoint({ method: 'GET', path: '/api/public/waits', query: publicWaitsQuery, answer: publicWaitsSchema }),

  // ------------------------------------------------------------------------------------- staff
  login: endpoint({ method: 'POST', path: '/api/auth/login', body: loginInput, answer: loginAnswerSchema }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout' }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', answer: meSchema }),
  changePassword: endpoint({ method: 'POST', path: '/api/auth/password', body: changePasswordInput, answer: meSchema }),
  colleagues: endpoint({ method: 'GET', path: '/api/staff', query: officeQuery, answer: colleagueListSchema }),
  myServices: endpoint({ method: 'GET', path: '/api/staff/me/services', answer: myServiceListSchema }),
  counters: endpoint({ method: 'GET', path: '/api/counters', query: officeQuery, answer: counterListSchema }),
  openCounter: endpoint({
    method: 'POST',
    path: '/api/counters/{id}/open',
    body: openCounterInput,
    answer: counterSnapshotSchema,
  }),
  closeCounter: counterAction('/api/counters/{id}/close'),
  pauseCounter: counterAction('/api/counters/{id}/pause'),
  resumeCounter: counterAction('/api/counters/{id}/resume'),
  counterServices: endpoint({
    method: 'POST',
    path: '/api/counters/{id}/services',
    body: counterServicesInput,
    answer: counterSnapshotSchema,
  }),
  callNext: endpoint({ method: 'POST', path: '/api/counters/{id}/call-next', answer: ticketActionAnswer, emptyWhenNone: true }),
  recall: ticketAction('/api/tickets/{id}/recall'),
  start: ticketAction('/api/tickets/{id}/start'),
  noShow: ticketAction('/api/tickets/{id}/no-show'),
  complete: endpoint({ method: 'POST', path: '/api/tickets/{id}/complete', body: completeInput, answer: ticketActionAnswer }),
  transfer: endpoint({ method: 'POST', path: '/api/tickets/{id}/transfer', body: transferInput, answer: ticketActionAnswer }),
  moveTicket: endpoint({ method: 'POST', path: '/api/tickets/{id}/move', body: moveTicketInput, answer: moveTicketAnswer }),
  supervisor: endpoint({ method: 'GET', path: '/api/supervisor', query: officeQuery, answer: supervisorSnapshotSchema }),
  forecast: endpoint({ method: 'GET', path: '/api/supervisor/forecast', query: forecastQuery, answer: forecastSchema }),
  serviceQueue: endpoint({ method: 'GET', path: '/api/queues/{serviceId}/tickets', answer: serviceQueueAnswer }),
  stats: endpoint({ method: 'GET', path: '/api/stats', query: statsQuery, answer: statsResultSchema }),
  procedureStats: endpoint({
    method: 'GET',
    path: '/api/stats/procedures',
    query: procedureStatsQuery,
    answer: procedureStatsSchema,
  }),

  // ---------------------------------------------------------------------------------- kiosks
  kiosks: endpoint({ method: 'GET', path: '/api/kiosks', query: kioskQuery, answer: kioskListSchema }),
  createKiosk: endpoint({
    method: 'POST',
    path: '/api/kiosks',
    body: createKioskInput,
    answer: kioskWithTokenSchema,
    status: 201,
  }),
  kiosk: endpoint({ method: 'GET', path: '/api/kiosks/{id}', answer: kioskViewSchema }),
  updateKiosk: endpoint({ method: 'PATCH', path: '/api/kiosks/{id}', body: updateKioskInput, answer: kioskViewSchema }),
  deactivateKiosk: endpoint({ method: 'DELETE', path: '/api/kiosks/{id}' }),
  rotateKioskToken: endpoint({ method: 'POST', path: '/api/kiosks/{id}/token', answer: kioskWithTokenSchema }),
  testPrint: endpoint({ method: 'POST', path: '/api/kiosks/{id}/test-print', answer: testPrintAnswerSchema }),
  pairingCode: endpoint({ method: 'POST', path: '/api/kiosks/{id}/pairing', answer: pairingCodeSchema, status: 201 }),
  unpairKiosk: endpoint({ method: 'DELETE', path: '/api/kiosks/{id}/pairing' }),
  pairKiosk: endpoint({ method: 'POST', path: '/api/kiosks/pair', body: pairInput, answer: pairAnswerSchema }),

  // ---------------------------------------------------------------------------- appointments
  bookableServices: endpoint({ method: 'GET', path: '/api/appointments/services', answer: bookableServiceListSchema }),
  availability: endpoint({
    method: 'GET',
    path: '/api/appointments/availability',
    query: availabilityQuery,
    answer: availabilitySchema,
  }),
  book: endpoint({ method: 'POST', path: '/api/appointments', body: bookInput, answer: bookAnswerSchema, status: 201 }),
  confirmBooking: endpoint({
    method: 'POST',
    path: '/api/appointments/confirm',
    body: confirmInput,
    answer: appointmentViewSchema,
  }),
  checkIn: endpoint({
    method: 'POST',
    path: '/api/appointments/check-in',
    body: checkInInput,
    answer: checkInAnswerSchema,
    status: 201,
  }),
  revokeLinks: endpoint({
    method: 'POST',
    path: '/api/appointments/revoke-link',
    body: revokeLinksInput,
    answer: revokeLinksAnswerSchema,
  }),
  todayAppointments: endpoint({ method: 'GET', path: '/api/appointments/today', query: todayQuery, answer: todayAnswerSchema }),
  appointment: endpoint({ method: 'GET', path: '/api/appointments/{token}', answer: appointmentViewSchema }),
  cancelAppointment: endpoint({ method: 'POST', path: '/api/appointments/{token}/cancel', answer: appointmentViewSchema }),
  reschedule: endpoint({
    method: 'POST',
    path: '/api/appointments/{token}/reschedule',
    body: rescheduleInput,
    answer: appointmentViewSchema,
  }),
  schedules: endpoint({ method: 'GET', path: '/api/schedules', query: schedulesQuery, answer: schedulesAnswerSchema }),
  putSchedule: endpoint({ method: 'PUT', path: '/api/schedules', body: scheduleInput, answer: scheduleRowSchema }),
  addClosure: endpoint({
    method: 'POST',
    path: '/api/schedules/closures',
    body: closureInput,
    answer: closureRowSchema,
    status: 201,
  }),
  removeClosure: endpoint({ method: 'DELETE', path: '/api/schedules/closures/{id}' }),
  patronDay: endpoint({ method: 'PUT', path: '/api/schedules/patron-day', body: patronDayBody, answer: patronDayAnswerSchema }),

  // -------------------------------------------------------------------------- administration
  audit: endpoint({ method: 'GET', path: '/api/admin/audit', query: auditQuery, answer: auditPageSchema }),
  adminServices: endpoint({
    method: 'GET',
    path: '/api/admin/services',
    query: adminServicesQuery,
    answer: adminServiceListSchema,
  }),
  createService: endpoint({
    method: 'POST',
    path: '/api/admin/services',
    body: createServiceInput,
    answer: adminServiceSchema,
    status: 201,
  }),
  updateService: endpoint({
    method: 'PATCH',
    path: '/api/admin/services/{id}',
    body: updateServiceInput,
    answer: adminServiceSchema,
  }),
  serviceForm: endpoint({ method: 'GET', path: '/api/admin/services/{id}/form', answer: formSchema }),
  saveServiceForm: endpoint({ method: 'PUT', path: '/api/admin/services/{id}/form', body: formInput, answer: formSchema }),
  adminCategories: endpoint({ method: 'GET', path: '/api/admin/categories', answer: adminCategoryListSchema }),
  createCategory: endpoint({
    method: 'POST',
    path: '/api/admin/categories',
    body: createCategoryInput,
    answer: adminCategoryRowSchema,
    status: 201,
  }),
  updateCategory: endpoint({
    method: 'PATCH',
    path: '/api/admin/categories/{id}',
    body: updateCategoryInput,
    answer: adminCategoryRowSchema,
  }),
  reorderCategories: endpoint({
    method: 'PUT',
    path: '/api/admin/categories/order',
    body: reorderCategoriesInput,
    answer: adminCategoryListSchema,
  }),
  adminCounters: endpoint({ method: 'GET', path: '/api/admin/counters', query: officeQuery, answer: adminCounterListSchema }),
  createCounter: endpoint({
    method: 'POST',
    path: '/api/admin/counters',
    body: createCounterInput,
    answer: adminCounterRowSchema,
    status: 201,
  }),
  updateCounter: endpoint({
    method: 'PATCH',
    path: '/api/admin/counters/{id}',
    body: updateCounterInput,
    answer: adminCounterRowSchema,
  }),
  deleteCounter: endpoint({ method: 'DELETE', path: '/api/admin/counters/{id}' }),
  adminDisplays: endpoint({
    method: 'GET',
    path: '/api/admin/displays',
    query: adminDisplaysQuery,
    answer: adminDisplayListSchema,
  }),
  createDisplay: endpoint({
    method: 'POST',
    path: '/api/admin/displays',
    body: createDisplayInput,
    answer: adminDisplaySchema,
    status: 201,
  }),
  updateDisplay: endpoint({
    method: 'PATCH',
    path: '/api/admin/displays/{id}',
    body: updateDisplayInput,
    answer: adminDisplaySchema,
  }),
  deleteDisplay: endpoint({ method: 'DELETE', path: '/api/admin/displays/{id}' }),
  adminOffices: endpoint({ method: 'GET', path: '/api/admin/offices', answer: adminOfficeListSchema }),
  createOffice: endpoint({
    method: 'POST',
    path: '/api/admin/offices',
    body: createOfficeInput,
    answer: adminOfficeRowSchema,
    status: 201,
  }),
  updateOffice: endpoint({
    method: 'PATCH',
    path: '/api/admin/offices/{id}',
    body: updateOfficeInput,
    answer: adminOfficeRowSchema,
  }),
  officeHours: endpoint({
    method: 'PUT',
    path: '/api/admin/offices/{id}/hours',
    body: officeHoursInput,
    answer: officeHoursAnswerSchema,
  }),
  adminStaff: endpoint({ method: 'GET', path: '/api/admin/staff', answer: adminStaffListSchema }),
  createStaff: endpoint({
    method: 'POST',
    path: '/api/admin/staff',
    body: createStaffInput,
    answer: adminStaffSchema,
    status: 201,
  }),
  updateStaff: endpoint({ method: 'PATCH', path: '/api/admin/staff/{id}', body: updateStaffInput, answer: adminStaffSchema }),
  setPassword: endpoint({ method: 'POST', path: '/api/admin/staff/{id}/password', body: passwordInput }),

  // ------------------------------------------------------------------------------ citizen portal
  citizenLogin: endpoint({
    method: 'POST',
    path: '/api/citizen/login',
    body: requestLoginCodeInput,
    answer: loginCodeSentSchema,
    status: 202,
  }),
  citizenLoginVerify: endpoint({
    method: 'POST',
    path: '/api/citizen/login/verify',
    body: verifyLoginCodeInput,
    answer: citizenSchema,
  }),
  citizenLogout: endpoint({ method: 'POST', path: '/api/citizen/logout' }),
  citizenMe: endpoint({ method: 'GET', path: '/api/citizen/me', answer: citizenSchema }),
  updateCitizenMe: endpoint({ method: 'PATCH', path: '/api/citizen/me', body: updateCitizenInput, answer: citizenSchema }),
  portalServices: endpoint({ method: 'GET', path: '/api/portal/services', answer: onlineServiceListSchema }),
  portalAppointments: endpoint({ method: 'GET', path: '/api/portal/appointments', answer: z.array(appointmentViewSchema) }),
  procedures: endpoint({ method: 'GET', path: '/api/procedures', query: staffProceduresQuery, answer: procedureListSchema }),
  submitProcedure: endpoint({
    method: 'POST',
    path: '/api/procedures',
    body: submitProcedureInput,
    answer: procedureSchema,
    status: 201,
  }),
  openProcedureAtDesk: endpoint({
    method: 'POST',
    path: '/api/procedures/desk',
    body: deskProcedureInput,
    answer: staffProcedureSchema,
    status: 201,
  }),
  procedure: endpoint({ method: 'GET', path: '/api/procedures/{id}', answer: z.union([staffProcedureSchema, procedureSchema]) }),
  takeProcedure: procedureAction('/api/procedures/{id}/take', procedureActionInput, staffProcedureSchema),
  requestProcedureInfo: procedureAction('/api/procedures/{id}/request-info', procedureReasonInput, staffProcedureSchema),
  completeProcedure: procedureAction('/api/procedures/{id}/complete', procedureCompleteInput, staffProcedureSchema),
  rejectProcedure: procedureAction('/api/procedures/{id}/reject', procedureReasonInput, staffProcedureSchema),
  replyProcedure: procedureAction('/api/procedures/{id}/reply', procedureReplyInput, procedureSchema),
  withdrawProcedure: procedureAction('/api/procedures/{id}/withdraw', procedureWithdrawInput, procedureSchema),
  trackProcedure: endpoint({ method: 'GET', path: '/api/procedures/track/{trackingCode}', answer: procedureTrackSchema }),
  verifyDocument: endpoint({ method: 'GET', path: '/api/verify/{code}', answer: documentVerificationSchema }),
} as const;
export type Api = typeof api;

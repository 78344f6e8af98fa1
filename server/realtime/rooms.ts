/** socket.io room names. */
export const rooms = {
  display: (officeId: string) => `display:${officeId}`,
  counter: (counterId: string) => `counter:${counterId}`,
  ticket: (code: string) => `ticket:${code}`,
  /** Staff screens of an office (counters, later the supervisor view). */
  staff: (officeId: string) => `staff:${officeId}`,
};

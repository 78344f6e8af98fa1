/** socket.io room names. */
export const rooms = {
  display: (officeId: string) => `display:${officeId}`,
  counter: (counterId: string) => `counter:${counterId}`,
  ticket: (code: string) => `ticket:${code}`,
  /** Staff screens of an office (counters, later the supervisor view). */
  staff: (officeId: string) => `staff:${officeId}`,
  /** Supervisors' live views of an office (they are in the staff room too, for printer alerts). */
  supervisor: (officeId: string) => `supervisor:${officeId}`,
  /** Every kiosk screen: they all offer appointment services of every office, so one room. */
  kioskScreens: 'kiosk-screens',
  /** The agent socket(s) of one kiosk, on the `/kiosk-agent` namespace. */
  kioskAgent: (kioskId: string) => `kiosk:${kioskId}`,
  /** A procedure's citizen (portal). */
  procedure: (id: string) => `procedure:${id}`,
  /** A citizen's portal screens (their list of procedures). */
  citizen: (citizenId: string) => `citizen:${citizenId}`,
  /** The back-office screens of an office's procedures. */
  procedures: (officeId: string) => `procedures:${officeId}`,
  /** The staff screens of one login (session), to end them when the login ends. */
  login: (sessionKey: string) => `login:${sessionKey}`,
};

import type { BookInput, AppointmentView } from '../../contract/appointments';
import { bookAppointment } from '../../server/appointments/book';

/**
 * Books at once, as a paired kiosk screen does (no e-mail confirmation), for tests about what happens
 * to a booked appointment. Online bookings, which start `pending`, are tested on their own.
 */
export async function bookConfirmed(raw: BookInput, opts: { now?: Date } = {}): Promise<AppointmentView> {
  const r = await bookAppointment({ channel: 'kiosk', ...raw }, { kiosk: { id: raw.kioskId ?? 'test-kiosk' }, now: opts.now });
  if (!('token' in r)) throw new Error(`expected a confirmed booking, got ${r.status}`);
  return r;
}

/** Shapes of the staff HTTP answers used by the clerk screen (see docs/api.md). */
import type { CounterState, Priority, Role } from '../server/db/generated/enums';
import type { CounterTicket } from '../server/realtime/contract';

export type { CounterState, Priority };

export interface StaffInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface Me {
  staff: StaffInfo;
  counterId: string | null;
  /** The password was chosen by an admin: only the change form is shown until it is changed. */
  mustChangePassword?: boolean;
  /** Accounts with the published demo password exist (a "demo data" badge is shown). */
  demo?: boolean;
}

export interface OfficeItem {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  isOneStop: boolean;
}

export interface CounterListItem {
  id: string;
  number: number;
  name: string;
  state: CounterState;
  officeId: string;
  staffId: string | null;
  staffName: string | null;
  serviceIds: string[];
  current: CounterTicket | null;
}

/** A service the logged-in clerk may serve (GET /api/staff/me/services). */
export interface MyService {
  id: string;
  nameIt: string;
  nameEn: string;
  prefix: string;
  officeId: string;
  weight: number;
  category: { nameIt: string; nameEn: string };
}

/** GET /api/services item (only the fields this screen reads). */
export interface ServiceItem {
  id: string;
  prefix: string;
  nameIt: string;
  nameEn: string;
  category: { id: string; nameIt: string; nameEn: string };
  mode: 'desk' | 'appointment';
  officeId: string;
}

export interface Colleague {
  id: string;
  displayName: string;
  counter: { id: string; number: number; name: string } | null;
}

export type Outcome = 'done' | 'partial' | 'redirected' | 'not_possible';
export const outcomes: readonly Outcome[] = ['done', 'partial', 'redirected', 'not_possible'];

export type { Notice } from '../ui/staff/notice';

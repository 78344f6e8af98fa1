/**
 * Where the citizen is on the kiosk, as a pure reducer (no React, unit-tested): the step, the
 * search box, and the one ticket request in flight. `KioskApp` dispatches and renders; loading the
 * catalogue, timers and the socket stay in the component.
 */
import type { IssuedTicket } from '../contract/tickets';
import type { Service } from '../contract/catalog';
import type { CheckInResult, ErrorKind, KioskPriority } from './api';
import { changeAccess, defaultAccess, type AccessChange, type AccessSettings } from './access';

/** Where the citizen found the service, so "back" returns there. */
export type Origin = { name: 'category'; categoryId: string } | { name: 'search' };

export type Step =
  | { name: 'home' }
  | { name: 'category'; categoryId: string }
  | { name: 'appointment'; service: Service; from: Origin }
  | { name: 'priority'; service: Service; from: Origin }
  | { name: 'issuing'; service: Service; priority: KioskPriority; from: Origin; request: number }
  /** `online`: the service can also be requested from home, which the ticket screen mentions. */
  | { name: 'ticket'; ticket: IssuedTicket; online: boolean }
  | { name: 'checkin' }
  /** "Follow a request": the tracking QR of a procedure, its status on screen. */
  | { name: 'follow' }
  | { name: 'checkedIn'; result: CheckInResult }
  | { name: 'closed'; nextOpensAt?: string }
  | { name: 'error'; kind: ErrorKind; service: Service; priority: KioskPriority; from: Origin };

export interface KioskState {
  step: Step;
  /** The search layout of the start screen is open. */
  searching: boolean;
  query: string;
  /** Listen mode, low layout, large text, high contrast: reset with everything else at the start. */
  access: AccessSettings;
}

/** Why a ticket request failed, as far as the flow cares. */
export type IssueFailure = { closed: { nextOpensAt?: string } } | { kind: ErrorKind };

export type KioskAction =
  | { type: 'startOver' }
  | { type: 'home' }
  | { type: 'openSearch' }
  | { type: 'closeSearch' }
  | { type: 'query'; query: string }
  | { type: 'category'; categoryId: string }
  | { type: 'service'; service: Service }
  | { type: 'back'; from: Origin }
  /** `request` numbers the requests (the component counts them); an answer to an older one is ignored. */
  | { type: 'issue'; service: Service; priority: KioskPriority; from: Origin; request: number }
  | { type: 'issued'; request: number; ticket: IssuedTicket }
  | { type: 'issueFailed'; request: number; failure: IssueFailure }
  | { type: 'checkIn' }
  | { type: 'checkedIn'; result: CheckInResult }
  | { type: 'follow' }
  | { type: 'access'; change: AccessChange };

export const initialKioskState: KioskState = { step: { name: 'home' }, searching: false, query: '', access: defaultAccess };

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  const go = (step: Step): KioskState => ({ ...state, step });
  switch (action.type) {
    case 'startOver':
      return initialKioskState;
    case 'home':
      return go({ name: 'home' });
    case 'openSearch':
      return { ...state, searching: true };
    case 'closeSearch':
      return { ...state, searching: false, query: '' };
    case 'query':
      return { ...state, searching: true, query: action.query };
    case 'category':
      return go({ name: 'category', categoryId: action.categoryId });
    case 'service': {
      const from: Origin =
        state.step.name === 'category' ? { name: 'category', categoryId: state.step.categoryId } : { name: 'search' };
      const { service } = action;
      return go(service.mode === 'appointment' ? { name: 'appointment', service, from } : { name: 'priority', service, from });
    }
    case 'back':
      return action.from.name === 'category'
        ? go({ name: 'category', categoryId: action.from.categoryId })
        : { ...state, step: { name: 'home' }, searching: true };
    case 'issue': {
      const { service, priority, from, request } = action;
      return go({ name: 'issuing', service, priority, from, request });
    }
    case 'issued':
      return state.step.name === 'issuing' && isAwaited(state, action.request)
        ? go({ name: 'ticket', ticket: action.ticket, online: state.step.service.online })
        : state;
    case 'issueFailed': {
      if (state.step.name !== 'issuing' || state.step.request !== action.request) return state;
      const { service, priority, from } = state.step;
      const { failure } = action;
      // Closing time came while the citizen was choosing: the same words as the start screen.
      if ('closed' in failure) return go({ name: 'closed', nextOpensAt: failure.closed.nextOpensAt });
      // The service became appointment-only meanwhile: explain where to go instead.
      if (failure.kind === 'byAppointment')
        return go({ name: 'appointment', service: { ...service, mode: 'appointment' }, from });
      return go({ name: 'error', kind: failure.kind, service, priority, from });
    }
    case 'checkIn':
      return go({ name: 'checkin' });
    case 'checkedIn':
      return go({ name: 'checkedIn', result: action.result });
    case 'follow':
      return go({ name: 'follow' });
    case 'access':
      return { ...state, access: changeAccess(state.access, action.change) };
  }
}

/** The answer belongs to the request the kiosk still waits for (leaving the step forgets it). */
function isAwaited(state: KioskState, request: number): boolean {
  return state.step.name === 'issuing' && state.step.request === request;
}

/** Nobody is using the kiosk: the catalogue may change under the start screen. */
export function isIdle(state: KioskState): boolean {
  return state.step.name === 'home' && !state.searching;
}

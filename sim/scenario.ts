import type { Priority } from '../server/db/generated/enums';

/**
 * The simulated office: the demo one-stop desk with the demo catalogue, calibrated on a real
 * Italian one-stop desk (Vicenza, 2018: about 390 visits a day, mean service 7.5 minutes, mean
 * wait about 20 minutes). Times are local wall-clock "HH:MM" of the office's time zone.
 */

export type DayKind = 'reference' | 'quiet' | 'overloaded';

export interface Shift {
  counter: number;
  from: string;
  to: string;
  /** A break taken at the first free moment after `at`. */
  break?: { at: string; minutes: number };
}

export interface DayPlan {
  kind: DayKind;
  /** Walk-in opening ranges (tickets are issued inside them; the clerks serve who is in line at closing). */
  sessions: { opens: string; closes: string }[];
  /** Expected walk-in tickets over the day. */
  walkIns: number;
  /** Relative arrival rate by local hour (only inside sessions). */
  hourShape: Record<number, number>;
  /** Appointments booked at the desk over the day (a few services keep a slot grid). */
  appointments: number;
  shifts: Shift[];
  /** Multiplies every service time (1 = the calibrated desk). */
  serviceScale: number;
}

/** Mean minutes (start → end) of a visit, over the walk-in mix: the Vicenza figure. */
export const MEAN_SERVICE_MINUTES = 7.5;
/** Spread of service times (standard deviation ÷ mean): right-skewed, a few very long visits. */
export const SERVICE_CV = 0.6;
/** Minutes from the call to the citizen sitting down. */
export const WALK_UP_MINUTES = { mean: 0.6, cv: 0.5 };

export const PRIORITY_MIX: { item: Priority; weight: number }[] = [
  { item: 'none', weight: 0.9 },
  { item: 'elderly', weight: 0.06 },
  { item: 'disability', weight: 0.025 },
  { item: 'pregnancy', weight: 0.015 },
];

/** Of the called citizens: gone when called (the clerk recalls once, then marks a no-show). */
export const NO_SHOW_SHARE = 0.035;
/** Minutes after the call that the clerk recalls a citizen who does not come, and gives up. */
export const NO_SHOW_MINUTES = { recall: 1, givenUp: 2 };
/** Of the served citizens: sent on to another service after a first part of the visit. */
export const TRANSFER_SHARE = 0.04;
/** Citizens who give up: each waits at most a patience drawn with this mean (minutes), if at all. */
export const WALK_AWAY = { share: 0.25, meanPatienceMinutes: 70, leastPatienceMinutes: 10 };
/** Of the booked appointments: the citizen checks in (minutes early: uniform 0..10, some a little late). */
export const APPOINTMENT_SHOW_UP = 0.85;
/** Desk services that take appointments in the simulation. */
export const APPOINTMENT_SERVICES = ['richiesta-spid-assistita', 'assistenza-servizi-online', 'iscrizione-asilo-nido'];

/**
 * The other desk services of the demo catalogue, each asked for as often as the least common
 * above (weight 1): the occasional requests of a one-stop desk.
 */
const OCCASIONAL_SERVICES = [
  'affidamento-dispersione-ceneri',
  'agevolazioni-tariffe-scolastiche',
  'albo-giudici-popolari',
  'albo-presidenti-seggio',
  'albo-scrutatori',
  'assegno-maternita',
  'autorizzazione-cremazione',
  'autorizzazione-scavi',
  'canone-unico-patrimoniale',
  'cedole-librarie',
  'centri-estivi',
  'certificato-destinazione-urbanistica',
  'certificato-iscrizione-liste',
  'certificato-morte',
  'comunicazione-dati-conducente',
  'concessione-loculi',
  'contributi-diritto-studio',
  'contributo-affitto',
  'dehors',
  'denuncia-morte',
  'dichiarazione-nascita',
  'diete-speciali-mensa',
  'disposizioni-anticipate-trattamento',
  'esumazioni-estumulazioni',
  'firma-referendum',
  'idoneita-alloggiativa',
  'informazioni-urbanistiche',
  'insegne-pubblicitarie',
  'iscrizione-asilo-nido',
  'licenze-taxi-ncc',
  'manifestazioni-temporanee',
  'mercato-posteggi',
  'numero-civico',
  'occupazione-suolo-temporanea',
  'passo-carrabile',
  'pasti-domicilio',
  'pre-post-scuola',
  'prenotazione-matrimonio-civile',
  'presentazione-cila-scia',
  'ravvedimento-operoso',
  'ricerca-defunti',
  'riconoscimento-figlio',
  'rimborso-tributi',
  'rinnovo-concessioni-cimiteriali',
  'sale-patrocinio',
  'segnalazione-agibilita',
  'somministrazione-alimenti',
  'strutture-ricettive',
  'telesoccorso',
  'tesserino-hobbisti',
  'trascrizione-atti-esteri',
  'trasporto-salma',
  'trasporto-sociale',
  'voto-assistito',
];

/**
 * How often each service is asked for, by code: certificates, authentications, local taxes and
 * school services are the bulk of a one-stop desk's day. Only these services are drawn, so a
 * service added to the demo catalogue does not change a seed's day (add it here to simulate it).
 */
export const SERVICE_WEIGHTS: Record<string, number> = {
  'certificato-residenza': 14,
  'certificato-stato-famiglia': 10,
  'certificato-cittadinanza': 3,
  'certificato-storico-residenza': 3,
  'cambio-abitazione': 6,
  'autentica-firma': 12,
  'autentica-copia': 6,
  'legalizzazione-foto': 4,
  'autentica-passaggio-veicoli': 3,
  'estratto-atto-nascita': 5,
  'estratto-atto-matrimonio': 2,
  'tessera-elettorale-rilascio': 3,
  'tessera-elettorale-duplicato': 5,
  'tari-informazioni': 10,
  'tari-dichiarazione': 5,
  'tari-riduzioni': 3,
  'imu-informazioni': 5,
  'stampa-avvisi-pagamento': 6,
  'iscrizione-mensa-scolastica': 4,
  'pagamenti-mensa': 6,
  'trasporto-scolastico': 2,
  'segretariato-sociale': 3,
  'informazioni-isee': 5,
  'permesso-sosta-residenti': 6,
  'permesso-ztl': 4,
  'contrassegno-disabili': 2,
  'verbali-pagamento': 4,
  'comunicazione-ospitalita': 3,
  'oggetti-smarriti': 2,
  'lampade-votive': 2,
  'informazioni-generali': 14,
  'consegna-documenti-protocollo': 8,
  'accesso-atti': 2,
  'ritiro-atti-casa-comunale': 5,
  'richiesta-spid-assistita': 4,
  'assistenza-servizi-online': 3,
  'segnalazioni-reclami': 3,
  ...Object.fromEntries(OCCASIONAL_SERVICES.map((code) => [code, 1])),
};

const MORNING = { opens: '08:30', closes: '13:00' };
const AFTERNOON = { opens: '14:30', closes: '17:30' };
/** A morning peak from 9:30 to 11:00, a quieter end of morning and afternoon. */
const HOUR_SHAPE = { 8: 0.7, 9: 1.25, 10: 1.35, 11: 1.05, 12: 0.7, 14: 0.65, 15: 0.75, 16: 0.65, 17: 0.4 };

/** The usual staffing of a long day: ten desks in the morning (two only at the peak), six in the afternoon. */
function longDayShifts(morningCounters: number, peakCounters: number, afternoonCounters: number): Shift[] {
  const shifts: Shift[] = [];
  const breaks = ['10:00', '10:20', '10:40', '11:00', '11:20', '11:40', '12:00', '10:10', '10:30', '10:50'];
  for (let c = 1; c <= morningCounters; c++)
    shifts.push({ counter: c, from: '08:30', to: '13:00', break: { at: breaks[(c - 1) % breaks.length]!, minutes: 15 } });
  for (let c = morningCounters + 1; c <= morningCounters + peakCounters; c++)
    shifts.push({ counter: c, from: '09:30', to: '12:30' });
  for (let c = 1; c <= afternoonCounters; c++) shifts.push({ counter: c, from: '14:30', to: '17:30' });
  return shifts;
}

export const COUNTERS_NEEDED = 10;

export const DAY_PLANS: Record<DayKind, DayPlan> = {
  reference: {
    kind: 'reference',
    sessions: [MORNING, AFTERNOON],
    walkIns: 378,
    hourShape: HOUR_SHAPE,
    appointments: 18,
    shifts: longDayShifts(7, 2, 5),
    serviceScale: 1,
  },
  quiet: {
    kind: 'quiet',
    sessions: [MORNING, AFTERNOON],
    walkIns: 230,
    hourShape: HOUR_SHAPE,
    appointments: 12,
    shifts: longDayShifts(6, 1, 4),
    serviceScale: 1,
  },
  overloaded: {
    kind: 'overloaded',
    sessions: [MORNING, AFTERNOON],
    walkIns: 450,
    hourShape: HOUR_SHAPE,
    appointments: 18,
    // Two clerks off sick, longer visits (a deadline day for a local tax).
    shifts: longDayShifts(7, 1, 5),
    serviceScale: 1.05,
  },
};

/** Morning-only days carry this share of a long day's walk-ins (Monday the most, Friday the least). */
const MORNING_DAY_VOLUME: Record<number, number> = { 1: 0.8, 3: 0.7, 5: 0.65 };

/** An ordinary week: long days on Tuesday and Thursday, mornings only on the other weekdays, closed at the weekend. */
export function weekdayPlan(weekday: number): DayPlan {
  const ref = DAY_PLANS.reference;
  if (weekday === 2 || weekday === 4) return ref;
  if (weekday > 5) return { ...ref, sessions: [], walkIns: 0, appointments: 0, shifts: [] };
  return {
    ...ref,
    sessions: [MORNING],
    walkIns: Math.round(ref.walkIns * MORNING_DAY_VOLUME[weekday]!),
    appointments: Math.round(ref.appointments * 0.6),
    shifts: ref.shifts.filter((s) => s.from < MORNING.closes),
  };
}

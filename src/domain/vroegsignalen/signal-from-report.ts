import type { SignalData } from '../signals/signal-schema';
import { NAME_MAX, addDays, DEFAULT_DUE_DAYS, signalDataSchema } from '../signals/signal-schema';
import type { SignalTeam } from '../signals/handover';
import { addressLine } from './address';
import type { ImportRow } from './import-row';
import { categoryForCreditor } from './vroegsignaal';

/**
 * The signal an accepted arrears report becomes: an ordinary signal (so sync, encryption, scope,
 * lifecycle and the coordinator's figures all apply), with the report's fields flat in its data.
 * Urgency is `normaal` and contact is due in the default number of days: the file does not say
 * whether eviction or disconnection is near (Wgs art. 4 lid 2 would make that three working
 * days), so the worker raises the urgency when the visit shows it.
 */
export function signalDataFromReport(row: ImportRow, importId: string, today: string): SignalData {
  const line = addressLine(row);
  const data = {
    category: categoryForCreditor(row.creditorType),
    urgency: 'normaal',
    consent: 'wettelijke-taak',
    residentName: (row.householdName ?? line).slice(0, NAME_MAX),
    contactWay: 'adres',
    contactValue: line,
    dueAt: addDays(today, DEFAULT_DUE_DAYS.normaal),
    source: 'vroegsignaal',
    creditorType: row.creditorType,
    arrearsCents: row.arrearsCents,
    monthsInArrears: row.monthsInArrears,
    reportedOn: row.reportedOn,
    street: row.street,
    houseNumber: row.houseNumber,
    ...(row.houseNumberSuffix ? { houseNumberSuffix: row.houseNumberSuffix } : {}),
    postcode: row.postcode,
    city: row.city,
    externalRef: row.externalRef,
    importId,
  };
  // Fails loudly if the two schemas ever drift apart, rather than storing what devices refuse.
  return signalDataSchema.parse(data);
}

/** The fields a newer report of the same arrears updates on the open signal. */
export function mergedFields(
  row: ImportRow,
): Pick<SignalData, 'arrearsCents' | 'monthsInArrears' | 'reportedOn'> {
  return {
    arrearsCents: row.arrearsCents,
    monthsInArrears: row.monthsInArrears,
    reportedOn: row.reportedOn,
  };
}

/** "€ 1.234,56": the amount as the merge note says it. */
export function euro(cents: number): string {
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${whole},${String(cents % 100).padStart(2, '0')}`;
}

/** The note a merge adds to the signal's history: what the creditor reported anew. */
export function mergeNote(row: ImportRow): string {
  return `Nieuw signaal van de schuldeiser (${row.reportedOn}): achterstand ${euro(row.arrearsCents)}, ${row.monthsInArrears} ${row.monthsInArrears === 1 ? 'maand' : 'maanden'}.`;
}

/**
 * The team whose list an imported signal lands in: the wijkteam that works in its wijk (a team
 * of the sociaal wijkteam organisation), else any team that serves the wijk by name. Null when
 * no team works there; the report says so, and the signal waits for an assignment.
 */
export function teamForWijk(wijk: string, teams: readonly SignalTeam[]): string | null {
  const serving = teams.filter((t) => t.wijken.includes(wijk));
  const wijkteam = serving.find((t) => t.organisationId === 'sociaal-wijkteam');
  return (wijkteam ?? serving[0])?.id ?? null;
}

import type { SignalData } from '../../../src/domain/signals/signal-schema';
import type { CreditorType } from '../../../src/domain/vroegsignalen/vroegsignaal';
import { categoryForCreditor } from '../../../src/domain/vroegsignalen/vroegsignaal';
import type { PlainRecord } from '../../../src/data/crypto/record-crypto';
import { signalIndexFromData } from '../../../src/domain/signals/signal-index';

/** A synthetic vroegsignaal as the import would store it (invented streets, no real household). */
export function vroegsignaalRecord(options: {
  id: string;
  street: string;
  houseNumber: number;
  suffix?: string;
  creditorType?: CreditorType;
  wijk?: string;
  assignedToUser?: string;
  assignedToTeam?: string;
  status?: string;
  createdAt?: string;
}): PlainRecord {
  const creditorType = options.creditorType ?? 'huur';
  const line = `${options.street} ${options.houseNumber}${options.suffix ?? ''}`;
  const data: SignalData = {
    category: categoryForCreditor(creditorType),
    urgency: 'normaal',
    consent: 'wettelijke-taak',
    residentName: line,
    contactWay: 'adres',
    contactValue: line,
    dueAt: '2026-12-07',
    source: 'vroegsignaal',
    creditorType,
    arrearsCents: 45_000,
    monthsInArrears: 2,
    reportedOn: '2026-11-20',
    street: options.street,
    houseNumber: options.houseNumber,
    postcode: '3300AA',
    city: 'Dordrecht',
    externalRef: `ref-${options.id}`,
    importId: 'import-test',
  };
  if (options.suffix) data.houseNumberSuffix = options.suffix;
  const createdAt = options.createdAt ?? '2026-11-23T08:00:00.000Z';
  const record: PlainRecord = {
    id: options.id,
    entityType: 'signal',
    version: 1,
    createdAt,
    updatedAt: createdAt,
    createdBy: 'demo-coordinator',
    wijk: options.wijk ?? 'wielwijk',
    status: options.status ?? 'nieuw',
    ...signalIndexFromData(data),
    data,
  };
  if (options.assignedToUser) record.assignedToUser = options.assignedToUser;
  if (options.assignedToTeam) record.assignedToTeam = options.assignedToTeam;
  return record;
}
